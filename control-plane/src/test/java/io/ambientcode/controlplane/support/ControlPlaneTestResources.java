package io.ambientcode.controlplane.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ambientcode.contracts.crypto.Pem;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.util.Map;

/**
 * The outside world of the control plane in tests: WireMock as the credential API, and keys generated for this run
 * (the control plane's signing key, the token server's exchange public key). One instance serves every test class,
 * so the application starts once.
 */
public class ControlPlaneTestResources implements QuarkusTestResourceLifecycleManager {

    private WireMockServer credentialApi;

    @Override
    public Map<String, String> start() {
        LogScan.truncate();
        credentialApi = new WireMockServer(options().dynamicPort().containerThreads(20));
        credentialApi.start();
        KeyPair signing = TestKeys.rsa(2048);
        KeyPair tokenServer = TestKeys.rsa(3072);
        return Map.of(
                "ambient.control-plane.credential-api.url", "http://localhost:" + credentialApi.port(),
                "ambient.control-plane.credential-api.signing-key", Pem.toPkcs8Pem(signing.getPrivate()),
                "ambient.control-plane.token-server.public-key", Pem.toSpkiPem(tokenServer.getPublic()));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(credentialApi,
                new TestInjector.AnnotatedAndMatchesType(InjectCredentialApi.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (credentialApi != null) {
            credentialApi.stop();
        }
    }
}
