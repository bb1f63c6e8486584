package io.ambientcode.sidecar.google;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.credential.UnusableCredentialException;
import io.ambientcode.sidecar.google.auth.GoogleCredential;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Tells the shared runtime that this is the google sidecar, which values inside the JSON credential are secret on their
 * own (the runtime always hides the whole JSON), which configuration it accepts ({@link GoogleConfigRules}), and that a
 * credential must be one of Google's two JSON shapes. Access tokens obtained later join the redactor through
 * {@link io.ambientcode.sidecar.google.auth.AccessTokens} the moment they arrive.
 */
@Singleton
public class GoogleModule implements SidecarProviderModule {

    @Inject
    GoogleConfig config;

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public List<String> secretFragments(Credential credential) {
        return GoogleCredential.secretFragments(credential.token());
    }

    @Override
    public String upstreamName() {
        return "Google API";
    }

    @Override
    public List<String> configurationProblems() {
        return GoogleConfigRules.problems(config);
    }

    /** An {@code authorized_user} or {@code service_account} JSON with every field a grant needs. */
    @Override
    public void validate(Credential credential) {
        try {
            GoogleCredential.parse(credential);
        } catch (CredentialUnavailableException e) {
            throw new UnusableCredentialException(e.getMessage());
        }
    }
}
