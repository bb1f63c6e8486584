package io.ambientcode.tokenserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.tokenserver.session.KubernetesSessionDirectory;
import io.ambientcode.tokenserver.support.ExchangeClient;
import io.ambientcode.tokenserver.support.LogCapture;
import io.ambientcode.tokenserver.support.MockCluster;
import io.ambientcode.tokenserver.support.SessionFixtures;
import io.ambientcode.tokenserver.support.SessionFixtures.Fixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exchange end to end against the fabric8 mock API server: the happy path with every claim checked, and one test
 * per refusal with its exact status and code (issue 2, acceptance 1 and 2).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true, setup = MockCluster.class)
class TokenEndpointTest {

    @Inject
    KubernetesClient client;

    @Inject
    KubernetesSessionDirectory directory;

    private SessionFixtures sessions;
    private ExchangeClient sidecar;

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @BeforeEach
    void setUp() {
        sessions = new SessionFixtures(client);
        sidecar = new ExchangeClient(given().get("/public-key").then().statusCode(200).extract().asString());
    }

    private Fixture liveSession() {
        return indexed(sessions.create(SessionPhase.Running,
                Map.of("github", "cred-github-0001", "jira", "cred-jira-00002")));
    }

    private Fixture indexed(Fixture f) {
        await().atMost(Duration.ofSeconds(10)).until(() -> directory.find(f.sessionId()).isPresent());
        return f;
    }

    private Response exchange(String header) {
        return given().header("Authorization", header).get("/token");
    }

    private void assertRefused(String header, int status, String code) {
        exchange(header).then().statusCode(status)
                .contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("status", equalTo(status));
    }

