package io.ambientcode.sidecar.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.credential.CredentialTokenPayload;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * An in-test credential API serving {@code GET /api/ambient/v1/credentials/{id}/token} the real way: it verifies the
 * session JWT (RS256 from the token server's signing key, issuer, audience, expiry), requires the id in
 * {@code credential_ids} and the provider in {@code prv}, and answers a JWE to {@code cnf.jwk}.
 * {@link #rotate} changes the stored token, as a user would; {@link #failNext} simulates outages.
 */
public final class FakeCredentialApi implements AutoCloseable {

    private final HttpServer server;
    /** Daemon threads, shut down with the fake, so a main that uses it can end. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-ambient");
        t.setDaemon(true);
        return t;
    });
    private final JwtConsumer consumer;
    private final String credentialId;
    private final String provider;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger pendingFailures = new AtomicInteger();
    private volatile int failStatus = 503;
    private volatile String token;
    private volatile String url;
    private volatile String email;

    public FakeCredentialApi(int port, RSAPublicKey signingKey, String credentialId, String provider, String token,
            String url) throws IOException {
        this.credentialId = credentialId;
        this.provider = provider;
        this.token = token;
        this.url = url;
        consumer = new JwtConsumerBuilder()
                .setVerificationKey(signingKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(SessionTokenClaims.ISSUER)
                .setExpectedAudience(SessionTokenClaims.AUDIENCE)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(5)
                .build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext(CredentialApiPaths.BASE + "/credentials/", this::handle);
        server.start();
    }

    /** Base URL, what {@code AMBIENT_API_URL} holds. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int fetches() {
        return fetches.get();
    }

    /** The user rotated the credential: later fetches return the new token. */
    public void rotate(String newToken) {
        this.token = newToken;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    /** The next {@code count} fetches fail with this status (problem+json). */
    public void failNext(int count, int status) {
        failStatus = status;
        pendingFailures.set(count);
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (!path.equals(CredentialApiPaths.token(credentialId))) {
                FakeHttp.problem(ex, 404, "not_found");
                return;
            }
            if (pendingFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                FakeHttp.problem(ex, failStatus, "unavailable");
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                FakeHttp.problem(ex, 401, "unauthenticated");
                return;
            }
            JwtClaims claims;
            try {
                claims = consumer.processToClaims(auth.substring("Bearer ".length()));
            } catch (InvalidJwtException e) {
                FakeHttp.problem(ex, 401, "invalid_token");
                return;
            }
            List<String> ids = claims.getStringListClaimValue(SessionTokenClaims.CREDENTIAL_IDS);
            if (!ids.contains(credentialId) || !provider.equals(claims.getStringClaimValue(SessionTokenClaims.PROVIDER))) {
                FakeHttp.problem(ex, 404, "not_found");
                return;
            }
            Map<?, ?> cnf = (Map<?, ?>) claims.getClaimValue(SessionTokenClaims.CONFIRMATION);
            EcPublicJwk jwk = EcPublicJwk.fromMap((Map<?, ?>) cnf.get(SessionTokenClaims.CONFIRMATION_JWK));
            String payload = FakeHttp.JSON.writeValueAsString(
                    new CredentialTokenPayload(credentialId, provider, token, url, email, null));
            fetches.incrementAndGet();
            FakeHttp.send(ex, 200, Jwe.MEDIA_TYPE, Jwe.encrypt(payload, jwk.toPublicKey()));
        } catch (Exception e) {
            FakeHttp.problem(ex, 500, "internal");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
