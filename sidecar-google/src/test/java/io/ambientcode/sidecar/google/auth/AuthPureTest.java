package io.ambientcode.sidecar.google.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.google.auth.GoogleCredential.AuthorizedUser;
import io.ambientcode.sidecar.google.auth.GoogleCredential.ServiceAccount;
import io.ambientcode.sidecar.testing.TestKeys;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class AuthPureTest {

    static final KeyPair KEY = TestKeys.generate(2048);
    static final String PEM = Pem.toPkcs8Pem(KEY.getPrivate());

    static Credential credential(String json, String email) {
        return new Credential("cred-1", "google", json, Optional.empty(), Optional.ofNullable(email), Optional.empty(),
                Instant.now());
    }

    static String sa() {
        return "{\"type\":\"service_account\",\"client_email\":\"sa@p.iam.gserviceaccount.com\",\"private_key_id\":\"k1\","
                + "\"private_key\":" + GoogleCredential.JSON.valueToTree(PEM) + "}";
    }

    @Test
    void parsesBothShapesAndHidesSecretsInToString() {
        GoogleCredential user = GoogleCredential.parse(credential("{\"type\":\"authorized_user\",\"client_id\":\"id\","
                + "\"client_secret\":\"cs-secret\",\"refresh_token\":\"rt-secret\"}", null));
        assertThat(user).isEqualTo(new AuthorizedUser("id", "cs-secret", "rt-secret"));
        assertThat(user.toString()).doesNotContain("cs-secret").doesNotContain("rt-secret");
        ServiceAccount account = (ServiceAccount) GoogleCredential.parse(credential(sa(), "ann@example.com"));
        assertThat(account.clientEmail()).isEqualTo("sa@p.iam.gserviceaccount.com");
        assertThat(account.keyId()).contains("k1");
        assertThat(account.subject()).contains("ann@example.com");
        assertThat(account.privateKey().getEncoded()).isEqualTo(KEY.getPrivate().getEncoded());
        assertThat(account.toString()).doesNotContain(PEM.substring(40, 80));
    }

    @Test
    void malformedCredentialsNameTheProblemNotTheValue() {
        assertThatThrownBy(() -> GoogleCredential.parse(credential("not json secretish", null)))
                .isInstanceOf(CredentialUnavailableException.class).hasMessageNotContaining("secretish");
        assertThatThrownBy(() -> GoogleCredential.parse(credential("{\"type\":\"external_account\"}", null)))
                .hasMessageContaining("authorized_user or service_account");
        assertThatThrownBy(() -> GoogleCredential.parse(credential("{\"type\":\"service_account\",\"client_email\":\"a\","
                + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}", null)))
                .hasMessageContaining("not an RSA private key").hasMessageNotContaining("AAAA");
    }

    @Test
    void secretFragmentsCoverSecretsAndKeyLines() {
        assertThat(GoogleCredential.secretFragments("{\"client_id\":\"public-id\",\"client_secret\":\"cs-1234567\","
                + "\"refresh_token\":\"rt-1234567\"}")).containsExactly("cs-1234567", "rt-1234567");
        List<String> fragments = GoogleCredential.secretFragments(sa());
        String body = PEM.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(fragments).contains(PEM, body).contains(PEM.split("\n")[1], PEM.split("\n")[5]);
        assertThat(GoogleCredential.secretFragments("garbage")).isEmpty();
    }

    @Test
    void assertionClaims() throws Exception {
        ServiceAccount account = (ServiceAccount) GoogleCredential.parse(credential(sa(), "ann@example.com"));
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String jwt = JwtBearerAssertion.sign(account, List.of("s1", "s2"), "https://t/token", now, Duration.ofHours(1));
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(jwt);
        jws.setKey(KEY.getPublic());
        assertThat(jws.verifySignature()).isTrue();
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getIssuer()).isEqualTo("sa@p.iam.gserviceaccount.com");
        assertThat(claims.getAudience()).containsExactly("https://t/token");
        assertThat(claims.getSubject()).isEqualTo("ann@example.com");
        assertThat(claims.getStringClaimValue("scope")).isEqualTo("s1 s2");
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(1_800_000_000L);
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(1_800_003_600L);
    }

    @Test
    void tokensAreRenewedInsideTheMarginCappedAtHalfTheLifetime() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        AccessToken hour = new AccessToken("v", t0, t0.plusSeconds(3600));
        Duration margin = Duration.ofSeconds(60);
        assertThat(hour.usableAt(t0.plusSeconds(3539), margin)).isTrue();
        assertThat(hour.usableAt(t0.plusSeconds(3540), margin)).isFalse();
        assertThat(hour.usableAt(t0.plusSeconds(4000), margin)).isFalse();
        AccessToken shortLived = new AccessToken("v", t0, t0.plusSeconds(40));
        assertThat(shortLived.usableAt(t0.plusSeconds(19), margin)).isTrue();
        assertThat(shortLived.usableAt(t0.plusSeconds(20), margin)).isFalse();
        assertThat(hour.toString()).doesNotContain("v,").contains("hidden");
    }

    @Test
    void grantFormsUseGooglesParameterNames() {
        Instant now = Instant.now();
        assertThat(TokenEndpoint.form(new AuthorizedUser("id", "cs", "rt"), List.of("s"), "aud", now, null))
                .containsExactly(java.util.Map.entry("grant_type", "refresh_token"), java.util.Map.entry("client_id", "id"),
                        java.util.Map.entry("client_secret", "cs"), java.util.Map.entry("refresh_token", "rt"));
        assertThat(TokenEndpoint.encode(java.util.Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")))
                .isEqualTo("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer");
    }

    @Test
    void onlyRefusedCredentialsTriggerARefetch() {
        assertThat(new TokenEndpointException(400, "invalid_grant", "x").credentialRefused()).isTrue();
        assertThat(new TokenEndpointException(401, "invalid_client", null).credentialRefused()).isTrue();
        assertThat(new TokenEndpointException(400, "invalid_scope", "bad").credentialRefused()).isFalse();
        assertThat(new TokenEndpointException(500, "http_500", null).withAdvice("Try later.").getMessage())
                .isEqualTo("http_500. Try later.");
    }
}
