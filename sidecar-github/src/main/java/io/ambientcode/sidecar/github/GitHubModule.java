package io.ambientcode.sidecar.github;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.github.gitproxy.GitCredentials;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Singleton;
import java.util.List;

/** Tells the shared runtime that this is the github sidecar, and which derived values are secret too. */
@Singleton
public class GitHubModule implements SidecarProviderModule {

    @Override
    public Provider provider() {
        return Provider.GITHUB;
    }

    /** The git proxy sends {@code Basic base64(x-access-token:<token>)}; that encoding is as secret as the token. */
    @Override
    public List<String> secretFragments(Credential credential) {
        return List.of(GitCredentials.basicValue(credential.token()));
    }

    @Override
    public String upstreamName() {
        return "GitHub API";
    }
}
