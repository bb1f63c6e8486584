package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.JwksServer;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The three issuers, each verified against its own keys: every way a token can be wrong is a 401 problem with code
 * {@code invalid_token} (or {@code missing_token}); and the token server's JWKS is refetched on an unknown kid, at
 * most once per minimum interval.
 */
@QuarkusTest
class AuthenticationTest {

    private static final String WHOAMI = Api.BASE + "/whoami";

    @TestFactory
    Stream<DynamicTest> badUserAndControlPlaneTokensAre401() {
        KeyPair stranger = TestKeys.rsa();
        Map<String, Supplier<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("user: unknown issuer", () -> Jwts.user("u").claim("iss", "https://evil.example").mint());
        cases.put("user: wrong audience", () -> Jwts.user("u").claim("aud", "someone-else").mint());
        cases.put("user: untrusted key", () -> Jwts.user("u").signedWith(stranger.getPrivate(), "x").mint());
        cases.put("user: alg none", () -> Jwts.user("u").algorithm(AlgorithmIdentifiers.NONE).mint());
        cases.put("user: HS256 keyed with the public key", () -> Jwts.user("u").algorithm(AlgorithmIdentifiers.HMAC_SHA256)
                .signedWith(new HmacKey(TestKeys.publicOf(TestKeys.userKey()).getEncoded()), null).mint());
        cases.put("user: expired", () -> Jwts.user("u").expiresIn(-120).mint());
        cases.put("user: no exp", () -> Jwts.user("u").without("exp").mint());
        cases.put("user: no sub", () -> Jwts.user("u").without("sub").mint());
        cases.put("user: not yet valid", () -> Jwts.user("u").claim("nbf", System.currentTimeMillis() / 1000 + 600).mint());
        cases.put("cp: wrong audience", () -> Jwts.controlPlane().claim("aud", "ambient-token-server").mint());
        cases.put("cp: wrong subject", () -> Jwts.controlPlane().claim("sub", "system:someone").mint());
        cases.put("cp: wrong role", () -> Jwts.controlPlane().claim(ControlPlaneClaims.ROLE_CLAIM, "admin").mint());
        cases.put("cp: no role", () -> Jwts.controlPlane().without(ControlPlaneClaims.ROLE_CLAIM).mint());
        cases.put("cp: signed by the user issuer's key", () -> Jwts.controlPlane().signedWith(TestKeys.userKey(), null).mint());
        cases.put("cp: lifetime over five minutes", () -> Jwts.controlPlane().expiresIn(3600).mint());
        cases.put("cp: expired", () -> Jwts.controlPlane().expiresIn(-120).mint());
        cases.put("cp: alg none", () -> Jwts.controlPlane().algorithm(AlgorithmIdentifiers.NONE).mint());
        cases.put("cp: RS512 instead of RS256", () -> Jwts.controlPlane().algorithm(AlgorithmIdentifiers.RSA_USING_SHA512).mint());
        cases.put("user claims the control plane's issuer", () -> Jwts.user("u").claim("iss", ControlPlaneClaims.ISSUER)
                .claim(ControlPlaneClaims.ROLE_CLAIM, ControlPlaneClaims.ROLE).claim("sub", ControlPlaneClaims.SUBJECT).mint());
        cases.put("garbage", () -> "not-a-jwt");
        cases.put("three dots of garbage", () -> "eyJhbGciOiJSUzI1NiJ9.e30.AAAA");
        cases.put("too long", () -> "a".repeat(20_000));
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertUnauthorized(Api.as(e.getValue().get()).get(WHOAMI), "invalid_token")));
    }

    @TestFactory
    Stream<DynamicTest> badSessionTokensAre401() {
        String project = Fixtures.unique("authn");
        String owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        Fixtures.bind(owner, project, id, null);
        KeyPair epk = EcKeys.generateP256();
        KeyPair stranger = TestKeys.rsa();
        String sid = "sess-" + Fixtures.random(10);
        Supplier<Jwts> good = () -> Jwts.session(sid, project, "github", List.of(id), epk);
        Map<String, Supplier<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("wrong audience", () -> good.get().claim("aud", "ambient-control-plane").mint());
        cases.put("expired", () -> good.get().expiresIn(-120).mint());
        cases.put("lifetime over 15 minutes", () -> good.get().expiresIn(3600).mint());
        cases.put("alg none", () -> good.get().algorithm(AlgorithmIdentifiers.NONE).mint());
        cases.put("HS256 keyed with the JWKS public key", () -> good.get().algorithm(AlgorithmIdentifiers.HMAC_SHA256)
                .signedWith(new HmacKey(TestKeys.publicOf(TestKeys.tokenServerKey()).getEncoded()), TestKeys.tokenServerKid())
                .mint());
        cases.put("right kid, wrong key", () -> good.get().signedWith(stranger.getPrivate(), TestKeys.tokenServerKid()).mint());
        cases.put("unknown kid", () -> good.get().signedWith(stranger.getPrivate(), "forged-kid").mint());
        cases.put("signed by the control plane", () -> good.get().signedWith(TestKeys.controlPlaneKey(), null).mint());
        cases.put("no cnf", () -> good.get().without(SessionTokenClaims.CONFIRMATION).mint());
        cases.put("cnf without jwk", () -> good.get().claim(SessionTokenClaims.CONFIRMATION, Map.of("x", 1)).mint());
        cases.put("cnf.jwk off the curve", () -> good.get().claim(SessionTokenClaims.CONFIRMATION,
                Map.of("jwk", Map.of("kty", "EC", "crv", "P-256", "x", "A".repeat(43), "y", "A".repeat(43)))).mint());
        cases.put("sub does not match sid/prv", () -> good.get().claim("sub", "session:other:github").mint());
        cases.put("prv without a sidecar", () -> good.get().claim(SessionTokenClaims.PROVIDER, "gitlab")
                .claim("sub", SessionTokenClaims.subject(sid, "gitlab")).mint());
        cases.put("malformed sid", () -> good.get().claim(SessionTokenClaims.SESSION_ID, "../x")
                .claim("sub", SessionTokenClaims.subject("../x", "github")).mint());
        cases.put("project not a name", () -> good.get().claim(SessionTokenClaims.PROJECT, "a/b").mint());
        cases.put("credential_ids not a list", () -> good.get().claim(SessionTokenClaims.CREDENTIAL_IDS, id).mint());
        cases.put("no jti", () -> good.get().without("jti").mint());
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertUnauthorized(Api.as(e.getValue().get()).get(Api.CREDENTIALS + "/" + id + "/token"),
                        "invalid_token")));
    }

    @Test
    void missingOrNonBearerCredentialsAre401() {
        assertUnauthorized(Api.anonymous().get(WHOAMI), "missing_token");
        assertUnauthorized(Api.anonymous().header("Authorization", "Basic dXNlcjpwYXNz").get(WHOAMI), "invalid_token");
        assertUnauthorized(Api.anonymous().header("Authorization", "Bearer ").get(WHOAMI), "invalid_token");
        assertUnauthorized(Api.anonymous().header("Authorization", "").get(WHOAMI), "missing_token");
    }

    @Test
    void validTokensOfEachIssuerAuthenticate() {
        Api.as(Jwts.user("someone", "project:p1", "project:p2:admin").mint()).get(WHOAMI).then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("user"))
                .body("projects", org.hamcrest.Matchers.containsInAnyOrder("p1", "p2"));
        Api.as(Jwts.controlPlane().mint()).get(WHOAMI).then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("control-plane"));
    }

    /**
     * The token server rotates its signing key: the first token with the new kid makes the service refetch the JWKS
     * once; an invented kid right after does not cause another fetch (rate limit), but one after the interval does;
     * tokens signed with the previous key (still in the JWKS) keep working.
     */
    @Test
    void jwksIsRefetchedOnUnknownKidAtMostOncePerInterval() throws Exception {
        String project = Fixtures.unique("rotate");
        String owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        Fixtures.bind(owner, project, id, null);
        String path = Api.CREDENTIALS + "/" + id + "/token";
        KeyPair epk = EcKeys.generateP256();

        Api.as(Jwts.session("sess-" + Fixtures.random(8), project, "github", List.of(id), epk).mint()).get(path)
                .then().statusCode(200);
        String oldKeyToken = Jwts.session("sess-" + Fixtures.random(8), project, "github", List.of(id), epk).mint();

        TestKeys.rotateTokenServerKey(true);
        Thread.sleep(2100); // let any earlier fetch's rate-limit window pass
        int before = JwksServer.hits();
        Api.as(Jwts.session("sess-" + Fixtures.random(8), project, "github", List.of(id), epk).mint()).get(path)
                .then().statusCode(200);
        assertThat(JwksServer.hits()).as("one refetch for the new kid").isEqualTo(before + 1);

        KeyPair stranger = TestKeys.rsa();
        for (int i = 0; i < 5; i++) {
            assertUnauthorized(Api.as(Jwts.session("sess-x" + i + "aaaa", project, "github", List.of(id), epk)
                    .signedWith(stranger.getPrivate(), "invented-" + i).mint()).get(path), "invalid_token");
        }
        assertThat(JwksServer.hits()).as("invented kids within the interval cause no fetch").isEqualTo(before + 1);

        Thread.sleep(2100);
        assertUnauthorized(Api.as(Jwts.session("sess-" + Fixtures.random(8), project, "github", List.of(id), epk)
                .signedWith(stranger.getPrivate(), "invented-late").mint()).get(path), "invalid_token");
        assertThat(JwksServer.hits()).as("after the interval, one more fetch").isEqualTo(before + 2);

        Api.as(oldKeyToken).get(path).then().statusCode(200);
    }

    static void assertUnauthorized(Response response, String code) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
    }
}
