package io.ambientcode.sidecar.google;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.google.auth.GoogleCredential;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Tells the shared runtime that this is the google sidecar, and which values inside the JSON credential are secret
 * on their own (the runtime always hides the whole JSON). Access tokens obtained later are added to the redactor by
 * {@link io.ambientcode.sidecar.google.auth.AccessTokens} the moment they arrive.
 */
@Singleton
public class GoogleModule implements SidecarProviderModule {

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
}
