package io.ambientcode.credentialapi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key caching, refresh on unknown kid, its rate limit, and behaviour when the issuer is down; with a fake clock. */
class JwksKeySourceTest {

    private HttpServer server;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicReference<String> document = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private JwksKeySource source;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            hits.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        source = new JwksKeySource(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"),
                Duration.ofMinutes(10), Duration.ofSeconds(10), Duration.ofSeconds(2), now::get);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static RsaJsonWebKey jwk(String kid) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair pair = g.generateKeyPair();
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pair.getPublic());
        jwk.setKeyId(kid);
        jwk.setUse("sig");
        return jwk;
    }

    private void publish(JsonWebKey... keys) {
        document.set(new JsonWebKeySet(List.of(keys)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void cachesKeysAndRefetchesOnceForANewKid() throws Exception {
        RsaJsonWebKey a = jwk("a");
        RsaJsonWebKey b = jwk("b");
        publish(a);
        assertThat(source.key("a")).contains(a.getPublicKey());
        assertThat(source.key("a")).contains(a.getPublicKey());
        assertThat(hits.get()).isEqualTo(1);

        publish(a, b);
        advance(Duration.ofSeconds(11));
        assertThat(source.key("b")).as("rotation picked up on first sight").contains(b.getPublicKey());
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void unknownKidsAreRateLimited() throws Exception {
        publish(jwk("a"));
        source.key("a");
        for (int i = 0; i < 20; i++) {
            assertThat(source.key("forged-" + i)).isEmpty();
        }
        assertThat(hits.get()).as("no refetch within the minimum interval").isEqualTo(1);
        advance(Duration.ofSeconds(11));
        assertThat(source.key("forged-x")).isEmpty();
        assertThat(source.key("forged-y")).isEmpty();
        assertThat(hits.get()).as("exactly one refetch per interval").isEqualTo(2);
    }

    @Test
    void ttlExpiryRefreshesAndAFailedRefreshKeepsKnownKeys() throws Exception {
        RsaJsonWebKey a = jwk("a");
        publish(a);
        source.key("a");
        status.set(503);
        advance(Duration.ofMinutes(11));
        assertThat(source.key("a")).as("stale keys still verify while the issuer is down").contains(a.getPublicKey());
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void anIssuerThatWasNeverReachableIsUnavailableNotEmpty() {
        status.set(503);
        assertThatThrownBy(() -> source.key("a")).isInstanceOf(KeySourceUnavailableException.class);
        assertThatThrownBy(() -> source.key("a")).as("and does not hammer it").isInstanceOf(KeySourceUnavailableException.class);
        assertThat(hits.get()).isEqualTo(1);
    }

    @Test
    void aTokenWithoutKidUsesTheOnlyKey() throws Exception {
        RsaJsonWebKey a = jwk("a");
        publish(a);
        assertThat(source.key(null)).contains(a.getPublicKey());
        publish(a, jwk("b"));
        advance(Duration.ofMinutes(11));
        assertThat(source.key(null)).as("ambiguous without a kid").isEmpty();
    }
}
