package io.ambientcode.sidecar.github;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.url.UrlPolicy;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.UnusableCredentialException;
import io.ambientcode.sidecar.github.client.GitHubClient;
import io.ambientcode.sidecar.github.client.GitHubEndpoints;
import io.ambientcode.sidecar.github.gitproxy.GitCredentials;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Tells the shared runtime that this is the github sidecar, which derived values are secret too, and what a credential
 * needs before it is published (its API base and git host).
 */
@Singleton
public class GitHubModule implements SidecarProviderModule {

    /** Looked up when first needed: the client depends (through the credential scope) on the runtime's holder. */
    @Inject
    Instance<GitHubClient> client;

    @Inject
    GitHubConfig config;

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

    /** {@code ambient.github.git-base-url}, when set, is where the git proxy sends the credential: https or loopback. */
    @Override
    public List<String> configurationProblems() {
        return config.gitBaseUrl().filter(u -> !u.isBlank()).map(url -> {
            try {
                UrlPolicy.allowingExternal().check("ambient.github.git-base-url", url);
                return List.<String>of();
            } catch (IllegalArgumentException e) {
                return List.of(e.getMessage());
            }
        }).orElse(List.of());
    }

    /** The credential's {@code url} (GitHub Enterprise) must be a URL the API and the git proxy can use. */
    @Override
    public void validate(Credential credential) {
        try {
            GitHubEndpoints.of(credential.url(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw new UnusableCredentialException(e.getMessage().startsWith("the credential's url") ? e.getMessage()
                    : "the credential's url is not a valid URL");
        }
    }

    @Override
    public void prepare(Credential credential) {
        client.get().prepare(credential);
    }
}
