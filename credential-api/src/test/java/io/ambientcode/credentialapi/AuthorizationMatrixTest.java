package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.TestKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.KeyPair;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Acceptance 1: every route × every caller kind, with the exact expected status. Routes that change state get a
 * fresh credential (owned by the owner, bound project-level to the owner's project) for every cell.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    enum CallerKind {
        ANONYMOUS, OWNER, OTHER_USER, PROJECT_MEMBER, PLATFORM_ADMIN, CONTROL_PLANE,
        SESSION_RIGHT_ID, SESSION_OTHER_ID, SESSION_OTHER_PROVIDER, SESSION_EXPIRED, SESSION_WITHOUT_CNF
    }

    /** What one cell acts on: a github credential bound to the project, and the project. */
    record Target(String project, String credentialId, String bindingId) {
    }

    /** One row of the matrix: how to call the route, and the expected status for each caller kind (in enum order). */
    record Route(String name, boolean freshTarget, Function<Cell, Response> call, int... expected) {
    }

    record Cell(CallerKind kind, String jwt, Target target) {
    }

    private static String project;
    private static String ownerJwt;
    private static Target shared;
    private static String otherCredentialInProject;

    /** Built in the test method: Quarkus points REST Assured at the test port only around test methods. */
    static void world() {
        project = Fixtures.unique("matrix");
        ownerJwt = Jwts.user(Fixtures.unique("owner"), "project:" + project + ":admin").mint();
        shared = newTarget();
        otherCredentialInProject = newTarget().credentialId();
    }

    static Target newTarget() {
        String id = Fixtures.createGithub(ownerJwt, Fixtures.githubToken());
        return new Target(project, id, Fixtures.bind(ownerJwt, project, id, null));
    }

    static String jwt(CallerKind kind, Target t) {
        KeyPair epk = EcKeys.generateP256();
        String sid = "sess-" + Fixtures.random(10);
        return switch (kind) {
            case ANONYMOUS -> null;
            case OWNER -> ownerJwt;
            case OTHER_USER -> Jwts.user(Fixtures.unique("mallory"), "project:elsewhere", "project:elsewhere:admin").mint();
            case PROJECT_MEMBER -> Jwts.user(Fixtures.unique("member"), "project:" + t.project()).mint();
            case PLATFORM_ADMIN -> Jwts.user(Fixtures.unique("admin"), TestKeys.PLATFORM_ADMIN_GROUP).mint();
            case CONTROL_PLANE -> Jwts.controlPlane().mint();
            case SESSION_RIGHT_ID -> Jwts.session(sid, t.project(), "github", List.of(t.credentialId()), epk).mint();
            case SESSION_OTHER_ID -> Jwts.session(sid, t.project(), "github", List.of(otherCredentialInProject), epk).mint();
            case SESSION_OTHER_PROVIDER -> Jwts.session(sid, t.project(), "jira", List.of(t.credentialId()), epk).mint();
            case SESSION_EXPIRED -> Jwts.session(sid, t.project(), "github", List.of(t.credentialId()), epk)
                    .expiresIn(-120).mint();
            case SESSION_WITHOUT_CNF -> Jwts.session(sid, t.project(), "github", List.of(t.credentialId()), epk)
                    .without(SessionTokenClaims.CONFIRMATION).mint();
        };
    }

    //                 ANON OWNER OTHER MEMBER ADMIN  CP  S_OK S_ID S_PRV S_EXP S_CNF
    static final List<Route> ROUTES = List.of(
            new Route("POST /credentials", false, c -> Api.json(c.jwt(), Fixtures.body(
                    Fixtures.credentialBody(Fixtures.unique("m"), "github", Fixtures.githubToken())))
                    .post(Api.CREDENTIALS),
                    401, 201, 201, 201, 201, 403, 403, 403, 403, 401, 401),
            new Route("GET /credentials", false, c -> Api.as(c.jwt()).get(Api.CREDENTIALS),
                    401, 200, 200, 200, 200, 403, 403, 403, 403, 401, 401),
            new Route("GET /credentials/{id}", false, c -> Api.as(c.jwt()).get(cred(c)),
                    401, 200, 404, 200, 200, 403, 403, 403, 403, 401, 401),
            new Route("PATCH /credentials/{id}", true, c -> Api.json(c.jwt(), "{\"description\":\"changed\"}")
                    .patch(cred(c)),
                    401, 200, 404, 403, 200, 403, 403, 403, 403, 401, 401),
            new Route("DELETE /credentials/{id}?force=true", true, c -> Api.as(c.jwt()).delete(cred(c) + "?force=true"),
                    401, 204, 404, 403, 204, 403, 403, 403, 403, 401, 401),
            new Route("GET /credentials/{id}/token", false, c -> Api.as(c.jwt()).get(cred(c) + "/token"),
                    401, 404, 404, 404, 404, 404, 200, 404, 404, 401, 401),
            new Route("GET /credentials/{id}/audit", false, c -> Api.as(c.jwt()).get(cred(c) + "/audit"),
                    401, 200, 404, 403, 200, 403, 403, 403, 403, 401, 401),
            new Route("POST /projects/{p}/credential-bindings", true, c -> Api.json(c.jwt(),
                    "{\"credential_id\":\"" + c.target().credentialId() + "\",\"agent\":\"a1\"}")
                    .post(Api.bindings(c.target().project())),
                    401, 201, 403, 403, 403, 403, 403, 403, 403, 401, 401),
            new Route("GET /projects/{p}/credential-bindings", false, c -> Api.as(c.jwt())
                    .get(Api.bindings(c.target().project())),
                    401, 200, 403, 200, 200, 403, 403, 403, 403, 401, 401),
            new Route("DELETE /projects/{p}/credential-bindings/{id}", true, c -> Api.as(c.jwt())
                    .delete(Api.bindings(c.target().project()) + "/" + c.target().bindingId()),
                    401, 204, 403, 403, 204, 403, 403, 403, 403, 401, 401),
            new Route("GET /projects/{p}/credential-bindings:resolve", false, c -> Api.as(c.jwt())
                    .get(Api.resolve(c.target().project()) + "?agent=a1"),
                    401, 403, 403, 403, 403, 200, 403, 403, 403, 401, 401),
            new Route("GET /whoami", false, c -> Api.as(c.jwt()).get(Api.BASE + "/whoami"),
                    401, 200, 200, 200, 200, 200, 403, 403, 403, 401, 401));

    private static String cred(Cell c) {
        return Api.CREDENTIALS + "/" + c.target().credentialId();
    }

    @TestFactory
    Stream<DynamicTest> everyRouteForEveryCaller() {
        world();
        return ROUTES.stream().flatMap(route -> {
            assertThat(route.expected()).as(route.name() + " has one status per caller kind")
                    .hasSize(CallerKind.values().length);
            return Stream.of(CallerKind.values()).map(kind -> DynamicTest.dynamicTest(route.name() + " as " + kind, () -> {
                Target target = route.freshTarget() ? newTarget() : shared;
                Response response = route.call().apply(new Cell(kind, jwt(kind, target), target));
                int expected = route.expected()[kind.ordinal()];
                assertThat(response.statusCode()).as(route.name() + " as " + kind + ": " + response.asString())
                        .isEqualTo(expected);
                if (expected >= 400) {
                    assertThat(response.contentType()).startsWith("application/problem+json");
                }
            }));
        });
    }
}
