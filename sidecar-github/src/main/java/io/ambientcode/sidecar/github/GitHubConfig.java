package io.ambientcode.sidecar.github;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Settings of the github sidecar beyond the shared runtime's. */
@ConfigMapping(prefix = "ambient.github")
public interface GitHubConfig {

    /**
     * The git host the proxy forwards to, e.g. {@code https://github.com}. Unset: derived from the credential's url
     * ({@code api.github.com} → {@code github.com}, GHE {@code https://host/api/v3} → {@code https://host}).
     */
    Optional<String> gitBaseUrl();
}
