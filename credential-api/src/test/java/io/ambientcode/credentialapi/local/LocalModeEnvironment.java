package io.ambientcode.credentialapi.local;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.credentialapi.support.JwksServer;
import io.ambientcode.credentialapi.support.Shared;
import io.ambientcode.credentialapi.support.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local-mode data directory as {@code acpctl up} lays it out (contracts {@link LocalLayout}): the development user
 * issuer's and the control plane's public keys; no encryption key (the service creates it) and no database server.
 */
public class LocalModeEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String DATA_DIR = "credapi.test.local.datadir";

    private JwksServer jwks;

    @Override
    public Map<String, String> start() {
        try {
            Path dataDir = Files.createTempDirectory("ambient-local-");
            Shared.put(DATA_DIR, dataDir.toString());
            jwks = JwksServer.start();
            TestKeys.generateAndPublish();
            Files.writeString(dataDir.resolve(LocalLayout.DEV_ISSUER_PUBLIC_KEY), TestKeys.userPublicPem());
            Files.writeString(dataDir.resolve(LocalLayout.CONTROL_PLANE_PUBLIC_KEY),
                    Pem.toSpkiPem(TestKeys.publicOf(TestKeys.controlPlaneKey())));
            return Map.of(
                    "ambient.data-dir", dataDir.toString(),
                    "ambient.auth.session.jwks-url", jwks.url(),
                    "quarkus.http.test-port", "0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop();
        }
    }
}
