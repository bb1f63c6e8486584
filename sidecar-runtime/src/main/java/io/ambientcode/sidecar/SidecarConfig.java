package io.ambientcode.sidecar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Tunables of the shared sidecar runtime. The session contract itself (session id, URLs, proof) comes from the
 * environment variables of {@link io.ambientcode.contracts.session.SidecarEnv}, not from here.
 */
@ConfigMapping(prefix = "ambient.sidecar")
public interface SidecarConfig {

    /** Calls to the token server and the credential API. */
    Ambient ambient();

    /** Calls to the provider's upstream API (GitHub, Jira, ...) made by tools. */
    Upstream upstream();

    /** When and how often the credential is refreshed. */
    Refresh refresh();

    interface Ambient {
        /** TCP connect timeout. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout of one exchange or fetch. */
        @WithDefault("10s")
        Duration requestTimeout();
    }

    interface Upstream {
        /** TCP connect timeout towards the provider API. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whole-request timeout of one upstream API call; no tool call waits longer per request. */
        @WithDefault("30s")
        Duration requestTimeout();

        /** Largest upstream response body read into memory; larger bodies are cut with a note. */
        @WithDefault("2000000")
        int maxResponseBytes();
    }

    interface Refresh {
        /** First retry delay after a transient failure (exponential backoff with jitter from here). */
        @WithDefault("1s")
        Duration backoffInitial();

        /** Longest delay between two retries. */
        @WithDefault("30s")
        Duration backoffMax();

        /** {@code refresh_credentials} and {@code POST /refresh} run at most once per this interval. */
        @WithDefault("30s")
        Duration onDemandMinInterval();

        /** Refresh this long before the session token or the credential expires. */
        @WithDefault("60s")
        Duration beforeExpiry();

        /** Never schedule a refresh sooner than this after the previous one (short-lived tokens in tests). */
        @WithDefault("2s")
        Duration minimumDelay();

        /**
         * Stop the process (exit code 2) when the very first credential is refused permanently (403: session
         * inactive or wrong proof). The sidecar could never serve; exiting makes the failure visible.
         */
        @WithDefault("true")
        boolean exitOnPermanentStartupFailure();
    }
}
