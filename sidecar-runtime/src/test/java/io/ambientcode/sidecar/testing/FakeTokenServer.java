package io.ambientcode.sidecar.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.exchange.ExchangeException;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * An in-test token server that speaks the real v2 protocol through {@code contracts}: it decrypts the assertion with
 * {@link ExchangeCodec}, checks freshness, replay, session, provider and proof in the architecture's order, mints an
 * RS256 session JWT with {@code cnf.jwk} = the assertion's {@code epk}, and answers a JWE to that key.
 * Knobs: {@link #failNext}, {@link #setActive}, {@link #setLifetime}. Loopback only.
 */
public final class FakeTokenServer implements AutoCloseable {

    public static final String KID = "test-signing-1";

    private final HttpServer server;
    /** Daemon threads, shut down with the fake, so a main that uses it can end. */
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "fake-ambient");
        t.setDaemon(true);
        return t;
    });
    private final KeyPair exchangeKey = TestKeys.exchange();
    private final KeyPair signingKey = TestKeys.signing();
    private final String sessionId;
    private final String provider;
    private final String proof;
    private final List<String> credentialIds;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger pendingFailures = new AtomicInteger();
    private volatile int failStatus;
    private volatile String failCode;
    private volatile boolean active = true;
    private volatile Duration lifetime = SessionTokenClaims.DEFAULT_LIFETIME;

    public FakeTokenServer(String sessionId, String provider, String proof, List<String> credentialIds) throws IOException {
        this.sessionId = sessionId;
        this.provider = provider;
        this.proof = proof;
        this.credentialIds = List.copyOf(credentialIds);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/token", this::token);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    public String exchangePublicKeyPem() {
        return Pem.toSpkiPem(exchangeKey.getPublic());
    }

    public RSAPublicKey signingPublicKey() {
        return (RSAPublicKey) signingKey.getPublic();
    }

    /** Successful exchanges so far. */
    public int exchanges() {
        return exchanges.get();
    }

    /** The next {@code count} exchanges fail with this status and code (e.g. 503 directory_unavailable). */
    public void failNext(int count, ExchangeError error) {
        failStatus = error.status();
        failCode = error.code();
        pendingFailures.set(count);
    }

    /** An inactive session is refused with 403 session_inactive. */
    public void setActive(boolean active) {
        this.active = active;
    }

    /** Lifetime of the session JWTs minted from now on. */
    public void setLifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    private void token(HttpExchange ex) throws IOException {
        try {
            if (!ex.getRequestMethod().equals("GET")) {
                FakeHttp.problem(ex, 405, "method_not_allowed");
                return;
            }
            if (pendingFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                FakeHttp.problem(ex, failStatus, failCode);
                return;
            }
            ExchangeAssertion a;
            try {
                byte[] plain = ExchangeCodec.decryptHeader(ex.getRequestHeaders().getFirst("Authorization"),
                        List.<PrivateKey>of(exchangeKey.getPrivate()));
                a = ExchangeCodec.parse(plain);
            } catch (ExchangeException e) {
                FakeHttp.problem(ex, e.error().status(), e.error().code());
                return;
            }
            long now = Instant.now().getEpochSecond();
            if (Math.abs(now - a.iat()) > 60) {
                FakeHttp.problem(ex, 401, ExchangeError.STALE_ASSERTION.code());
                return;
            }
            if (!nonces.add(a.nonce())) {
                FakeHttp.problem(ex, 401, ExchangeError.REPLAYED_ASSERTION.code());
                return;
            }
            if (!active || !a.sid().equals(sessionId)) {
                FakeHttp.problem(ex, 403, ExchangeError.SESSION_INACTIVE.code());
                return;
            }
            if (!a.prv().equals(provider) || !MessageDigest.isEqual(a.proof().getBytes(), proof.getBytes())) {
                FakeHttp.problem(ex, 403, ExchangeError.INVALID_PROOF.code());
                return;
            }
            Instant exp = Instant.now().plus(lifetime);
            String jwt = mint(a, exp);
            String reply = FakeHttp.JSON.writeValueAsString(new ExchangeReply(jwt, ExchangeReply.TOKEN_TYPE, exp.toString()));
            exchanges.incrementAndGet();
            FakeHttp.send(ex, 200, Jwe.MEDIA_TYPE, Jwe.encrypt(reply, a.epk().toPublicKey()));
        } catch (Exception e) {
            FakeHttp.problem(ex, 500, "internal");
        }
    }

    private String mint(ExchangeAssertion a, Instant exp) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(SessionTokenClaims.ISSUER);
        claims.setAudience(SessionTokenClaims.AUDIENCE);
        claims.setSubject(SessionTokenClaims.subject(a.sid(), a.prv()));
        claims.setClaim(SessionTokenClaims.SESSION_ID, a.sid());
        claims.setClaim(SessionTokenClaims.PROJECT, "test-project");
        claims.setClaim(SessionTokenClaims.PROVIDER, a.prv());
        claims.setStringListClaim(SessionTokenClaims.CREDENTIAL_IDS, credentialIds);
        claims.setClaim(SessionTokenClaims.CONFIRMATION, Map.of(SessionTokenClaims.CONFIRMATION_JWK, a.epk().toMap()));
        claims.setIssuedAtToNow();
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(exp.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey.getPrivate());
        jws.setKeyIdHeaderValue(KID);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
