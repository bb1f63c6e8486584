package io.ambientcode.sidecar.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.sidecar.google.support.GoogleWorld.google;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ambientcode.sidecar.exchange.CredentialFailure;
import io.ambientcode.sidecar.google.support.GoogleTestBase;
import io.ambientcode.sidecar.google.support.GoogleWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Acceptance 2: the sidecar obtains its own access tokens the way Google documents it. The refresh-token grant and
 * the JWT-bearer grant send the documented form (the assertion's signature verifies with the test key's public half
 * and carries the documented claims); a cached token is reused, and one near expiry is renewed before it is used; a
 * revoked refresh token ({@code 400 invalid_grant}) fetches the credential again, then is a clear tool error, or
 * succeeds with the rotated credential; an API 401 drops the access token and retries with a new one.
 */
@QuarkusTest
@QuarkusTestResource(value = GoogleWorld.class, restrictToAnnotatedClass = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoogleAuthTest extends GoogleTestBase {

    static final String LABELS = GMAIL + "/labels";

    @BeforeEach
    void cleanGoogle() {
        google.resetAll();
        GoogleWorld.stubTokenEndpoint(3600);
        google.stubFor(get(urlPathEqualTo(LABELS)).willReturn(okJson("{\"labels\":[{\"id\":\"INBOX\",\"name\":\"INBOX\"}]}")));
    }

    /** The user stores a new credential and the sidecar loads it (as its next scheduled refresh would). */
    void rotateAndLoad(String json, String email) throws Exception {
        GoogleWorld.rotateCredential(json, email);
        refresher.refreshNow();
    }

    static Map<String, String> form(LoggedRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    List<LoggedRequest> grants() {
        return google.findAll(postRequestedFor(urlPathEqualTo(GoogleWorld.TOKEN_PATH)));
    }

    @Test
    @Order(1)
    void refreshTokenGrantIsTheDocumentedFormAndItsTokenIsReused() throws Exception {
        String json = GoogleWorld.authorizedUser();
        rotateAndLoad(json, null);
        String token = GoogleWorld.nextAccessToken(3600);
        ok("list_gmail_labels", Map.of());
        ok("list_gmail_labels", Map.of());
        assertThat(grants()).hasSize(1);
        LoggedRequest grant = grants().get(0);
        assertThat(grant.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        JsonNode credential = JSON.readTree(json);
        assertThat(form(grant)).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "refresh_token",
                "client_id", credential.path("client_id").asText(),
                "client_secret", credential.path("client_secret").asText(),
                "refresh_token", credential.path("refresh_token").asText()));
        google.verify(2, getRequestedFor(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    @Order(2)
    void jwtBearerGrantSendsASignedAssertionWithTheDocumentedClaims() throws Exception {
        KeyPair key = GoogleWorld.newKey();
        rotateAndLoad(GoogleWorld.serviceAccount(key, "kid-123"), GoogleWorld.SUBJECT);
        String token = GoogleWorld.nextAccessToken(3600);
        long before = System.currentTimeMillis() / 1000;
        ok("list_gmail_labels", Map.of());
        assertThat(grants()).hasSize(1);
        Map<String, String> form = form(grants().get(0));
        assertThat(form.keySet()).containsExactlyInAnyOrder("grant_type", "assertion");
        assertThat(form.get("grant_type")).isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");

        String tokenUrl = google.baseUrl() + GoogleWorld.TOKEN_PATH;
        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKey(key.getPublic())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("agent@p.iam.gserviceaccount.com")
                .setExpectedAudience(tokenUrl)
                .setExpectedSubject(GoogleWorld.SUBJECT)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build()
                .processToClaims(form.get("assertion"));
        assertThat(claims.getStringClaimValue("scope"))
                .isEqualTo("https://www.googleapis.com/auth/gmail.modify https://www.googleapis.com/auth/drive");
        long iat = claims.getIssuedAt().getValue();
        assertThat(iat).isBetween(before - 5, before + 30);
        assertThat(claims.getExpirationTime().getValue() - iat).isPositive().isLessThanOrEqualTo(3600);
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(form.get("assertion"));
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo("kid-123");
        assertThat(jws.getHeader("typ")).isEqualTo("JWT");
        // a signature made with another key does not verify
        KeyPair other = GoogleWorld.newKey();
        assertThat(verifies(form.get("assertion"), other)).isFalse();
        google.verify(getRequestedFor(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + token)));

        // without an email on the credential there is no subject (no domain-wide delegation)
        rotateAndLoad(GoogleWorld.serviceAccount(key, "kid-123"), null);
        google.resetRequests();
        GoogleWorld.nextAccessToken(3600);
        ok("list_gmail_labels", Map.of());
        JwtClaims noSub = JwtClaims.parse(((JsonWebSignature) JsonWebSignature.fromCompactSerialization(
                form(grants().get(0)).get("assertion"))).getUnverifiedPayload());
        assertThat(noSub.hasClaim("sub")).isFalse();
    }

    static boolean verifies(String jwt, KeyPair key) {
        try {
            JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(jwt);
            jws.setKey(key.getPublic());
            return jws.verifySignature();
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Order(3)
    void aTokenNearExpiryIsRenewedBeforeUse() throws Exception {
        rotateAndLoad(GoogleWorld.authorizedUser(), null);
        // an 8 s token with the test's 5 s margin (capped at half the lifetime: 4 s) is usable for 4 s
        String first = GoogleWorld.nextAccessToken(8);
        ok("list_gmail_labels", Map.of());
        // the grant happened before this instant, so the first token stops being usable at the latest 4 s from now
        long granted = System.nanoTime();
        ok("list_gmail_labels", Map.of());
        assertThat(grants()).hasSize(1);
        google.verify(2, getRequestedFor(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + first)));

        String second = GoogleWorld.nextAccessToken(3600);
        long wait = 4_500 - (System.nanoTime() - granted) / 1_000_000;
        Thread.sleep(Math.max(0, wait));
        // 4.5 s in: the first token is still valid for 3.5 s, but inside the margin, so it is not used again
        ok("list_gmail_labels", Map.of());
        assertThat(grants()).hasSize(2);
        google.verify(1, getRequestedFor(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + second)));
        google.verify(2, getRequestedFor(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + first)));
    }

    @Test
    @Order(4)
    void aRevokedRefreshTokenIsAClearErrorAfterOneCredentialRefetch() throws Exception {
        rotateAndLoad(GoogleWorld.authorizedUser(), null);
        google.stubFor(post(urlPathEqualTo(GoogleWorld.TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
        int fetches = GoogleWorld.ambient.credentialApi.fetches();
        String error = error("list_gmail_labels", Map.of());
        assertThat(error).isEqualTo("Google API error 400: OAuth token endpoint: invalid_grant: Token has been expired or "
                + "revoked. The stored credential was fetched again and is unchanged: re-authorize Google, update the "
                + "credential, then call refresh_credentials.");
        assertThat(GoogleWorld.ambient.credentialApi.fetches()).isEqualTo(fetches + 1);
        assertThat(grants()).hasSize(1);
        google.verify(0, getRequestedFor(urlPathEqualTo(LABELS)));
    }

    @Test
    @Order(5)
    void aRevokedRefreshTokenRecoversWhenTheUserRotatedTheCredential() throws Exception {
        String revoked = GoogleWorld.authorizedUser();
        rotateAndLoad(revoked, null);
        String revokedToken = JSON.readTree(revoked).path("refresh_token").asText();
        google.stubFor(post(urlPathEqualTo(GoogleWorld.TOKEN_PATH)).atPriority(1)
                .withRequestBody(containing("refresh_token=" + revokedToken)).willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        // the user re-authorized and stored a new credential; the sidecar has not fetched it yet
        String rotated = GoogleWorld.authorizedUser();
        GoogleWorld.rotateCredential(rotated, null);
        String token = GoogleWorld.nextAccessToken(3600);

        ok("list_gmail_labels", Map.of());
        assertThat(grants()).hasSize(2);
        assertThat(form(grants().get(1)).get("refresh_token")).isEqualTo(JSON.readTree(rotated).path("refresh_token").asText());
        google.verify(1, getRequestedFor(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    @Order(6)
    void anApi401DropsTheAccessTokenAndRetriesWithANewOne() throws Exception {
        String stale = GoogleWorld.accessToken;
        ok("list_gmail_labels", Map.of());
        google.resetAll();
        google.stubFor(get(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + stale))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")));
        String fresh = GoogleWorld.nextAccessToken(3600);
        google.stubFor(get(urlPathEqualTo(LABELS)).withHeader("Authorization", equalTo("Bearer " + fresh))
                .willReturn(okJson("{\"labels\":[{\"id\":\"L\",\"name\":\"After401\"}]}")));
        assertThat(okText("list_gmail_labels", Map.of())).contains("After401");
        assertThat(grants()).hasSize(1);

        // a second 401 is the tool's error
        google.stubFor(get(urlPathEqualTo(LABELS)).atPriority(1).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}")));
        GoogleWorld.nextAccessToken(3600);
        assertThat(error("list_gmail_labels", Map.of())).isEqualTo("Google API error 401: Invalid Credentials");
    }

    /**
     * A stored credential that is not usable is never published: the refresh fails with a reason naming the missing
     * field (never a value), and the sidecar keeps serving with the credential it holds until the user fixes it.
     */
    @Test
    @Order(7)
    void aMalformedCredentialIsRefusedClearlyAndTheHeldOneStaysInUse() throws Exception {
        rotateAndLoad(GoogleWorld.authorizedUser(), null);
        GoogleWorld.nextAccessToken(3600);
        ok("list_gmail_labels", Map.of());

        assertThatThrownBy(() -> rotateAndLoad(
                "{\"type\":\"authorized_user\",\"client_id\":\"x\",\"client_secret\":\"only-half-there\"}", null))
                .isInstanceOf(CredentialFailure.class)
                .hasMessageContaining("authorized_user JSON is missing \"refresh_token\"")
                .message().doesNotContain("only-half-there");
        ok("list_gmail_labels", Map.of());
    }
}
