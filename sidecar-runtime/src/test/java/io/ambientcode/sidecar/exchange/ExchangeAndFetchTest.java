package io.ambientcode.sidecar.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialFetchClient;
import io.ambientcode.sidecar.testing.FakeAmbient;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exchange and fetch clients against the protocol fakes (which decrypt and verify through contracts). */
class ExchangeAndFetchTest {

    final String token = "ghp_" + UUID.randomUUID().toString().replace("-", "");
    FakeAmbient ambient;
    TokenExchangeClient exchange;
    CredentialFetchClient fetch;

    @BeforeEach
    void start() throws Exception {
        ambient = new FakeAmbient("github", token, "https://ghe.example.com/api/v3", 0);
        HttpClient http = HttpClient.newHttpClient();
        exchange = client(ambient.proof);
        fetch = new CredentialFetchClient(http,
                URI.create(ambient.credentialApi.baseUrl() + "/api/ambient/v1/credentials/" + ambient.credentialId + "/token"),
                ambient.credentialId, "github", Duration.ofSeconds(5), Clock.systemUTC());
    }

    TokenExchangeClient client(String proof) {
        return new TokenExchangeClient(HttpClient.newHttpClient(), URI.create(ambient.tokenServer.url()),
                Pem.parseRsaPublicKey(ambient.tokenServer.exchangePublicKeyPem()), ambient.sessionId, "github", proof,
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        ambient.close();
    }

    @Test
    void exchangesThenFetchesWithTheSameEphemeralKey() throws Exception {
        SessionToken session = exchange.exchange();
        assertThat(session.toString()).doesNotContain(session.jwt());
        Credential c = fetch.fetch(session);
        assertThat(c.token()).isEqualTo(token);
        assertThat(c.url()).contains("https://ghe.example.com/api/v3");
        assertThat(c.toString()).doesNotContain(token);
        // a second exchange uses a fresh key: its JWT differs and the first key cannot open its reply
        SessionToken second = exchange.exchange();
        assertThat(second.key().getPublic()).isNotEqualTo(session.key().getPublic());
        assertThat(fetch.fetch(second).token()).isEqualTo(token);
    }

    @Test
    void wrongProofIsPermanent() {
        assertThatThrownBy(() -> client("x" + ambient.proof.substring(1)).exchange())
                .isInstanceOfSatisfying(CredentialFailure.class, f -> {
                    assertThat(f.status()).isEqualTo(403);
                    assertThat(f.code()).isEqualTo("invalid_proof");
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.getMessage()).doesNotContain(ambient.proof);
                });
    }

    @Test
    void inactiveSessionIsPermanentAndOutagesAreTransient() {
        ambient.tokenServer.failNext(1, ExchangeError.DIRECTORY_UNAVAILABLE);
        assertThatThrownBy(exchange::exchange).isInstanceOfSatisfying(CredentialFailure.class,
                f -> assertThat(f.permanent()).isFalse());
        ambient.tokenServer.failNext(1, ExchangeError.RATE_LIMITED);
        assertThatThrownBy(exchange::exchange).isInstanceOfSatisfying(CredentialFailure.class,
                f -> assertThat(f.status()).isEqualTo(429));
        ambient.tokenServer.setActive(false);
        assertThatThrownBy(exchange::exchange).isInstanceOfSatisfying(CredentialFailure.class, f -> {
            assertThat(f.code()).isEqualTo("session_inactive");
            assertThat(f.permanent()).isTrue();
        });
    }

    @Test
    void fetchFailuresAreClassified() throws Exception {
        SessionToken session = exchange.exchange();
        ambient.credentialApi.failNext(1, 503);
        assertThatThrownBy(() -> fetch.fetch(session)).isInstanceOfSatisfying(CredentialFailure.class,
                f -> assertThat(f.permanent()).isFalse());
        ambient.credentialApi.failNext(1, 404);
        assertThatThrownBy(() -> fetch.fetch(session)).isInstanceOfSatisfying(CredentialFailure.class,
                f -> assertThat(f.permanent()).isTrue());
        ambient.close();
        assertThatThrownBy(() -> fetch.fetch(session)).isInstanceOfSatisfying(CredentialFailure.class, f -> {
            assertThat(f.status()).isZero();
            assertThat(f.permanent()).isFalse();
        });
    }
}
