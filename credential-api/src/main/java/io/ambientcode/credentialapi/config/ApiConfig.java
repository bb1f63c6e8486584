package io.ambientcode.credentialapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the REST API. */
@ConfigMapping(prefix = "ambient.api")
public interface ApiConfig {

    /** Largest accepted request body; larger ones are answered 413 (ARCHITECTURE.md section 5: 64 KiB). */
    @WithDefault("65536")
    int maxBodyBytes();

    /** Page size when a list request gives none. */
    @WithDefault("20")
    int defaultPageSize();

    /** Largest page size a list request may ask for; more is a 400. */
    @WithDefault("100")
    int maxPageSize();

    /** Most {@code credential} parameters one resolve request may name. */
    @WithDefault("16")
    int maxResolveCredentials();
}
