package io.ambientcode.tokenserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the token server can be told. Defaults are the protocol's (ARCHITECTURE.md section 4). */
@ConfigMapping(prefix = "ambient.token")
public interface TokenServerConfig {

    /** Lifetime of minted session tokens; at most 900 s (start-up refuses more). */
    @WithDefault("600s")
    Duration sessionTokenLifetime();

    /** How far an assertion's {@code iat} may be from the server clock, either way. */
    @WithDefault("60s")
    Duration clockSkew();

    /** How long a nonce is remembered; must cover twice the clock skew. */
    @WithDefault("120s")
    Duration replayWindow();

    /** Upper bound on remembered nonces; when full (after evicting expired ones) exchanges answer 429. */
    @WithDefault("200000")
    int replayCacheMaxEntries();

    /** Successful exchanges allowed per session and provider per minute. */
    @WithDefault("20")
    int rateLimitPerMinute();

    Keys keys();

    Sessions sessions();

    interface Keys {

        /** Where keys live: {@code kubernetes} (a Secret) or {@code file} (files or a data directory). */
        @WithDefault("kubernetes")
        KeyStoreKind store();

        /** Secret holding the keys in Kubernetes. */
        @WithDefault("ambient-cp-token-keypair")
        String secretName();

        /** Namespace of that Secret; defaults to the client's (the pod's) namespace. */
        Optional<String> namespace();

        /** Data directory for generated keys outside Kubernetes (created 0700, files 0600). */
        @WithDefault("${user.home}/.ambient/token-server")
        Path dataDir();

        /** An exchange private key (PKCS#1 or PKCS#8 PEM) to load instead of generating one. */
        Optional<Path> exchangePrivateKeyFile();

        /** A signing private key (PKCS#1 or PKCS#8 PEM) to load instead of generating one. */
        Optional<Path> signingPrivateKeyFile();

        /** How often keys are re-read (another replica may have rotated them). */
        @WithDefault("60s")
        Duration refreshInterval();

        /** Age after which the signing key is rotated (the previous one stays in JWKS); 0 disables. */
        @WithDefault("30d")
        Duration signingRotationPeriod();

        /** How long a previous exchange key is still accepted after an exchange-key rotation. */
        @WithDefault("24h")
        Duration exchangePreviousGrace();
    }

    interface Sessions {

        /** Where sessions come from: {@code kubernetes} (AgenticSession resources) or {@code local} (control plane). */
        @WithDefault("kubernetes")
        SessionSourceKind source();

        /** How long a session lookup may be reused; at most 5 s (start-up refuses more). */
        @WithDefault("2s")
        Duration cacheTtl();

        /** Namespaces whose sessions are served; empty = all namespaces. */
        Optional<List<String>> namespaces();

        Local local();
    }

    /** The control plane's local session registry (local mode only; loopback). */
    interface Local {

        /** Base URL of the control plane, e.g. {@code http://127.0.0.1:8190}. */
        @WithDefault("http://127.0.0.1:8190")
        java.net.URI url();

        /** File holding the registry key (written by the control plane into the local data directory). */
        @WithDefault("${user.home}/.ambient/registry.key")
        Path keyFile();

        @WithDefault("2s")
        Duration timeout();
    }

    enum KeyStoreKind {
        kubernetes, file
    }

    enum SessionSourceKind {
        kubernetes, local
    }
}
