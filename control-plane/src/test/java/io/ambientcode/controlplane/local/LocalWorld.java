package io.ambientcode.controlplane.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.local.PrivateFiles;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.controlplane.support.Sessions;
import io.ambientcode.controlplane.support.TestKeys;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.util.Map;

/**
 * The outside world of a control plane in local mode: a data directory laid out as {@code acpctl up} leaves it (the
 * development issuer's public key, the control plane's signing key), a home with the fake github sidecar, and WireMock
 * as both the credential API (binding resolution) and the token server ({@code /public-key}).
 */
public class LocalWorld implements QuarkusTestResourceLifecycleManager {

    public static final String PROJECT = "demo";
    public static final String GITHUB_CREDENTIAL = "cred-github-0001";

    /** What tests need: the issuer's private key to mint user tokens, the data directory, the fakes. */
    public record Handles(RSAPrivateKey devIssuer, Path dataDir, WireMockServer fakes) {
    }

    static volatile Handles handles;

    private WireMockServer fakes;
    private Path root;

    @Override
    public Map<String, String> start() {
        try {
            root = Files.createTempDirectory("local-world");
            Path dataDir = root.resolve("data");
            PrivateFiles.directory(dataDir);
            KeyPair dev = TestKeys.rsa(2048);
            Files.writeString(dataDir.resolve(LocalLayout.DEV_ISSUER_PUBLIC_KEY), Pem.toSpkiPem(dev.getPublic()));
            PrivateFiles.write(dataDir.resolve(LocalLayout.CONTROL_PLANE_KEY),
                    Pem.toPkcs8Pem(TestKeys.rsa(2048).getPrivate()).getBytes());
            Path home = FakeSidecarJar.home(root.resolve("home"), Provider.GITHUB);

            fakes = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            fakes.start();
            fakes.stubFor(get(urlEqualTo("/public-key")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/x-pem-file").withBody(LocalTestSessions.EXCHANGE_KEY)));
            Sessions.stubResolve(fakes, PROJECT, Map.of("github", GITHUB_CREDENTIAL));
            handles = new Handles((RSAPrivateKey) dev.getPrivate(), dataDir, fakes);
            return Map.of(
                    "ambient.data-dir", dataDir.toString(),
                    "ambient.control-plane.local.home", home.toString(),
                    "ambient.control-plane.local.check-interval", "200ms",
                    "ambient.control-plane.credential-api.url", fakes.baseUrl(),
                    "ambient.control-plane.token-server.url", fakes.baseUrl() + "/token");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (fakes != null) {
            fakes.stop();
        }
        // The application stopped its sidecars on shutdown; the directory goes with the run.
        if (root != null) {
            PrivateFiles.deleteTree(root);
        }
    }
}
