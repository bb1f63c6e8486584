package io.ambientcode.acpctl.unit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.acpctl.auth.DevIssuer;
import io.ambientcode.acpctl.auth.JwtText;
import io.ambientcode.acpctl.support.TestWorld;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtTextTest {

    @Test
    void readsTheClaimsOfAMintedToken() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DevIssuer issuer = DevIssuer.of((RSAPrivateCrtKey) TestWorld.devKey().getPrivate());
        String token = issuer.mint("alice", List.of("g1", "g2"), now, Duration.ofMinutes(5));
        JwtText claims = JwtText.parse(token).orElseThrow();
        assertThat(claims.subject()).isEqualTo("alice");
        assertThat(claims.issuer()).isEqualTo("ambient-local-dev");
        assertThat(claims.groups()).containsExactly("g1", "g2");
        assertThat(claims.expiresAt()).isEqualTo(now.plusSeconds(300));
        assertThat(claims.expiresBefore(now.plusSeconds(299))).isFalse();
        assertThat(claims.expiresBefore(now.plusSeconds(300))).isTrue();
        assertThat(issuer.keyId()).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void anythingElseIsNotAJwt() {
        assertThat(JwtText.parse(null)).isEmpty();
        assertThat(JwtText.parse("ghp_abcdef")).isEmpty();
        assertThat(JwtText.parse("a.b.c")).isEmpty();
        assertThat(JwtText.parse("eyJhbGciOiJub25lIn0..sig")).isEmpty();
        assertThat(JwtText.parse("x.WyJhcnJheSJd.y")).as("claims must be an object").isEmpty();
    }
}
