package io.ambientcode.credentialapi.cli;

import io.ambientcode.credentialapi.support.JwksServer;
import io.ambientcode.credentialapi.support.TestDb;
import io.ambientcode.credentialapi.support.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import org.flywaydb.core.Flyway;
import java.util.Map;

/**
 * The command line's world: its own PostgreSQL schema, and a keyring rotated to version 2 (versions 1 and 2
 * configured, current 2), as an operator configures it before running {@code reencrypt}.
 */
public class CommandLineEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String SCHEMA = "credential_api_cli_test";
    private static final String INITIALIZED = "credapi.test.cli.initialized";

    private JwksServer jwks;

    /**
     * Makes the schema (migrated by the service's own Flyway scripts) and the keys, once per JVM: the test seeds rows
     * before the first launch, and every launch of the application starts its test resources again.
     */
    public static synchronized void prepare() {
        if (System.getProperty(INITIALIZED) == null) {
            TestDb.resetSchema(SCHEMA);
            TestKeys.generateAndPublish();
            // The service's own migrations, so the test can seed rows before the first launch.
            Flyway.configure().dataSource(TestDb.url(SCHEMA), TestDb.USER, "").schemas(SCHEMA).defaultSchema(SCHEMA)
                    .locations("classpath:db/migration").load().migrate();
            System.setProperty(INITIALIZED, "true");
        }
    }

    @Override
    public Map<String, String> start() {
        prepare();
        jwks = JwksServer.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestDb.url(SCHEMA));
        config.put("quarkus.datasource.username", TestDb.USER);
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.flyway.default-schema", SCHEMA);
        config.put("quarkus.flyway.schemas", SCHEMA);
        config.put("ambient.encryption.keys.\"1\"", TestKeys.encryptionKey(1));
        config.put("ambient.encryption.keys.\"2\"", TestKeys.encryptionKey(2));
        config.put("ambient.encryption.current-version", "2");
        config.put("ambient.auth.users.issuer", TestKeys.USER_ISSUER);
        config.put("ambient.auth.users.public-key", TestKeys.userPublicPem());
        config.put("ambient.auth.control-plane.public-key", TestKeys.controlPlanePublicPem());
        config.put("ambient.auth.session.jwks-url", jwks.url());
        config.put("quarkus.log.file.enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop();
        }
    }
}