    @Test
    void happyPathMintsAScopedProofOfPossessionToken() throws Exception {
        Fixture f = liveSession();
        ExchangeAssertion a = sidecar.assertion(f.sessionId(), "github", f.proofs().get("github"));

        Response response = exchange(sidecar.header(a));
        response.then().statusCode(200).contentType("application/jose").header("Cache-Control", "no-store");

        ExchangeReply reply = sidecar.decrypt(response.asString());
        assertThat(reply.tokenType()).isEqualTo("Bearer");

        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()))
                .setExpectedIssuer(SessionTokenClaims.ISSUER)
                .setExpectedAudience(SessionTokenClaims.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireJwtId()
                .build();
        JwtClaims claims = consumer.processToClaims(reply.token());

        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(reply.token());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(jwks.getJsonWebKeys().get(0).getKeyId());

        assertThat(claims.getSubject()).isEqualTo("session:" + f.sessionId() + ":github");
        assertThat(claims.getStringClaimValue("sid")).isEqualTo(f.sessionId());
        assertThat(claims.getStringClaimValue("project")).isEqualTo(f.project());
        assertThat(claims.getStringClaimValue("prv")).isEqualTo("github");
        assertThat(claims.getStringListClaimValue("credential_ids")).containsExactly("cred-github-0001");
        @SuppressWarnings("unchecked")
        Map<String, Object> cnf = (Map<String, Object>) claims.getClaimValue("cnf");
        assertThat(cnf.get("jwk")).isEqualTo(sidecar.epk().toMap());
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertThat(lifetime).isEqualTo(600);
        assertThat(Math.abs(claims.getIssuedAt().getValue() - Instant.now().getEpochSecond())).isLessThan(30);
        assertThat(Instant.parse(reply.expiresAt()).getEpochSecond()).isEqualTo(claims.getExpirationTime().getValue());
        assertThat(claims.getJwtId()).isNotBlank();
    }

    @Test
    void eachProviderGetsOnlyItsOwnCredential() throws Exception {
        Fixture f = liveSession();
        Response r = exchange(sidecar.header(sidecar.assertion(f.sessionId(), "jira", f.proofs().get("jira"))));
        r.then().statusCode(200);
        String jwt = sidecar.decrypt(r.asString()).token();
        JwtClaims claims = JwtClaims.parse(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1])));
        assertThat(claims.getStringListClaimValue("credential_ids")).containsExactly("cred-jira-00002");
        assertThat(claims.getStringClaimValue("prv")).isEqualTo("jira");
    }

    @Test
    void missingOrNonBearerHeaderIsInvalid() {
        given().get("/token").then().statusCode(401).body("code", equalTo("invalid_assertion"));
        assertRefused("Basic dXNlcjpwYXNz", 401, "invalid_assertion");
        assertRefused("bearer " + "A".repeat(684), 401, "invalid_assertion");
    }

    @Test
    void badBase64IsInvalid() {
        assertRefused("Bearer not-valid-base64!!!", 401, "invalid_assertion");
        assertRefused("Bearer QUJD", 401, "invalid_assertion");
    }

    @Test
    void ciphertextForAnotherKeyIsInvalid() throws Exception {
        Fixture f = liveSession();
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(4096);
        String otherPem = io.ambientcode.contracts.crypto.Pem.toSpkiPem(g.generateKeyPair().getPublic());
        ExchangeClient attacker = new ExchangeClient(otherPem);
        assertRefused(attacker.header(attacker.assertion(f.sessionId(), "github", f.proofs().get("github"))), 401,
                "invalid_assertion");
    }

    @Test
    void legacyV1PlaintextIsDisabled() {
        Fixture f = liveSession();
        assertRefused(sidecar.rawHeader(f.sessionId()), 401, "legacy_exchange_disabled");
    }

    @Test
    void malformedJsonIsRefused() {
        assertRefused(sidecar.rawHeader("{\"v\":2,"), 400, "malformed_assertion");
        assertRefused(sidecar.rawHeader("{\"v\":1}"), 400, "malformed_assertion");
    }

    @Test
    void eachMissingFieldIsMalformed() {
        Fixture f = liveSession();
        String good = new String(io.ambientcode.contracts.exchange.ExchangeCodec.plaintext(
                sidecar.assertion(f.sessionId(), "github", f.proofs().get("github"))));
        for (String field : List.of("v", "sid", "prv", "iat", "nonce", "proof", "epk")) {
            String without = good.replaceFirst("\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[0-9]+),?", "");
            assertThat(without).as(field).isNotEqualTo(good);
            assertRefused(sidecar.rawHeader(without), 400, "malformed_assertion");
        }
    }

    @Test
    void unknownProviderIsMalformed() {
        Fixture f = liveSession();
        String plaintext = new String(io.ambientcode.contracts.exchange.ExchangeCodec.plaintext(
                sidecar.assertion(f.sessionId(), "github", f.proofs().get("github")))).replace("\"github\"", "\"gitlab\"");
        assertRefused(sidecar.rawHeader(plaintext), 400, "malformed_assertion");
    }

    @Test
    void staleIatInThePastOrFutureIsRefused() {
        Fixture f = liveSession();
        long now = Instant.now().getEpochSecond();
        String proof = f.proofs().get("github");
        assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof, now - 90)), 401, "stale_assertion");
        assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof, now + 90)), 401, "stale_assertion");
        // Inside the 60 s window either way is fine.
        exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof, now - 45))).then().statusCode(200);
        exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof, now + 45))).then().statusCode(200);
    }

    @Test
    void replayedNonceIsRefused() {
        Fixture f = liveSession();
        String header = sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("github")));
        exchange(header).then().statusCode(200);
        assertRefused(header, 401, "replayed_assertion");
    }

    @Test
    void unknownSessionIsInactive() {
        assertRefused(sidecar.header(sidecar.assertion("00000000-0000-0000-0000-000000000000", "github",
                "Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXg")), 403, "session_inactive");
    }

    @ParameterizedTest
    @EnumSource(value = SessionPhase.class, names = { "Succeeded", "Failed", "Stopped" })
    void endedSessionsAreInactive(SessionPhase phase) {
        Fixture f = indexed(sessions.create(phase, Map.of("github", "cred-github-0001")));
        assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("github"))), 403,
                "session_inactive");
    }

    @Test
    void stoppingASessionStopsMintingWithinTheCacheBound() {
        Fixture f = liveSession();
        String proof = f.proofs().get("github");
        exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof))).then().statusCode(200);
        sessions.setPhase(f, SessionPhase.Stopped);
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(250)).until(() ->
                exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof))).statusCode() == 403);
    }

    @Test
    void wrongProofIsRefused() {
        Fixture f = liveSession();
        assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "github", "WrongProofWrongProofWrongProofWrongProofAAA")),
                403, "invalid_proof");
    }

    @Test
    void proofOfAnotherProviderIsRefused() {
        Fixture f = liveSession();
        assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("jira"))), 403, "invalid_proof");
    }

    @Test
    void providerWithoutAProofIsRefused() {
        Fixture f = liveSession();
        assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "google", f.proofs().get("github"))), 403, "invalid_proof");
    }

    @Test
    void rateLimitIsPerSessionAndProvider() {
        Fixture f = liveSession();
        String proof = f.proofs().get("github");
        for (int i = 0; i < 20; i++) {
            exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof))).then().statusCode(200);
        }
        Response limited = exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", proof)));
        limited.then().statusCode(429).body("code", equalTo("rate_limited"));
        assertThat(limited.header("Retry-After")).isNotBlank();
        // Another provider of the same session has its own budget.
        exchange(sidecar.header(sidecar.assertion(f.sessionId(), "jira", f.proofs().get("jira")))).then().statusCode(200);
    }

    @Test
    void attemptsWithABadProofDoNotConsumeTheSidecarsBudget() {
        Fixture f = liveSession();
        for (int i = 0; i < 25; i++) {
            assertRefused(sidecar.header(sidecar.assertion(f.sessionId(), "github", "BadProofBadProofBadProofBadProofBadProofBad")),
                    403, "invalid_proof");
        }
        exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("github")))).then().statusCode(200);
    }

    @Test
    void otherMethodsAreNotAllowed() {
        given().post("/token").then().statusCode(405);
    }

    @Test
    void metricsCountOutcomesByCodeOnly() {
        Fixture f = liveSession();
        exchange(sidecar.header(sidecar.assertion(f.sessionId(), "github", f.proofs().get("github")))).then().statusCode(200);
        assertRefused("Bearer QUJD", 401, "invalid_assertion");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ambient_token_exchanges_total{outcome=\"ok\"}")
                .contains("ambient_token_exchanges_total{outcome=\"invalid_assertion\"}");
    }

    @AfterAll
    static void noSecretInAnyLogLine() {
        List<String> lines = LogCapture.install().lines();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            assertThat(line).doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.")        // JWT / JWE
                    .doesNotContain("PRIVATE KEY")
                    .doesNotContainPattern("Bearer [A-Za-z0-9+/=]{40,}");              // assertion
        }
    }
}
