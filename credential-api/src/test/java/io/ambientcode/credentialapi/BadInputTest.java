package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.TestDb;
import io.ambientcode.credentialapi.support.TestSecrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Acceptance 4: malformed JSON, wrong types, unknown fields, huge bodies, unknown providers, SQL metacharacters and
 * path traversal in ids and names, invalid paging: each answers the documented status and {@code code} (and
 * {@code field} where there is one), never echoes the submitted secret, and leaves the database unchanged.
 */
@QuarkusTest
class BadInputTest {

    /** One bad request and what it must be answered with. */
    record Case(String name, Function<Ctx, Response> call, int status, String code, String field) {
    }

    record Ctx(String user, String credentialId, String project) {
    }

    private static final String SECRET = TestSecrets.register("ghp_" + Fixtures.random(36));

    static String create(String fieldsJson) {
        return "{\"name\":\"n-" + Fixtures.random(6) + "\",\"provider\":\"github\",\"token\":\"" + SECRET + "\"" + fieldsJson + "}";
    }

    static Map<String, Object> with(String provider, String token, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>(Fixtures.credentialBody("n-" + Fixtures.random(6), provider, token));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String creds = Api.CREDENTIALS;
        // Body structure.
        c.add(new Case("truncated JSON", x -> Api.json(x.user(), "{\"name\":").post(creds), 400, "malformed_json", null));
        c.add(new Case("not JSON", x -> Api.json(x.user(), "name=x&token=" + SECRET).post(creds), 400, "malformed_json", null));
        c.add(new Case("a JSON array", x -> Api.json(x.user(), "[]").post(creds), 400, "malformed_json", null));
        c.add(new Case("a JSON string", x -> Api.json(x.user(), "\"" + SECRET + "\"").post(creds), 400, "malformed_json", null));
        c.add(new Case("empty body", x -> Api.json(x.user(), "").post(creds), 400, "malformed_json", null));
        c.add(new Case("trailing garbage", x -> Api.json(x.user(), create("") + "{}").post(creds), 400, "malformed_json", null));
        c.add(new Case("duplicate key", x -> Api.json(x.user(), create(",\"name\":\"again\"")).post(creds), 400,
                "malformed_json", null));
        c.add(new Case("deep nesting", x -> Api.json(x.user(), create(",\"metadata\":" + "{\"a\":".repeat(64) + "1"
                + "}".repeat(64))).post(creds), 400, "malformed_json", null));
        c.add(new Case("unknown field", x -> Api.json(x.user(), create(",\"role\":\"admin\"")).post(creds), 400,
                "unknown_field", "role"));
        c.add(new Case("read-only field id", x -> Api.json(x.user(), create(",\"id\":\"x\"")).post(creds), 400,
                "read_only_field", "id"));
        c.add(new Case("read-only field owner", x -> Api.json(x.user(), create(",\"owner\":\"root\"")).post(creds), 400,
                "read_only_field", "owner"));
        c.add(new Case("wrong content type", x -> Api.as(x.user()).contentType("text/plain").body(create("")).post(creds),
                415, "unsupported_media_type", null));
        // Types.
        c.add(new Case("name is a number", x -> Api.json(x.user(), "{\"name\":1,\"provider\":\"github\",\"token\":\""
                + SECRET + "\"}").post(creds), 400, "invalid_field", "name"));
        c.add(new Case("token is a boolean", x -> Api.json(x.user(), "{\"name\":\"n\",\"provider\":\"github\",\"token\":true}")
                .post(creds), 400, "invalid_field", "token"));
        c.add(new Case("provider is an array", x -> Api.json(x.user(), "{\"name\":\"n\",\"provider\":[\"github\"],"
                + "\"token\":\"" + SECRET + "\"}").post(creds), 400, "invalid_field", "provider"));
        c.add(new Case("metadata is a string", x -> Api.json(x.user(), create(",\"metadata\":\"x\"")).post(creds), 400,
                "invalid_field", "metadata"));
        c.add(new Case("description has control characters", x -> Api.json(x.user(), create(",\"description\":\"a\\u0000b\""))
                .post(creds), 400, "invalid_field", "description"));
        // Required fields.
        c.add(new Case("no name", x -> Api.json(x.user(), "{\"provider\":\"github\",\"token\":\"" + SECRET + "\"}")
                .post(creds), 400, "missing_field", "name"));
        c.add(new Case("no provider", x -> Api.json(x.user(), "{\"name\":\"n\",\"token\":\"" + SECRET + "\"}")
                .post(creds), 400, "missing_field", "provider"));
        c.add(new Case("no token", x -> Api.json(x.user(), "{\"name\":\"n\",\"provider\":\"github\"}").post(creds), 400,
                "missing_field", "token"));
        // Provider shapes (ARCHITECTURE.md section 3).
        c.add(new Case("unknown provider", x -> Api.json(x.user(), Fixtures.body(with("svn", SECRET))).post(creds), 400,
                "unknown_provider", "provider"));
        c.add(new Case("provider in another case", x -> Api.json(x.user(), Fixtures.body(with("GitHub", SECRET)))
                .post(creds), 400, "unknown_provider", "provider"));
        c.add(new Case("jira without url", x -> Api.json(x.user(), Fixtures.body(with("jira", SECRET))).post(creds), 400,
                "invalid_credential", "url"));
        c.add(new Case("jira with a bad email", x -> Api.json(x.user(), Fixtures.body(with("jira", SECRET, "url",
                "https://jira.test", "email", "not-an-email"))).post(creds), 400, "invalid_credential", "email"));
        c.add(new Case("kubeconfig that does not parse", x -> Api.json(x.user(), Fixtures.body(with("kubeconfig",
                "clusters: [unclosed\n  " + SECRET))).post(creds), 400, "invalid_credential", "token"));
        c.add(new Case("kubeconfig without clusters", x -> Api.json(x.user(), Fixtures.body(with("kubeconfig",
                "apiVersion: v1\nkind: Config\n"))).post(creds), 400, "invalid_credential", "token"));
        c.add(new Case("google token that is not JSON", x -> Api.json(x.user(), Fixtures.body(with("google", SECRET)))
                .post(creds), 400, "invalid_credential", "token"));
        c.add(new Case("google JSON of another type", x -> Api.json(x.user(), Fixtures.body(with("google",
                "{\"type\":\"external_account\",\"token\":\"" + SECRET + "\"}"))).post(creds), 400, "invalid_credential", "token"));
        c.add(new Case("google service account without key", x -> Api.json(x.user(), Fixtures.body(with("google",
                "{\"type\":\"service_account\",\"client_email\":\"a@b.c\"}"))).post(creds), 400, "invalid_credential", "token"));
        c.add(new Case("github token with whitespace", x -> Api.json(x.user(), Fixtures.body(with("github",
                SECRET + " " + SECRET))).post(creds), 400, "invalid_credential", "token"));
        c.add(new Case("url not http", x -> Api.json(x.user(), Fixtures.body(with("github", SECRET, "url", "file:///etc/passwd")))
                .post(creds), 400, "invalid_credential", "url"));
        c.add(new Case("url with user info", x -> Api.json(x.user(), Fixtures.body(with("github", SECRET, "url",
                "https://user:pw@github.example"))).post(creds), 400, "invalid_credential", "url"));
        // Metacharacters and traversal in names.
        c.add(new Case("SQL in name", x -> Api.json(x.user(), Fixtures.body(Map.of("name", "x'; DROP TABLE credentials;--",
                "provider", "github", "token", SECRET))).post(creds), 400, "invalid_field", "name"));
        c.add(new Case("traversal in name", x -> Api.json(x.user(), Fixtures.body(Map.of("name", "../../etc/passwd",
                "provider", "github", "token", SECRET))).post(creds), 400, "invalid_field", "name"));
        c.add(new Case("dot-dot name", x -> Api.json(x.user(), Fixtures.body(Map.of("name", "a..b",
                "provider", "github", "token", SECRET))).post(creds), 400, "invalid_field", "name"));
        c.add(new Case("name too long", x -> Api.json(x.user(), Fixtures.body(Map.of("name", "n".repeat(64),
                "provider", "github", "token", SECRET))).post(creds), 400, "invalid_field", "name"));
        // Sizes.
        c.add(new Case("body over 64 KiB", x -> Api.json(x.user(), create(",\"description\":\"" + "d".repeat(66_000) + "\""))
                .post(creds), 413, "body_too_large", null));
        // Ids and names in paths.
        c.add(new Case("id too short", x -> Api.as(x.user()).get(creds + "/abc"), 400, "invalid_path_parameter", "id"));
        c.add(new Case("SQL in id", x -> Api.as(x.user()).get(creds + "/x' OR '1'='1"), 400, "invalid_path_parameter", "id"));
        c.add(new Case("SQL in id (patch)", x -> Api.json(x.user(), "{\"description\":\"d\"}").patch(creds + "/1;DELETE FROM credentials"),
                400, "invalid_path_parameter", "id"));
        c.add(new Case("encoded traversal in id", x -> Api.as(x.user()).urlEncodingEnabled(false)
                .get(creds + "/..%2F..%2Fetc%2Fpasswd"), 400, "invalid_path_parameter", "id"));
        c.add(new Case("encoded dots as id", x -> Api.as(x.user()).urlEncodingEnabled(false).delete(creds + "/%2e%2e%2e%2e%2e%2e%2e%2e"),
                400, "invalid_path_parameter", "id"));
        c.add(new Case("traversal in project", x -> Api.as(x.user()).urlEncodingEnabled(false)
                .get(Api.BASE + "/projects/..%2F..%2Fcredentials/credential-bindings"), 400, "invalid_path_parameter", "project"));
        c.add(new Case("SQL in project", x -> Api.json(x.user(), "{\"credential_id\":\"" + x.credentialId() + "\"}")
                .post(Api.bindings("p' OR 1=1--")), 400, "invalid_path_parameter", "project"));
        c.add(new Case("malformed id on the token route", x -> Api.as(Jwts.controlPlane().mint()).get(creds + "/'--/token"),
                404, "not_found", null));
        // Paging and query parameters.
        for (String q : List.of("page=0", "page=-1", "page=abc", "page=1.5", "page=99999999")) {
            c.add(new Case("paging " + q, x -> Api.as(x.user()).get(creds + "?" + q), 400, "invalid_paging", "page"));
        }
        for (String q : List.of("size=0", "size=101", "size=1e3", "size=-5")) {
            c.add(new Case("paging " + q, x -> Api.as(x.user()).get(creds + "?" + q), 400, "invalid_paging", "size"));
        }
        c.add(new Case("audit paging", x -> Api.as(x.user()).get(creds + "/" + x.credentialId() + "/audit?size=1000"), 400,
                "invalid_paging", "size"));
        c.add(new Case("unknown provider filter", x -> Api.as(x.user()).get(creds + "?provider=svn"), 400,
                "invalid_query_parameter", "provider"));
        c.add(new Case("force not a boolean", x -> Api.as(x.user()).delete(creds + "/" + x.credentialId() + "?force=yes"),
                400, "invalid_query_parameter", "force"));
        // Patch.
        c.add(new Case("patch unknown field", x -> Api.json(x.user(), "{\"tokens\":\"" + SECRET + "\"}")
                .patch(creds + "/" + x.credentialId()), 400, "unknown_field", "tokens"));
        c.add(new Case("patch provider", x -> Api.json(x.user(), "{\"provider\":\"jira\"}").patch(creds + "/" + x.credentialId()),
                400, "read_only_field", "provider"));
        c.add(new Case("patch name to null", x -> Api.json(x.user(), "{\"name\":null}").patch(creds + "/" + x.credentialId()),
                400, "missing_field", "name"));
        c.add(new Case("patch empty token", x -> Api.json(x.user(), "{\"token\":\"\"}").patch(creds + "/" + x.credentialId()),
                400, "missing_field", "token"));
        c.add(new Case("patch bad url", x -> Api.json(x.user(), "{\"url\":\"gopher://x\"}").patch(creds + "/" + x.credentialId()),
                400, "invalid_credential", "url"));
        c.add(new Case("patch If-Match garbage", x -> Api.json(x.user(), "{\"description\":\"x\"}").header("If-Match", "*")
                .patch(creds + "/" + x.credentialId()), 400, "invalid_header", "If-Match"));
        c.add(new Case("patch stale If-Match", x -> Api.json(x.user(), "{\"description\":\"x\"}").header("If-Match", "\"v99\"")
                .patch(creds + "/" + x.credentialId()), 412, "precondition_failed", null));
        // Bindings and resolution.
        c.add(new Case("binding credential_id malformed", x -> Api.json(x.user(), "{\"credential_id\":\"../x\"}")
                .post(Api.bindings(x.project())), 400, "invalid_field", "credential_id"));
        c.add(new Case("binding agent with traversal", x -> Api.json(x.user(), "{\"credential_id\":\"" + x.credentialId()
                + "\",\"agent\":\"../a\"}").post(Api.bindings(x.project())), 400, "invalid_field", "agent"));
        c.add(new Case("binding unknown field", x -> Api.json(x.user(), "{\"credential_id\":\"" + x.credentialId()
                + "\",\"level\":\"global\"}").post(Api.bindings(x.project())), 400, "unknown_field", "level"));
        c.add(new Case("binding id malformed", x -> Api.as(x.user()).delete(Api.bindings(x.project()) + "/1 OR 1=1"),
                400, "invalid_path_parameter", "id"));
        c.add(new Case("resolve agent with SQL", x -> Api.as(Jwts.controlPlane().mint())
                .get(Api.resolve(x.project()) + "?agent=a' OR '1'='1"), 400, "invalid_query_parameter", "agent"));
        c.add(new Case("resolve malformed credential", x -> Api.as(Jwts.controlPlane().mint())
                .get(Api.resolve(x.project()) + "?credential=../../x"), 400, "invalid_query_parameter", "credential"));
        c.add(new Case("resolve too many credentials", x -> Api.as(Jwts.controlPlane().mint())
                .get(Api.resolve(x.project()) + "?credential=" + String.join("&credential=",
                        java.util.Collections.nCopies(17, x.credentialId()))), 400, "invalid_query_parameter", "credential"));
        // Routes and methods that do not exist.
        c.add(new Case("unknown route", x -> Api.as(x.user()).get(Api.BASE + "/credentialz"), 404, "not_found", null));
        c.add(new Case("method not allowed", x -> Api.as(x.user()).put(creds + "/" + x.credentialId()), 405,
                "method_not_allowed", null));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedAndChangesNothing() {
        String project = Fixtures.unique("bad");
        String user = Jwts.user(Fixtures.unique("u"), "project:" + project + ":admin").mint();
        String id = Fixtures.createGithub(user, Fixtures.githubToken());
        Ctx ctx = new Ctx(user, id, project);
        return cases().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            List<String> credentials = TestDb.snapshot("credentials");
            List<String> bindings = TestDb.snapshot("credential_bindings");
            long audit = TestDb.count("SELECT COUNT(*) FROM audit_events");
            Response r = k.call().apply(ctx);
            assertThat(r.statusCode()).as(k.name() + ": " + r.asString()).isEqualTo(k.status());
            assertThat(r.contentType()).as(k.name()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getString("code")).as(k.name()).isEqualTo(k.code());
            assertThat(r.jsonPath().getString("field")).as(k.name()).isEqualTo(k.field());
            assertThat(r.asString()).as(k.name() + " echoes no secret").doesNotContain(SECRET);
            assertThat(TestDb.snapshot("credentials")).as(k.name() + " leaves credentials unchanged").isEqualTo(credentials);
            assertThat(TestDb.snapshot("credential_bindings")).as(k.name()).isEqualTo(bindings);
            assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events")).as(k.name()).isEqualTo(audit);
        }));
    }

    /** A body without a declared length (chunked) is measured as it is read: still 413, still nothing stored. */
    @Test
    void chunkedOversizedBodyIs413() throws Exception {
        String user = Jwts.user(Fixtures.unique("u")).mint();
        List<String> before = TestDb.snapshot("credentials");
        byte[] body = create(",\"description\":\"" + "d".repeat(70_000) + "\"").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + Api.CREDENTIALS))
                .header("Authorization", "Bearer " + user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("body_too_large").doesNotContain(SECRET);
        assertThat(TestDb.snapshot("credentials")).isEqualTo(before);
    }

    /** Far beyond the limit, the HTTP layer refuses the body itself; the answer is still 413. */
    @Test
    void hugeBodyIs413() {
        String user = Jwts.user(Fixtures.unique("u")).mint();
        List<String> before = TestDb.snapshot("credentials");
        Response r = Api.json(user, create(",\"description\":\"" + "d".repeat(2_000_000) + "\"")).post(Api.CREDENTIALS);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.asString()).doesNotContain(SECRET);
        assertThat(TestDb.snapshot("credentials")).isEqualTo(before);
    }

    /** SQL metacharacters in free text are data, stored and returned verbatim, and harm nothing. */
    @Test
    void sqlMetacharactersInFreeTextAreJustData() {
        String user = Jwts.user(Fixtures.unique("u")).mint();
        long before = TestDb.count("SELECT COUNT(*) FROM credentials");
        String description = "'; DROP TABLE credentials; -- \" OR 1=1 /* ../../etc/passwd";
        String id = Api.json(user, Fixtures.body(with("github", Fixtures.githubToken(), "description", description,
                "metadata", Map.of("k'--", "v\"; DELETE"))))
                .post(Api.CREDENTIALS).then().statusCode(201).extract().path("id");
        Api.as(user).get(Api.CREDENTIALS + "/" + id).then().statusCode(200)
                .body("description", org.hamcrest.Matchers.equalTo(description))
                .body("metadata", org.hamcrest.Matchers.hasEntry("k'--", "v\"; DELETE"));
        assertThat(TestDb.count("SELECT COUNT(*) FROM credentials")).isEqualTo(before + 1);
    }
}
