package io.ambientcode.controlplane.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.controlplane.support.TestKeys;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class ControlPlaneTokenSignerTest {

    private static final KeyPair KEYS = TestKeys.rsa(2048);

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T12:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void signsTheContractClaimsWithKidAndReusesTheTokenUntilLateInItsLife() throws Exception {
        Hands clock = new Hands();
        ControlPlaneTokenSigner signer = new ControlPlaneTokenSigner((RSAPrivateKey) KEYS.getPrivate(), Optional.of("cp-1"),
                Duration.ofMinutes(4), clock);
        String token = signer.token();
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(token);
        jws.setKey(KEYS.getPublic());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("cp-1");
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getIssuer()).isEqualTo(ControlPlaneClaims.ISSUER);
        assertThat(claims.getAudience()).containsExactly(ControlPlaneClaims.AUDIENCE);
        assertThat(claims.getSubject()).isEqualTo(ControlPlaneClaims.SUBJECT);
        assertThat(claims.getStringClaimValue(ControlPlaneClaims.ROLE_CLAIM)).isEqualTo(ControlPlaneClaims.ROLE);
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(240);
        assertThat(claims.getJwtId()).isNotBlank();

        clock.now.set(clock.now.get().plusSeconds(170));
        assertThat(signer.token()).isSameAs(token);
        clock.now.set(clock.now.get().plusSeconds(20));
        assertThat(signer.token()).isNotEqualTo(token);
    }

    @Test
    void lifetimeAboveFiveMinutesIsRefused() {
        assertThatThrownBy(() -> new ControlPlaneTokenSigner((RSAPrivateKey) KEYS.getPrivate(), Optional.empty(),
                Duration.ofMinutes(6), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("token-lifetime");
    }

    @Test
    void keyErrorsNameThePropertyAndNeverTheKey() {
        String pem = Pem.toPkcs8Pem(KEYS.getPrivate());
        String broken = pem.replace("MII", "XXX");
        var config = new io.ambientcode.controlplane.config.ControlPlaneConfig.CredentialApi() {
            @Override public java.net.URI url() { return java.net.URI.create("http://x"); }
            @Override public Optional<String> signingKey() { return Optional.of(broken); }
            @Override public Optional<java.nio.file.Path> signingKeyFile() { return Optional.empty(); }
            @Override public Optional<String> signingKeyId() { return Optional.empty(); }
            @Override public Duration tokenLifetime() { return Duration.ofMinutes(2); }
            @Override public Duration connectTimeout() { return Duration.ofSeconds(1); }
            @Override public Duration requestTimeout() { return Duration.ofSeconds(1); }
            @Override public Duration recheckAfterRefusal() { return Duration.ofMinutes(5); }
        };
        assertThatThrownBy(() -> ControlPlaneTokenSigner.loadKey(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(ControlPlaneTokenSigner.KEY_PROPERTY)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken.lines().skip(1).findFirst().orElseThrow()));
    }
}
