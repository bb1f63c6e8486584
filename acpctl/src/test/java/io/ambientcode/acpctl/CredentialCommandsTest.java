package io.ambientcode.acpctl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.ambientcode.acpctl.support.CredentialApiFake.BASE;
import static io.ambientcode.acpctl.support.CredentialApiFake.auditEntry;
import static io.ambientcode.acpctl.support.CredentialApiFake.binding;
import static io.ambientcode.acpctl.support.CredentialApiFake.credential;
import static io.ambientcode.acpctl.support.CredentialApiFake.json;
import static io.ambientcode.acpctl.support.CredentialApiFake.newId;
import static io.ambientcode.acpctl.support.CredentialApiFake.page;
import static io.ambientcode.acpctl.support.CredentialApiFake.problem;
import static io.ambientcode.acpctl.support.CredentialApiFake.whoami;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ambientcode.acpctl.auth.TokenInput;
import io.ambientcode.acpctl.support.CliTestBase;
import io.ambientcode.acpctl.support.Leaks;
import io.ambientcode.acpctl.support.Run;
import io.ambientcode.acpctl.support.TestWorld;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credential commands against a WireMock credential API answering the real service's shapes. Asserts what acpctl
 * prints (tables and JSON), its exit codes, and the exact requests it sends: the credential token travels only in the
 * body of POST/PATCH, never in a URL or header, and is never printed.
 */
