package io.ambientcode.credentialapi.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The world of the main test application: a fresh PostgreSQL schema, keys generated for this run, and a real HTTP
 * JWKS endpoint for the token-server issuer. Everything the service is configured with comes from here.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA = "credential_api_test";

    private JwksServer jwks;

    @Override
    public Map<String, String> start() {
        TestSecrets.reset();
        // The service's log for this run only (the leak scan reads it); the file handler opens when the app starts.
        try {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("target", "test-logs", "credential-api.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestDb.resetSchema(SCHEMA);
        jwks = JwksServer.start();
        TestKeys.generateAndPublish();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestDb.url(SCHEMA));
        config.put("quarkus.datasource.username", TestDb.USER);
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.flyway.default-schema", SCHEMA);
        config.put("quarkus.flyway.schemas", SCHEMA);
        config.put("ambient.encryption.keys.\"1\"", TestKeys.encryptionKey(1));
        config.put("ambient.encryption.keys.\"2\"", TestKeys.encryptionKey(2));
        config.put("ambient.encryption.current-version", "1");
        config.put("ambient.auth.users.issuer", TestKeys.USER_ISSUER);
        config.put("ambient.auth.users.public-key", TestKeys.userPublicPem());
        config.put("ambient.auth.users.platform-admin-group", TestKeys.PLATFORM_ADMIN_GROUP);
        config.put("ambient.auth.control-plane.public-key", TestKeys.controlPlanePublicPem());
        config.put("ambient.auth.session.jwks-url", jwks.url());
        config.put("ambient.auth.session.jwks-min-refresh-interval", "2s");
        return config;
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop();
        }
    }
}
