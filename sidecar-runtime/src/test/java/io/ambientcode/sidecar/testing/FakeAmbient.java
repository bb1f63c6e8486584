package io.ambientcode.sidecar.testing;

import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A token server and a credential API for one session and one provider, with a fresh session id, proof and credential
 * token per test run, plus the sidecar environment that points at them ({@link #env()}). Reused by every sidecar's
 * tests (sidecar-runtime test-jar).
 */
public final class FakeAmbient implements AutoCloseable {

    public final String sessionId = UUID.randomUUID().toString();
    public final String credentialId = "cred-" + UUID.randomUUID().toString().substring(0, 8);
    public final String proof = ProofSecret.newProof();
    public final String provider;
    public final FakeTokenServer tokenServer;
    public final FakeCredentialApi credentialApi;
    public final Path proofFile;

    /**
     * @param apiPort port for the credential API, 0 for any (a fixed port lets a test start it late: "API down")
     */
    public FakeAmbient(String provider, String initialToken, String credentialUrl, int apiPort) throws IOException {
        this.provider = provider;
        tokenServer = new FakeTokenServer(sessionId, provider, proof, List.of(credentialId));
        credentialApi = apiPort < 0 ? null
                : new FakeCredentialApi(apiPort, tokenServer.signingPublicKey(), credentialId, provider, initialToken,
                        credentialUrl);
        Path dir = Files.createTempDirectory("proof");
        proofFile = dir.resolve(provider);
        Files.writeString(proofFile, proof);
    }

    /** The sidecar environment contract pointing at these fakes. */
    public Map<String, String> env() {
        return env(credentialApi.baseUrl());
    }

    public Map<String, String> env(String apiUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(SidecarEnv.SESSION_ID, sessionId);
        env.put(SidecarEnv.CREDENTIAL_PROVIDER, provider);
        env.put(SidecarEnv.CREDENTIAL_IDS, "{\"" + provider + "\":\"" + credentialId + "\"}");
        env.put(SidecarEnv.AMBIENT_API_URL, apiUrl);
        env.put(SidecarEnv.AMBIENT_CP_TOKEN_URL, tokenServer.url());
        env.put(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, tokenServer.exchangePublicKeyPem());
        env.put(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, proofFile.toString());
        return env;
    }

    /** Secrets of this session that must never appear in any output. */
    public List<String> secrets() {
        return List.of(proof);
    }

    @Override
    public void close() {
        tokenServer.close();
        if (credentialApi != null) {
            credentialApi.close();
        }
    }
}