@QuarkusTest
class CredentialCommandsTest extends CliTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static WireMockServer api;

    /** Every credential token this test class uses, for the leak scan after each test. */
    final List<String> secrets = new ArrayList<>();

    @BeforeAll
    static void startApi() {
        api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
    }

    @AfterAll
    static void stopApi() {
        api.stop();
    }

    @BeforeEach
    void login() {
        api.resetAll();
        localLoggedIn(api.baseUrl(), "http://127.0.0.1:1");
    }

    @AfterEach
    void noSecretLeaked() {
        for (String s : secrets) {
            Leaks.assertNotPrinted(s, cli.runs());
            Leaks.assertNotInUrlsOrHeaders(s, api);
            assertThat(world.configText()).doesNotContain(s);
        }
    }

    String secret(String prefix) {
        String s = TestWorld.secret(prefix);
        secrets.add(s);
        return s;
    }

    String userToken() throws Exception {
        return YAML.readTree(world.configText()).path("contexts").path("local").path("token").asText();
    }

    List<LoggedRequest> requests() {
        return api.findAll(anyRequestedFor(anyUrl()));
    }

    LoggedRequest onlyRequest() {
        List<LoggedRequest> all = requests();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    // ---- create -------------------------------------------------------------------------------------------------

    @Test
    void createReadsTheTokenFromStdinAndSendsItOnlyInThePostBody() throws Exception {
        String token = secret("ghp_");
        String id = newId();
        api.stubFor(post(urlEqualTo(BASE + "/credentials")).willReturn(
                json(201, credential(id, "ci", "github", "http://127.0.0.1:9/api", "alice"))
                        .withHeader("Location", api.baseUrl() + BASE + "/credentials/" + id).withHeader("ETag", "\"v1\"")));
        world.terminal.stdin(token + "\n");

        Run r = cli.run("credential", "create", "ci", "--provider", "github", "--url", "http://127.0.0.1:9/api",
                "--description", "CI bot", "--metadata", "team=infra", "--token-stdin");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        LoggedRequest req = onlyRequest();
        assertThat(req.getMethod().getName()).isEqualTo("POST");
        assertThat(req.getUrl()).isEqualTo(BASE + "/credentials");
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + userToken());
        assertThat(req.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(req.getBodyAsString()).isEqualTo("{\"name\":\"ci\",\"provider\":\"github\",\"description\":\"CI bot\","
                + "\"url\":\"http://127.0.0.1:9/api\",\"metadata\":{\"team\":\"infra\"},\"token\":\"" + token + "\"}");
        assertThat(r.out()).startsWith("id:             " + id + "\nname:           ci\nprovider:       github\n")
                .contains("owner:          alice").doesNotContain("token:  ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void createPrintsJsonWithoutAToken() throws Exception {
        String id = newId();
        ObjectNode created = credential(id, "ci", "github", null, "alice");
        // Even if a server misbehaved and echoed a token, acpctl has no field to print it in.
        ObjectNode withEcho = created.deepCopy();
        String echoed = secret("ghp_");
        withEcho.put("token", echoed);
        api.stubFor(post(urlEqualTo(BASE + "/credentials")).willReturn(json(201, withEcho)));
        world.terminal.stdin(secret("ghp_"));

        Run r = cli.run("credential", "create", "ci", "--provider", "github", "--token-stdin", "-o", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(JSON.readTree(r.out())).isEqualTo(created);
    }

    @Test
    void createReadsAMultiLineKubeconfigFromAFileVerbatim() throws Exception {
        String secret = secret("kube-");
        String kubeconfig = "apiVersion: v1\nclusters:\n- name: c\n  cluster:\n    server: https://k8s.example.com\n"
                + "contexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\n"
                + "users:\n- name: u\n  user:\n    token: " + secret + "\n";
        api.stubFor(post(urlEqualTo(BASE + "/credentials")).willReturn(json(201, credential(newId(), "k", "kubeconfig", null, "alice"))));

        Run r = cli.run("credential", "create", "k", "--provider", "kubeconfig", "--token-file",
                world.file("agent.kubeconfig", kubeconfig).toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode body = JSON.readTree(onlyRequest().getBodyAsString());
        assertThat(body.path("token").asText()).isEqualTo(kubeconfig.substring(0, kubeconfig.length() - 1));
        assertThat(body.path("provider").asText()).isEqualTo("kubeconfig");
    }

    @Test
    void createAsksWithAHiddenPromptWhenNoSourceIsGiven() throws Exception {
        String token = secret("ghp_");
        api.stubFor(post(urlEqualTo(BASE + "/credentials")).willReturn(json(201, credential(newId(), "ci", "github", null, "alice"))));
        world.terminal.answer(token);

        Run r = cli.run("credential", "create", "ci", "--provider", "github");

        assertThat(r.exitCode()).isZero();
        assertThat(world.terminal.prompts()).containsExactly("Token for github credential ci: ");
        assertThat(JSON.readTree(onlyRequest().getBodyAsString()).path("token").asText()).isEqualTo(token);
    }

    @Test
    void createRefusesATokenOnArgvBeforeSendingAnything() {
        String token = secret("ghp_");
        for (String[] args : List.of(
                new String[] { "credential", "create", "ci", "--provider", "github", "--token", token },
                new String[] { "credential", "create", "ci", "--token=" + token, "--provider", "github" },
                new String[] { "credential", "create", "ci", "--provider", "github", "--token-stdin", "--token", token },
                new String[] { "credential", "update", newId(), "--token", token })) {
            Run r = cli.run(args);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("error: " + TokenInput.ARGV_REFUSAL + " (see: acpctl credential "
                    + args[1] + " --help)\n");
            assertThat(r.out()).isEmpty();
        }
        assertThat(requests()).isEmpty();
        assertThat(world.terminal.stdinReads()).isZero();
    }

    @Test
    void createWithoutASourceOrTerminalIsAUsageError() {
        Run none = cli.run("credential", "create", "ci", "--provider", "github");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).isEqualTo(
                "error: no token given and no terminal for a hidden prompt: use --token-stdin or --token-file\n");

        world.terminal.interactive(true);
        Run multiLine = cli.run("credential", "create", "k", "--provider", "kubeconfig");
        assertThat(multiLine.exitCode()).isEqualTo(2);
        assertThat(multiLine.err()).isEqualTo(
                "error: a kubeconfig credential is a multi-line document: use --token-stdin or --token-file\n");
        assertThat(world.terminal.prompts()).isEmpty();

        Run two = cli.run("credential", "create", "ci", "--provider", "github", "--token-stdin", "--token-file", "x");
        assertThat(two.exitCode()).isEqualTo(2);
        assertThat(two.err()).isEqualTo("error: choose one of --token-stdin, --token-file and --token-prompt\n");
        assertThat(requests()).isEmpty();
    }

    @Test
    void createChecksTheProviderShapeLocallyWithoutEchoingTheValue() {
        String bad = secret("not-a-kubeconfig ");
        world.terminal.stdin(bad);
        Run kube = cli.run("credential", "create", "k", "--provider", "kubeconfig", "--token-stdin");
        assertThat(kube.exitCode()).isEqualTo(2);
        assertThat(kube.err()).isEqualTo("error: token is not a kubeconfig: expected a YAML mapping\n");

        world.terminal.stdin(secret("ghp_"));
        Run jira = cli.run("credential", "create", "j", "--provider", "jira", "--token-stdin");
        assertThat(jira.exitCode()).isEqualTo(2);
        assertThat(jira.err()).isEqualTo("error: url is required for jira credentials (the Jira site URL)\n");

        Run unknown = cli.run("credential", "create", "x", "--provider", "bitbucket", "--token-stdin");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo(
                "error: unknown provider bitbucket (known: github, gitlab, google, jira, kubeconfig)\n");
        assertThat(requests()).isEmpty();
    }

    @Test
    void serverProblemsAreOneLineWithCodeAndField() {
        api.stubFor(post(urlEqualTo(BASE + "/credentials")).willReturn(problem(409, "duplicate_name", "Conflict",
                "you already have a credential with this name", "name")));
        world.terminal.stdin(secret("ghp_"));
        Run conflict = cli.run("credential", "create", "ci", "--provider", "github", "--token-stdin");
        assertThat(conflict.exitCode()).isEqualTo(5);
        assertThat(conflict.out()).isEmpty();
        assertThat(conflict.err()).isEqualTo("error: credential API: you already have a credential with this name "
                + "(HTTP 409, code: duplicate_name, field: name)\n");

        api.stubFor(post(urlEqualTo(BASE + "/credentials")).willReturn(problem(400, "invalid_field", "Bad Request",
                "name must match [A-Za-z0-9][A-Za-z0-9_.-]{0,62} (letters, digits, '_', '.', '-'; no '..')", "name")));
        world.terminal.stdin(secret("ghp_"));
        Run invalid = cli.run("credential", "create", "a..b", "--provider", "github", "--token-stdin");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).endsWith("(HTTP 400, code: invalid_field, field: name)\n");
    }

    // ---- list / get -------------------------------------------------------------------------------------------------

    @Test
    void listReadsEveryPageAndPrintsATable() throws Exception {
        List<ObjectNode> all = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            all.add(credential(newId(), String.format("cred-%03d", i), i % 2 == 0 ? "github" : "jira",
                    i % 2 == 0 ? null : "https://acme.atlassian.net", i < 100 ? "alice" : "bob"));
        }
        api.stubFor(get(urlEqualTo(BASE + "/credentials?page=1&size=100")).willReturn(json(200, page(all.subList(0, 100), 1, 100, 101))));
        api.stubFor(get(urlEqualTo(BASE + "/credentials?page=2&size=100")).willReturn(json(200, page(all.subList(100, 101), 2, 100, 101))));

        Run table = cli.run("credential", "list");

        assertThat(table.exitCode()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(102);
        assertThat(lines.get(0)).matches("ID\\s+NAME\\s+PROVIDER\\s+URL\\s+OWNER\\s+UPDATED");
        assertThat(lines.get(1)).startsWith(all.get(0).path("id").asText() + "   cred-000   github     -      ");
        assertThat(lines.get(2)).contains("cred-001   jira       https://acme.atlassian.net   alice");
        assertThat(lines.get(101)).contains("cred-100", "bob");
        assertThat(requests()).extracting(LoggedRequest::getUrl).containsExactlyInAnyOrder(
                BASE + "/credentials?page=1&size=100", BASE + "/credentials?page=2&size=100");

        api.resetRequests();
        Run json = cli.run("credential", "list", "-o", "json");
        JsonNode array = JSON.readTree(json.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(101);
        assertThat(array.get(0)).isEqualTo(all.get(0));
    }

    @Test
    void listFiltersByProviderAndSaysWhenEmpty() throws Exception {
        api.stubFor(get(urlEqualTo(BASE + "/credentials?provider=gitlab&page=1&size=100")).willReturn(json(200, page(List.of(), 1, 100, 0))));
        Run table = cli.run("credential", "list", "--provider", "gitlab");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).isEmpty();
        assertThat(table.err()).isEqualTo("no credentials\n");
        Run json = cli.run("credential", "list", "--provider", "gitlab", "-o", "json");
        assertThat(JSON.readTree(json.out())).isEmpty();
        assertThat(json.err()).isEmpty();
    }

    @Test
    void getShowsMetadataAsTableJsonAndYaml() throws Exception {
        String id = newId();
        ObjectNode c = credential(id, "jira-cloud", "jira", "https://acme.atlassian.net", "alice");
        c.put("email", "bot@acme.com");
        c.put("description", "Jira bot");
        ((ObjectNode) c.get("metadata")).put("team", "infra");
        api.stubFor(get(urlEqualTo(BASE + "/credentials/" + id)).willReturn(json(200, c).withHeader("ETag", "\"v3\"")));

        Run table = cli.run("credential", "get", id);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("id:             " + id, "email:          bot@acme.com",
                "metadata:       {\"team\":\"infra\"}", "description:    Jira bot");
        assertThat(table.out()).doesNotContainPattern("(?m)^token:");

        assertThat(JSON.readTree(cli.run("credential", "get", id, "-o", "json").out())).isEqualTo(c);
        assertThat(YAML.readTree(cli.run("credential", "get", id, "-o", "yaml").out())).isEqualTo(c);
        assertThat(requests()).allSatisfy(r -> assertThat(r.getHeader("Authorization")).startsWith("Bearer ey"));
    }

    @Test
    void getOfAnUnknownOrInvalidIdFails() {
        String id = newId();
        api.stubFor(get(urlEqualTo(BASE + "/credentials/" + id)).willReturn(problem(404, "not_found", "Not Found",
                "credential not found", null)));
        Run missing = cli.run("credential", "get", id);
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).isEqualTo("error: credential API: credential not found (HTTP 404, code: not_found)\n");
        Run missingJson = cli.run("credential", "get", id, "-o", "json");
        assertThat(missingJson.exitCode()).isEqualTo(4);
        assertThat(missingJson.out()).isEmpty();

        Run traversal = cli.run("credential", "get", "../../whoami");
        assertThat(traversal.exitCode()).isEqualTo(2);
        assertThat(traversal.err()).isEqualTo("error: '../../whoami' is not a valid credential id ([A-Za-z0-9_-]{8,64})\n");
        assertThat(requests()).hasSize(2);
    }

    // ---- update -------------------------------------------------------------------------------------------------

    @Test
    void updateSendsAMergePatchOfOnlyWhatWasGiven() throws Exception {
        String id = newId();
        api.stubFor(patch(urlEqualTo(BASE + "/credentials/" + id)).willReturn(json(200, credential(id, "renamed", "github", null, "alice"))));

        Run r = cli.run("credential", "update", id, "--name", "renamed", "--url", "", "--description", "new");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        LoggedRequest req = onlyRequest();
        assertThat(req.getMethod().getName()).isEqualTo("PATCH");
        assertThat(req.getHeader("Content-Type")).isEqualTo("application/merge-patch+json");
        assertThat(req.getBodyAsString()).isEqualTo("{\"name\":\"renamed\",\"url\":null,\"description\":\"new\"}");
        assertThat(r.out()).contains("name:           renamed");
    }

    @Test
    void updateRotatesTheTokenOnlyWhenAskedAndOnlyInTheBody() throws Exception {
        String id = newId();
        String token = secret("github_pat_");
        api.stubFor(patch(urlEqualTo(BASE + "/credentials/" + id)).willReturn(json(200, credential(id, "ci", "github", null, "alice"))));
        world.terminal.stdin(token + "\r\n");

        Run r = cli.run("credential", "update", id, "--token-stdin", "-o", "json");

        assertThat(r.exitCode()).isZero();
        assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"token\":\"" + token + "\"}");
        assertThat(JSON.readTree(r.out()).has("token")).isFalse();

        Run nothing = cli.run("credential", "update", id);
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).startsWith("error: nothing to update");
    }

    @Test
    void updateTakesANewTokenFromAFileOrAHiddenPrompt() throws Exception {
        String id = newId();
        String fromFile = secret("glpat-");
        String typed = secret("ghp_");
        api.stubFor(patch(urlEqualTo(BASE + "/credentials/" + id)).willReturn(json(200, credential(id, "ci", "gitlab", null, "alice"))));

        assertThat(cli.run("credential", "update", id, "--token-file", world.file("t", fromFile + "\n").toString())
                .exitCode()).isZero();
        world.terminal.answer(typed);
        assertThat(cli.run("credential", "update", id, "--token-prompt").exitCode()).isZero();

        assertThat(requests()).extracting(LoggedRequest::getBodyAsString).containsExactlyInAnyOrder(
                "{\"token\":\"" + fromFile + "\"}", "{\"token\":\"" + typed + "\"}");
        assertThat(world.terminal.prompts()).containsExactly("New token for credential " + id + ": ");
    }

    @Test
    void updateConflictsAreExitFive() {
        String id = newId();
        api.stubFor(patch(urlEqualTo(BASE + "/credentials/" + id)).willReturn(problem(409, "version_conflict", "Conflict",
                "the credential changed concurrently; retry", null)));
        Run r = cli.run("credential", "update", id, "--description", "x");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("(HTTP 409, code: version_conflict)");
    }

    // ---- delete -------------------------------------------------------------------------------------------------

    @Test
    void deleteOneAndForce() throws Exception {
        String id = newId();
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + id)).willReturn(problem(409, "credential_bound", "Conflict",
                "the credential is bound in 1 project(s); delete with force=true to remove its bindings too", null)));
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + id + "?force=true")).willReturn(aResponse().withStatus(204)));

        Run bound = cli.run("credential", "delete", id);
        assertThat(bound.exitCode()).isEqualTo(5);
        assertThat(bound.out()).isEqualTo("CREDENTIAL" + " ".repeat(id.length() - 10 + 3) + "RESULT\n" + id + "   failed\n");
        assertThat(bound.err()).isEqualTo("error: credential " + id + ": credential API: the credential is bound in 1 "
                + "project(s); delete with force=true to remove its bindings too (HTTP 409, code: credential_bound); use "
                + "--force to delete it with its bindings\nerror: 1 of 1 failed\n");

        Run forced = cli.run("credential", "delete", id, "--force", "-o", "json");
        assertThat(forced.exitCode()).isZero();
        assertThat(JSON.readTree(forced.out())).isEqualTo(JSON.readTree(
                "{\"results\":[{\"id\":\"" + id + "\",\"result\":\"deleted\"}]}"));
        assertThat(forced.err()).isEmpty();
    }

    @Test
    void deleteAllOfAProviderCollectsEveryFailure() throws Exception {
        String ok = newId();
        String bound = newId();
        String gone = newId();
        String othersId = newId();
        api.stubFor(get(urlEqualTo(BASE + "/whoami")).willReturn(json(200, whoami("alice", true))));
        api.stubFor(get(urlEqualTo(BASE + "/credentials?provider=github&page=1&size=100")).willReturn(json(200, page(List.of(
                credential(ok, "a", "github", null, "alice"),
                credential(othersId, "theirs", "github", null, "bob"),
                credential(bound, "b", "github", null, "alice"),
                credential(gone, "c", "github", null, "alice")), 1, 100, 4))));
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + ok)).willReturn(aResponse().withStatus(204)));
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + bound)).willReturn(problem(409, "credential_bound",
                "Conflict", "the credential is bound in 2 project(s); delete with force=true to remove its bindings too", null)));
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + gone)).willReturn(problem(404, "not_found", "Not Found",
                "credential not found", null)));

        Run r = cli.run("credential", "delete", "--all", "--provider", "github", "-o", "json");

        assertThat(r.exitCode()).as("failures of different kinds").isEqualTo(1);
        JsonNode results = JSON.readTree(r.out()).path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("result").asText()).isEqualTo("deleted");
        assertThat(results.get(1).path("id").asText()).isEqualTo(bound);
        assertThat(results.get(1).path("result").asText()).isEqualTo("failed");
        assertThat(results.get(1).path("error").asText()).contains("credential_bound");
        assertThat(results.get(2).path("error").asText()).contains("not_found");
        assertThat(r.err().lines()).containsExactly(
                "error: credential " + bound + ": credential API: the credential is bound in 2 project(s); delete with "
                        + "force=true to remove its bindings too (HTTP 409, code: credential_bound); use --force to "
                        + "delete it with its bindings",
                "error: credential " + gone + ": credential API: credential not found (HTTP 404, code: not_found)",
                "error: 2 of 3 failed");
        assertThat(requests()).extracting(q -> q.getMethod().getName() + " " + q.getUrl())
                .as("someone else's credential is never touched")
                .doesNotContain("DELETE " + BASE + "/credentials/" + othersId)
                .contains("DELETE " + BASE + "/credentials/" + ok);
    }

    @Test
    void deleteAllWithOneKindOfFailureExitsWithItsCode() {
        String a = newId();
        String b = newId();
        api.stubFor(get(urlEqualTo(BASE + "/whoami")).willReturn(json(200, whoami("alice", false))));
        api.stubFor(get(urlEqualTo(BASE + "/credentials?provider=jira&page=1&size=100")).willReturn(json(200, page(List.of(
                credential(a, "a", "jira", "https://x.atlassian.net", "alice"),
                credential(b, "b", "jira", "https://x.atlassian.net", "alice")), 1, 100, 2))));
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + a)).willReturn(aResponse().withStatus(204)));
        api.stubFor(delete(urlEqualTo(BASE + "/credentials/" + b)).willReturn(problem(409, "credential_bound", "Conflict",
                "bound", null)));
        Run r = cli.run("credential", "delete", "--all", "--provider", "jira");
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.out()).contains(a + "   deleted", b + "   failed");
    }

    @Test
    void deleteAllNeedsAProviderAndNothingToDeleteIsFine() {
        Run noProvider = cli.run("credential", "delete", "--all");
        assertThat(noProvider.exitCode()).isEqualTo(2);
        assertThat(noProvider.err()).isEqualTo(
                "error: --all needs --provider (deleting every credential at once is not offered)\n");
        Run both = cli.run("credential", "delete", newId(), "--all", "--provider", "github");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(requests()).isEmpty();

        api.stubFor(get(urlEqualTo(BASE + "/whoami")).willReturn(json(200, whoami("alice", false))));
        api.stubFor(get(urlEqualTo(BASE + "/credentials?provider=google&page=1&size=100")).willReturn(json(200, page(List.of(), 1, 100, 0))));
        Run none = cli.run("credential", "delete", "--all", "--provider", "google");
        assertThat(none.exitCode()).isZero();
        assertThat(none.err()).isEqualTo("no google credentials owned by alice\n");
    }

    // ---- bindings -----------------------------------------------------------------------------------------------

    @Test
    void bindPostsTheBindingAndShowsIt() throws Exception {
        String cred = newId();
        String bindingId = newId();
        api.stubFor(post(urlEqualTo(BASE + "/projects/demo/credential-bindings")).willReturn(
                json(201, binding(bindingId, "demo", "reviewer", cred, "github", "alice"))));

        Run r = cli.run("credential", "bind", cred, "--project", "demo", "--agent", "reviewer");

        assertThat(r.exitCode()).isZero();
        LoggedRequest req = onlyRequest();
        assertThat(req.getBodyAsString()).isEqualTo("{\"credential_id\":\"" + cred + "\",\"agent\":\"reviewer\"}");
        assertThat(r.out()).contains("id:           " + bindingId, "agent:        reviewer", "credential:   " + cred);

        api.stubFor(post(urlEqualTo(BASE + "/projects/demo/credential-bindings")).willReturn(problem(409,
                "duplicate_binding", "Conflict", "this credential is already bound here", null)));
        Run dup = cli.run("credential", "bind", cred, "--project", "demo", "-o", "json");
        assertThat(dup.exitCode()).isEqualTo(5);
        assertThat(dup.out()).isEmpty();
        assertThat(dup.err()).isEqualTo("error: credential API: this credential is already bound here "
                + "(HTTP 409, code: duplicate_binding)\n");

        api.stubFor(post(urlEqualTo(BASE + "/projects/other/credential-bindings")).willReturn(problem(403, "forbidden",
                "Forbidden", "binding credentials to project other requires its admin group", null)));
        Run forbidden = cli.run("credential", "bind", cred, "--project", "other");
        assertThat(forbidden.exitCode()).isEqualTo(1);
        assertThat(forbidden.err()).contains("requires its admin group (HTTP 403, code: forbidden)");
    }

    @Test
    void bindingsListsAProjectAndFiltersByCredential() throws Exception {
        String c1 = newId();
        String c2 = newId();
        ObjectNode b1 = binding(newId(), "demo", null, c1, "github", "alice");
        ObjectNode b2 = binding(newId(), "demo", "reviewer", c2, "jira", "alice");
        api.stubFor(get(urlEqualTo(BASE + "/projects/demo/credential-bindings?page=1&size=100"))
                .willReturn(json(200, page(List.of(b1, b2), 1, 100, 2))));

        Run table = cli.run("credential", "bindings", "--project", "demo");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().toList()).hasSize(3);
        assertThat(table.out()).contains("(all)", "reviewer", c1, c2);

        Run filtered = cli.run("credential", "bindings", "--project", "demo", "--credential", c2, "-o", "json");
        assertThat(JSON.readTree(filtered.out())).containsExactly(b2);
    }

    @Test
    void unbindAllReportsEachFailureAndExitsNonZero() throws Exception {
        String c = newId();
        String keep = newId();
        String b1 = newId();
        String b2 = newId();
        String b3 = newId();
        api.stubFor(get(urlEqualTo(BASE + "/projects/demo/credential-bindings?page=1&size=100")).willReturn(json(200, page(List.of(
                binding(b1, "demo", null, c, "github", "alice"),
                binding(b2, "demo", "reviewer", c, "github", "alice"),
                binding(b3, "demo", null, keep, "jira", "alice")), 1, 100, 3))));
        api.stubFor(delete(urlEqualTo(BASE + "/projects/demo/credential-bindings/" + b1)).willReturn(aResponse().withStatus(204)));
        api.stubFor(delete(urlEqualTo(BASE + "/projects/demo/credential-bindings/" + b2)).willReturn(problem(503,
                "database_unavailable", "Service Unavailable", "the database could not complete the request; retry later", null)));

        Run r = cli.run("credential", "unbind", "--all", "--project", "demo", "--credential", c);

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines()).containsExactly("BINDING" + " ".repeat(b1.length() - 7 + 3) + "RESULT",
                b1 + "   unbound", b2 + "   failed");
        assertThat(r.err().lines()).containsExactly("error: binding " + b2 + ": credential API: the database could not "
                + "complete the request; retry later (HTTP 503, code: database_unavailable)", "error: 1 of 2 failed");
        assertThat(requests()).extracting(LoggedRequest::getUrl).doesNotContain(BASE + "/projects/demo/credential-bindings/" + b3);
    }

    @Test
    void unbindByIdAndUsageErrors() {
        String b = newId();
        api.stubFor(delete(urlEqualTo(BASE + "/projects/demo/credential-bindings/" + b)).willReturn(aResponse().withStatus(204)));
        Run one = cli.run("credential", "unbind", b, "--project", "demo");
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).contains(b + "   unbound");

        assertThat(cli.run("credential", "unbind", "--project", "demo").exitCode()).isEqualTo(2);
        assertThat(cli.run("credential", "unbind", b, "--project", "demo", "--credential", newId()).exitCode()).isEqualTo(2);
        assertThat(cli.run("credential", "unbind", b).exitCode()).as("--project is required").isEqualTo(2);
        Run dots = cli.run("credential", "unbind", b, "--project", "..");
        assertThat(dots.exitCode()).isEqualTo(2);
        assertThat(dots.err()).isEqualTo("error: project must not be empty, '.' or '..'\n");
    }

    // ---- audit --------------------------------------------------------------------------------------------------

    @Test
    void auditShowsTheTrailNewestFirst() throws Exception {
        String id = newId();
        ObjectNode read = auditEntry("token_read", "success", "session", "session:s-1:github", "0f9e8d7c-aaaa-bbbb");
        ObjectNode created = auditEntry("credential_create", "success", "user", "alice", null);
        api.stubFor(get(urlEqualTo(BASE + "/credentials/" + id + "/audit?page=1&size=50"))
                .willReturn(json(200, page(List.of(read, created), 1, 50, 2))));
        api.stubFor(get(urlEqualTo(BASE + "/credentials/" + id + "/audit?page=1&size=1"))
                .willReturn(json(200, page(List.of(read), 1, 1, 2))));

        Run table = cli.run("credential", "audit", id);
        assertThat(table.exitCode()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).matches("AT\\s+ACTION\\s+OUTCOME\\s+ACTOR\\s+SESSION\\s+PROJECT\\s+REASON");
        assertThat(lines.get(1)).contains("token_read", "session:session:s-1:github", "0f9e8d7c-aaaa-bbbb", "demo");
        assertThat(lines.get(2)).contains("credential_create", "user:alice");
        assertThat(lines.get(1)).doesNotContainPattern("\\.\\d{6}Z").as("timestamps shown to the second");

        Run json = cli.run("credential", "audit", id, "--limit", "1", "-o", "json");
        assertThat(JSON.readTree(json.out())).hasSize(1);
        assertThat(requests()).extracting(LoggedRequest::getUrl).contains(BASE + "/credentials/" + id + "/audit?page=1&size=1");
    }

    // ---- authentication and transport ----------------------------------------------------------------------------

    @Test
    void anExpiredLocalTokenIsMintedAgainWithTheSameIdentity() throws Exception {
        // Replace the stored token by one that expired a minute ago, signed with the same key.
        String expired = io.ambientcode.acpctl.auth.DevIssuer.of((java.security.interfaces.RSAPrivateCrtKey) TestWorld.devKey().getPrivate())
                .mint("alice", List.of("ambient:platform-admins"), Instant.now().minusSeconds(3700), java.time.Duration.ofHours(1));
        String config = world.configText().replace(userToken(), expired);
        java.nio.file.Files.writeString(world.configFile, config);
        api.stubFor(get(urlEqualTo(BASE + "/credentials?page=1&size=100")).willReturn(json(200, page(List.of(), 1, 100, 0))));

        Run r = cli.run("credential", "list");

        assertThat(r.exitCode()).isZero();
        String sent = onlyRequest().getHeader("Authorization").substring("Bearer ".length());
        assertThat(sent).isNotEqualTo(expired).isEqualTo(userToken());
        assertThat(LoginCommandTest.verifyAsCredentialApi(sent).getSubject()).isEqualTo("alice");
    }

    @Test
    void unauthorizedSaysHowToLogIn() {
        api.stubFor(get(urlEqualTo(BASE + "/credentials?page=1&size=100")).willReturn(problem(401, "invalid_token",
                "Unauthorized", "the token is not valid", null)));
        Run r = cli.run("credential", "list");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: credential API: the token is not valid (HTTP 401, code: invalid_token); "
                + "run acpctl login\n");
    }

    @Test
    void notLoggedInIsAClearError() throws Exception {
        java.nio.file.Files.delete(world.configFile);
        cli.run("config", "set", "local", "--credential-api-url", api.baseUrl());
        Run r = cli.run("credential", "list");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: not logged in to context local: run acpctl login\n");
        assertThat(requests()).isEmpty();
    }

    @Test
    void anUnreachableServiceOrAnOddAnswerIsOneLine() throws Exception {
        String secretInBody = secret("ghp_");
        api.stubFor(get(urlPathEqualTo(BASE + "/credentials")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>proxy error " + secretInBody + "</html>")));
        Run proxy = cli.run("credential", "list");
        assertThat(proxy.exitCode()).isEqualTo(1);
        assertThat(proxy.err()).isEqualTo("error: credential API answered HTTP 502 (HTTP 502)\n");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        cli.run("config", "set", "local", "--credential-api-url", "http://127.0.0.1:" + closed);
        Run down = cli.run("credential", "list");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).isEqualTo("error: cannot reach the credential API at http://127.0.0.1:" + closed
                + " (is the suite running? start it with: acpctl up)\n");
    }

    @Test
    void aClusterContextUsesItsOidcTokenFromLoginOrTokenFile() throws Exception {
        cli.run("config", "set", "prod", "--credential-api-url", api.baseUrl(), "--use");
        String oidc = TestWorld.oidcToken("carol", Instant.now().plusSeconds(3600));
        world.terminal.stdin(oidc);
        assertThat(cli.run("login", "--token-stdin").exitCode()).isZero();
        api.stubFor(get(urlEqualTo(BASE + "/credentials?page=1&size=100")).willReturn(json(200, page(List.of(), 1, 100, 0))));

        assertThat(cli.run("credential", "list").exitCode()).isZero();
        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + oidc);

        // An expired stored token with a token file configured: the file is read fresh.
        String fresh = TestWorld.oidcToken("carol", Instant.now().plusSeconds(600));
        String expired = TestWorld.oidcToken("carol", Instant.now().minusSeconds(600));
        java.nio.file.Files.writeString(world.configFile, world.configText().replace(oidc, expired));
        cli.run("config", "set", "prod", "--token-file", world.file("oidc-token", fresh + "\n").toString());
        api.resetRequests();
        assertThat(cli.run("credential", "list").exitCode()).isZero();
        assertThat(onlyRequest().getHeader("Authorization")).isEqualTo("Bearer " + fresh);

        cli.run("config", "set", "prod", "--token-file", "");
        Run stale = cli.run("credential", "list");
        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.err()).startsWith("error: the token of context prod expired at ")
                .endsWith(": run acpctl login --context prod\n");
    }
}
