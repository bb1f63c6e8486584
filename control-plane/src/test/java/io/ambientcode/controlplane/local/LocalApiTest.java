package io.ambientcode.controlplane.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ambientcode.contracts.jwt.UserClaims;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.local.PrivateFiles;
import io.ambientcode.contracts.problem.Problem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.controlplane.support.TestKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The control plane started as {@code acpctl up} starts it ({@code local} profile): the management API acpctl uses
 * (development user tokens only, project-scoped visibility), the registry API the token server uses (registry key
 * only), status as the processes report it, readiness without any cluster, and no secret in the application's log.
 */
@QuarkusTest
@TestProfile(LocalProfile.class)
@WithTestResource(value = LocalWorld.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalApiTest {

    static final String MANAGE = LocalSessionRegistry.MANAGE_PREFIX;
    static final Set<String> SECRETS = new LinkedHashSet<>();

    static String token(PrivateKey key, String issuer, String audience, List<String> groups, Instant expires) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject("alice");
        claims.setStringListClaim(UserClaims.GROUPS, groups);
        claims.setIssuedAt(NumericDate.fromSeconds(Instant.now().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKey(key);
        String jwt = jws.getCompactSerialization();
        SECRETS.add(jwt);
        return jwt;
    }

    static String user(List<String> groups) throws Exception {
        return token(LocalWorld.handles.devIssuer(), UserClaims.LOCAL_DEV_ISSUER, UserClaims.AUDIENCE, groups,
                Instant.now().plusSeconds(600));
    }

    static String member() throws Exception {
        return user(List.of(UserClaims.projectMemberGroup(LocalWorld.PROJECT)));
    }

    static String body(String name, String project) {
        return "{\"apiVersion\":\"ambient-code.io/v1alpha1\",\"kind\":\"AgenticSession\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"project\":\"" + project + "\",\"runner\":{\"image\":\"local\"}}}";
    }

    static void assertProblem(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.jsonPath().getString("code")).isEqualTo(code);
    }

    static String registryKey() throws Exception {
        String key = Files.readString(LocalWorld.handles.dataDir().resolve(LocalSessionRegistry.KEY_FILE)).strip();
        SECRETS.add(key);
        return key;
    }

    static JsonPath awaitRunning(String token, String name) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().auth().oauth2(token).get(MANAGE + "/" + name).jsonPath(),
                j -> "Running".equals(j.getString("status.phase")));
    }

    @Test
    @Order(1)
    void readyWithoutAnyCluster() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'local-runtime' }.status", equalTo("UP"));
    }

    @Test
    @Order(2)
    void managementRefusesAnythingButADevelopmentUserToken() throws Exception {
        PrivateKey other = TestKeys.rsa(2048).getPrivate();
        PrivateKey dev = LocalWorld.handles.devIssuer();
        Instant later = Instant.now().plusSeconds(600);
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no header", null);
        refused.put("basic", "Basic YWxpY2U6c2VjcmV0");
        refused.put("not a JWT", "Bearer not-a-jwt");
        refused.put("other key", "Bearer " + token(other, UserClaims.LOCAL_DEV_ISSUER, UserClaims.AUDIENCE, List.of(), later));
        refused.put("other issuer", "Bearer " + token(dev, "https://idp.example.com", UserClaims.AUDIENCE, List.of(), later));
        refused.put("other audience", "Bearer " + token(dev, UserClaims.LOCAL_DEV_ISSUER, "ambient-token-server", List.of(), later));
        refused.put("expired", "Bearer " + token(dev, UserClaims.LOCAL_DEV_ISSUER, UserClaims.AUDIENCE, List.of(),
                Instant.now().minusSeconds(120)));
        for (Map.Entry<String, String> e : refused.entrySet()) {
            for (Response r : List.of(
                    request(e.getValue()).get(MANAGE),
                    request(e.getValue()).contentType("application/json").body(body("x", "demo")).post(MANAGE),
                    request(e.getValue()).get(MANAGE + "/x"),
                    request(e.getValue()).post(MANAGE + "/x/stop"),
                    request(e.getValue()).delete(MANAGE + "/x"))) {
                assertProblem(r, 401, "invalid_token");
                assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
                if (e.getValue() != null) {
                    assertThat(r.asString()).as(e.getKey()).doesNotContain(e.getValue().substring(7));
                }
            }
        }
        assertThat(request(refused.get("expired")).get(MANAGE).jsonPath().getString("detail")).contains("expired");
    }

    @Test
    @Order(3)
    void usersManageTheSessionsOfTheirProjects() throws Exception {
        String alice = member();
        String outsider = user(List.of(UserClaims.projectMemberGroup("other")));
        String admin = user(List.of(UserClaims.DEFAULT_PLATFORM_ADMIN_GROUP));

        assertProblem(given().auth().oauth2(outsider).contentType("application/json").body(body("api-one", "demo")).post(MANAGE),
                403, "forbidden");
        Response created = given().auth().oauth2(alice).contentType("application/json").body(body("api-one", "demo")).post(MANAGE);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("metadata.uid")).matches("[0-9a-f-]{36}");
        assertThat(created.jsonPath().getString("status.phase")).isEqualTo("Pending");

        assertProblem(given().auth().oauth2(alice).contentType("application/json").body(body("api-one", "demo")).post(MANAGE),
                409, "already_exists");
        assertProblem(given().auth().oauth2(alice).contentType("application/json").body(body("Bad_Name", "demo")).post(MANAGE),
                422, "invalid_session");
        assertProblem(given().auth().oauth2(alice).contentType("application/json").body("{not json").post(MANAGE),
                400, "malformed_session");
        assertProblem(given().auth().oauth2(alice).contentType("application/json")
                .body(body("api-x", "demo").replace("\"AgenticSession\"", "\"Pod\"")).post(MANAGE), 400, "malformed_session");

        assertProblem(given().auth().oauth2(outsider).get(MANAGE + "/api-one"), 404, "not_found");
        assertProblem(given().auth().oauth2(outsider).post(MANAGE + "/api-one/stop"), 404, "not_found");
        assertThat(given().auth().oauth2(outsider).get(MANAGE).jsonPath().getList("items")).isEmpty();
        assertThat(given().auth().oauth2(alice).get(MANAGE).jsonPath().getList("items.metadata.name")).contains("api-one");
        assertThat(given().auth().oauth2(admin).get(MANAGE).jsonPath().getString("kind")).isEqualTo("AgenticSessionList");
        assertThat(given().auth().oauth2(admin).get(MANAGE).jsonPath().getList("items.metadata.name")).contains("api-one");

        JsonPath running = awaitRunning(alice, "api-one");
        assertThat(running.getString("status.credentials.github")).isEqualTo(LocalWorld.GITHUB_CREDENTIAL);
        assertThat(running.getInt("status.sidecars[0].port")).isPositive().isNotEqualTo(Provider.GITHUB.port());
        assertThat(running.getBoolean("status.sidecars[0].ready")).isTrue();
        assertThat(running.getList("status.conditions.type")).containsExactly("SpecValid", "CredentialsResolved",
                "SidecarsConfigured", "ProvidersSupported", "SpecAccepted", "SidecarsReady", "Ready");

        Response stopped = given().auth().oauth2(alice).contentType("application/json").body("{}").post(MANAGE + "/api-one/stop");
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(stopped.jsonPath().getString("status.phase")).isEqualTo("Stopped");
        assertThat(stopped.jsonPath().getBoolean("spec.stop")).isTrue();

        assertThat(given().auth().oauth2(alice).delete(MANAGE + "/api-one").statusCode()).isEqualTo(204);
        assertProblem(given().auth().oauth2(alice).get(MANAGE + "/api-one"), 404, "not_found");
        assertThat(LocalWorld.handles.dataDir().resolve(LocalLayout.SESSIONS_DIR).resolve("api-one")).doesNotExist();
    }

    @Test
    @Order(4)
    void theRegistryAnswersTheTokenServerWithTheKeyOnly() throws Exception {
        String alice = member();
        String uid = given().auth().oauth2(alice).contentType("application/json").body(body("api-two", "demo")).post(MANAGE)
                .jsonPath().getString("metadata.uid");
        awaitRunning(alice, "api-two");
        String key = registryKey();
        assertThat(Files.getPosixFilePermissions(LocalWorld.handles.dataDir().resolve(LocalSessionRegistry.KEY_FILE)))
                .containsExactlyInAnyOrderElementsOf(PrivateFiles.FILE_MODE);

        for (String wrong : new String[] { null, "Bearer " + key.substring(1), "Bearer " + alice, "Basic " + key, "Bearer " }) {
            Response r = request(wrong).get(LocalSessionRegistry.path(uid));
            assertProblem(r, 401, "invalid_registry_key");
            assertThat(r.asString()).doesNotContain(key.substring(1));
        }
        assertProblem(given().auth().oauth2(key).get(LocalSessionRegistry.path(UUID.randomUUID().toString())), 404, "not_found");
        assertProblem(given().auth().oauth2(key).get(LocalSessionRegistry.path("short")), 404, "not_found");

        JsonPath view = given().auth().oauth2(key).get(LocalSessionRegistry.path(uid)).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().jsonPath();
        assertThat(view.getString("session_id")).isEqualTo(uid);
        assertThat(view.getString("project")).isEqualTo("demo");
        assertThat(view.getString("phase")).isEqualTo("Running");
        assertThat(view.getMap("credentials")).containsExactlyEntriesOf(Map.of("github", LocalWorld.GITHUB_CREDENTIAL));
        String proof = view.getString("proofs.github");
        SECRETS.add(proof);
        Path proofFile = LocalWorld.handles.dataDir().resolve("sessions/api-two/github.proof");
        assertThat(Files.readString(proofFile)).isEqualTo(proof);

        given().auth().oauth2(alice).post(MANAGE + "/api-two/stop").then().statusCode(200);
        JsonPath after = given().auth().oauth2(key).get(LocalSessionRegistry.path(uid)).jsonPath();
        assertThat(after.getString("phase")).isEqualTo("Stopped");
        assertThat(after.getMap("$")).doesNotContainKey("proofs");
        assertThat(proofFile).doesNotExist();
    }

    @Test
    @Order(99)
    void theLogHoldsNoSecret() throws Exception {
        String log = Files.readString(Path.of(LocalProfile.LOG_FILE));
        assertThat(log).contains("local runtime started", "session api-two created");
        List<String> secrets = new ArrayList<>(SECRETS);
        assertThat(secrets).hasSizeGreaterThan(5);
        for (String secret : secrets) {
            assertThat(log.contains(secret)).as("a secret (%d chars) in the log", secret.length()).isFalse();
        }
    }

    private static io.restassured.specification.RequestSpecification request(String authorization) {
        io.restassured.specification.RequestSpecification r = given();
        return authorization == null ? r : r.header("Authorization", authorization);
    }
}
