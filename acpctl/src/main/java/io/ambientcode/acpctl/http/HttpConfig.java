package io.ambientcode.acpctl.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Bounds of every HTTP call acpctl makes (overridable with {@code ACPCTL_HTTP_*} environment variables). */
@ConfigMapping(prefix = "acpctl.http")
public interface HttpConfig {

    /** Longest wait for a TCP connection to a service. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Longest wait for a complete answer to one request. */
    @WithDefault("30s")
    Duration requestTimeout();
}
