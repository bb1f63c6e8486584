package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.credentialapi.support.Api;
import io.ambientcode.credentialapi.support.Fixtures;
import io.ambientcode.credentialapi.support.Jwts;
import io.ambientcode.credentialapi.support.Sessions;
import io.ambientcode.credentialapi.support.TestDb;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bindings: duplicates are 409, a bound credential is deleted only with force (bindings removed in the same
 * transaction), resolution picks one credential per provider (agent beats project, earliest binding wins), explicit
 * resolution answers 422 with the documented codes, and a token read needs a binding that still holds.
 */
@QuarkusTest
class BindingsTest {

    private String project;
    private String owner;

    private void world() {
        project = Fixtures.unique("bind");
        owner = Jwts.user(Fixtures.unique("o"), "project:" + project + ":admin").mint();
    }

    @Test
    void duplicateBindingIs409ButOtherLevelsAreDistinct() {
        world();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        Fixtures.bind(owner, project, id, null);
        Api.json(owner, "{\"credential_id\":\"" + id + "\"}").post(Api.bindings(project))
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("duplicate_binding"));
        Fixtures.bind(owner, project, id, "agent-a");
        Api.json(owner, "{\"credential_id\":\"" + id + "\",\"agent\":\"agent-a\"}").post(Api.bindings(project))
                .then().statusCode(409).body("code", org.hamcrest.Matchers.equalTo("duplicate_binding"));
        Fixtures.bind(owner, project, id, "agent-b");
        assertThat(TestDb.count("SELECT COUNT(*) FROM credential_bindings WHERE credential_id = ?", id)).isEqualTo(3);
        Api.as(owner).get(Api.bindings(project)).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(3))
                .body("items.provider", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("github")));
    }

    @Test
    void boundCredentialIsDeletedOnlyWithForceAndItsBindingsGoInTheSameTransaction() {
        world();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        Fixtures.bind(owner, project, id, null);
        Fixtures.bind(owner, project, id, "agent-a");
        List<String> before = TestDb.snapshot("credentials");
        Api.as(owner).delete(Api.CREDENTIALS + "/" + id).then().statusCode(409)
                .body("code", org.hamcrest.Matchers.equalTo("credential_bound"));
        assertThat(TestDb.snapshot("credentials")).isEqualTo(before);
        assertThat(TestDb.count("SELECT COUNT(*) FROM credential_bindings WHERE credential_id = ?", id)).isEqualTo(2);

        Api.as(owner).delete(Api.CREDENTIALS + "/" + id + "?force=true").then().statusCode(204);
        assertThat(TestDb.count("SELECT COUNT(*) FROM credentials WHERE id = ?", id)).isZero();
        assertThat(TestDb.count("SELECT COUNT(*) FROM credential_bindings WHERE credential_id = ?", id)).isZero();
        assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events WHERE credential_id = ? AND action = 'binding_delete'",
                id)).isEqualTo(2);
        assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events WHERE credential_id = ? AND action = 'credential_delete'",
                id)).isEqualTo(1);
        Api.as(owner).get(Api.CREDENTIALS + "/" + id).then().statusCode(404);

        String unbound = Fixtures.createGithub(owner, Fixtures.githubToken());
        Api.as(owner).delete(Api.CREDENTIALS + "/" + unbound).then().statusCode(204);
    }

    @Test
    void resolutionPrefersAgentThenEarliestAndGivesOnePerProvider() {
        world();
        String ghFirst = Fixtures.createGithub(owner, Fixtures.githubToken());
        String ghSecond = Fixtures.createGithub(owner, Fixtures.githubToken());
        String ghAgent = Fixtures.createGithub(owner, Fixtures.githubToken());
        String jira = Fixtures.createCredential(owner, Map.of("name", Fixtures.unique("j"), "provider", "jira",
                "token", Fixtures.jiraToken(), "url", "https://jira.test", "email", "bot@example.com"));
        String gitlab = Fixtures.createCredential(owner, Fixtures.credentialBody(Fixtures.unique("gl"), "gitlab",
                Fixtures.githubToken()));
        String bFirst = Fixtures.bind(owner, project, ghFirst, null);
        Fixtures.bind(owner, project, ghSecond, null);
        String bAgent = Fixtures.bind(owner, project, ghAgent, "agent-a");
        Fixtures.bind(owner, project, jira, null);
        Fixtures.bind(owner, project, gitlab, "agent-a");
        String cp = Jwts.controlPlane().mint();

        JsonPath projectLevel = Api.as(cp).get(Api.resolve(project)).then().statusCode(200).extract().jsonPath();
        assertThat(projectLevel.getList("credentials.provider")).containsExactly("github", "jira");
        assertThat(projectLevel.getString("credentials[0].credential_id")).as("earliest binding wins").isEqualTo(ghFirst);
        assertThat(projectLevel.getString("credentials[0].binding_id")).isEqualTo(bFirst);
        assertThat(projectLevel.getString("credentials[0].level")).isEqualTo("project");

        JsonPath agentA = Api.as(cp).get(Api.resolve(project) + "?agent=agent-a").then().statusCode(200)
                .extract().jsonPath();
        assertThat(agentA.getString("agent")).isEqualTo("agent-a");
        assertThat(agentA.getList("credentials.provider")).containsExactly("github", "jira", "gitlab");
        assertThat(agentA.getString("credentials[0].credential_id")).as("agent beats project").isEqualTo(ghAgent);
        assertThat(agentA.getString("credentials[0].binding_id")).isEqualTo(bAgent);
        assertThat(agentA.getString("credentials[0].level")).isEqualTo("agent");

        JsonPath agentB = Api.as(cp).get(Api.resolve(project) + "?agent=agent-b").then().statusCode(200)
                .extract().jsonPath();
        assertThat(agentB.getString("credentials[0].credential_id")).isEqualTo(ghFirst);

        // Explicit credentials: exactly those, if bound to the project or the agent.
        JsonPath explicit = Api.as(cp).get(Api.resolve(project) + "?agent=agent-a&credential=" + ghSecond
                + "&credential=" + jira).then().statusCode(200).extract().jsonPath();
        assertThat(explicit.getList("credentials.credential_id")).containsExactly(ghSecond, jira);
        Api.as(cp).get(Api.resolve(project) + "?credential=" + ghFirst + "&credential=" + ghSecond)
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("duplicate_provider"));
        Api.as(cp).get(Api.resolve(project) + "?agent=agent-b&credential=" + ghAgent)
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("credential_not_bound"))
                .body("field", org.hamcrest.Matchers.equalTo("credential"));
        String unbound = Fixtures.createGithub(owner, Fixtures.githubToken());
        Api.as(cp).get(Api.resolve(project) + "?credential=" + unbound)
                .then().statusCode(422).body("code", org.hamcrest.Matchers.equalTo("credential_not_bound"));
        Api.as(cp).get(Api.resolve(Fixtures.unique("empty"))).then().statusCode(200)
                .body("credentials", org.hamcrest.Matchers.empty());
    }

    @Test
    void tokenReadNeedsABindingThatStillHolds() {
        world();
        String token = Fixtures.githubToken();
        String id = Fixtures.createGithub(owner, token);
        Sessions.read(project, "github", id).then().statusCode(404);
        String agentBinding = Fixtures.bind(owner, project, id, "agent-a");
        assertThat(Sessions.readPayload(project, "github", id).token()).as("an agent-level binding in the project counts")
                .isEqualTo(token);
        Sessions.read(Fixtures.unique("other"), "github", id).then().statusCode(404);
        Api.as(owner).delete(Api.bindings(project) + "/" + agentBinding).then().statusCode(204);
        Sessions.read(project, "github", id).then().statusCode(404);
        assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events WHERE credential_id = ? AND action = 'token_read'"
                + " AND outcome = 'denied' AND reason = 'not_bound'", id)).isEqualTo(3);
        assertThat(TestDb.count("SELECT COUNT(*) FROM audit_events WHERE credential_id = ? AND action = 'token_read'"
                + " AND outcome = 'success'", id)).isEqualTo(1);
    }

    @Test
    void bindingRulesForNonOwnersAndMissingCredentials() {
        world();
        String id = Fixtures.createGithub(owner, Fixtures.githubToken());
        String otherAdmin = Jwts.user(Fixtures.unique("x"), "project:" + project + ":admin").mint();
        Api.json(otherAdmin, "{\"credential_id\":\"" + id + "\"}").post(Api.bindings(project))
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("credential_not_found"))
                .body("field", org.hamcrest.Matchers.equalTo("credential_id"));
        Api.json(owner, "{\"credential_id\":\"00000000-0000-7000-8000-000000000000\"}").post(Api.bindings(project))
                .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("credential_not_found"));
        Api.json(owner, "{\"credential_id\":\"" + id + "\"}").post(Api.bindings(Fixtures.unique("notmine")))
                .then().statusCode(403);
        String bindingId = Fixtures.bind(owner, project, id, null);
        // A project admin who does not own the credential may still unbind it (project hygiene)...
        Api.as(otherAdmin).delete(Api.bindings(project) + "/" + bindingId).then().statusCode(204);
        // ...and an unknown binding id is 404 for insiders, 403 for outsiders (no existence oracle).
        Api.as(otherAdmin).delete(Api.bindings(project) + "/" + bindingId).then().statusCode(404);
        Api.as(Jwts.user("outsider").mint()).delete(Api.bindings(project) + "/" + bindingId).then().statusCode(403);
    }
}
