package io.ambientcode.sidecar.jira;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.jira.client.JiraAuth;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Singleton;
import java.util.List;

/** Tells the shared runtime that this is the jira sidecar, and which derived values are secret too. */
@Singleton
public class JiraModule implements SidecarProviderModule {

    @Override
    public Provider provider() {
        return Provider.JIRA;
    }

    /**
     * Jira Cloud is called with {@code Authorization: Basic base64(email:token)}: that encoding, and the whole header
     * value, are as secret as the token itself (the raw token is always hidden by the runtime).
     */
    @Override
    public List<String> secretFragments(Credential credential) {
        return credential.email()
                .map(email -> List.of(JiraAuth.basicCredentials(email, credential.token()),
                        JiraAuth.header(credential)))
                .orElse(List.of());
    }

    @Override
    public String upstreamName() {
        return "Jira API";
    }
}
