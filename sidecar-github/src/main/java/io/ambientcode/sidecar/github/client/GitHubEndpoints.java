package io.ambientcode.sidecar.github.client;

import io.ambientcode.contracts.provider.CredentialShape;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where GitHub lives for a credential: the REST API base (the credential's {@code url}, default
 * {@code https://api.github.com}) and the git host derived from it ({@code api.github.com} → {@code github.com};
 * GitHub Enterprise {@code https://ghe.example.com/api/v3} → {@code https://ghe.example.com}). The git host can be
 * overridden by configuration (tests). Pure.
 */
public record GitHubEndpoints(URI api, URI git) {

    /**
     * @throws IllegalArgumentException when the credential's url is not an absolute http(s) URL with a host
     */
    public static GitHubEndpoints of(Optional<String> credentialUrl, Optional<String> gitOverride) {
        String apiText = credentialUrl.filter(u -> !u.isBlank()).orElse(CredentialShape.GITHUB_DEFAULT_URL)
                .strip().replaceAll("/+$", "");
        URI api = URI.create(apiText);
        String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || api.getHost() == null) {
            throw new IllegalArgumentException("the credential's url must be an http(s) URL of the GitHub API");
        }
        URI git = gitOverride.filter(g -> !g.isBlank()).map(g -> URI.create(g.replaceAll("/+$", "")))
                .orElseGet(() -> gitHostFor(api));
        return new GitHubEndpoints(api, git);
    }

    static URI gitHostFor(URI api) {
        String host = api.getHost().toLowerCase(Locale.ROOT);
        String origin = api.getScheme() + "://" + (host.equals("api.github.com") ? "github.com" : api.getRawAuthority());
        return URI.create(origin);
    }
}
