package io.ambientcode.acpctl;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.ambientcode.acpctl.support.CredentialApiFake.json;
import static io.ambientcode.acpctl.support.CredentialApiFake.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ambientcode.acpctl.support.CliTestBase;
import io.ambientcode.acpctl.support.Run;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.AgenticSessionStatus;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.contracts.session.RunnerSpec;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session commands in the local context: the control plane's local management API
 * ({@code /local/v1/agenticsessions}) as a WireMock fake, called with the development user token.
 */
@io.quarkus.test.junit.QuarkusTest
class LocalSessionCommandsTest extends CliTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final KubernetesSerialization K8S = new KubernetesSerialization();
    static final String MANAGE = LocalSessionRegistry.MANAGE_PREFIX;
    static WireMockServer controlPlane;

    @BeforeAll
    static void start() {
        controlPlane = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        controlPlane.start();
    }

    @AfterAll
    static void stop() {
        controlPlane.stop();
    }

    @BeforeEach
    void login() {
        controlPlane.resetAll();
        localLoggedIn("http://127.0.0.1:1", controlPlane.baseUrl(), "--project", "demo");
    }

    /** A session as the local control plane returns it: the cluster document, with status. */
    static String session(String name, String project, Consumer<AgenticSessionStatus> status) {
        AgenticSession s = new AgenticSession();
        s.setMetadata(new ObjectMetaBuilder().withName(name).withUid(UUID.randomUUID().toString())
                .withCreationTimestamp(Instant.now().minusSeconds(90).toString()).build());
        AgenticSessionSpec spec = new AgenticSessionSpec();
        spec.setProject(project);
        RunnerSpec runner = new RunnerSpec();
        runner.setImage("local");
        spec.setRunner(runner);
        s.setSpec(spec);
        if (status != null) {
            AgenticSessionStatus st = new AgenticSessionStatus();
            status.accept(st);
            s.setStatus(st);
        }
        return K8S.asJson(s);
    }

    String userToken() throws Exception {
        return YAML.readTree(world.configText()).path("contexts").path("local").path("token").asText();
    }

    List<LoggedRequest> requests() {
        return controlPlane.findAll(anyRequestedFor(anyUrl()));
    }

    @Test
    void createPostsTheClusterDocumentWithTheDevUserToken() throws Exception {
        controlPlane.stubFor(post(urlEqualTo(MANAGE)).willReturn(json(201, session("demo", "demo",
                st -> st.setPhase(SessionPhase.Pending)))));

        Run r = cli.run("session", "create", "demo", "--project", "demo", "--read-only", "github");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        LoggedRequest req = requests().get(0);
        assertThat(req.getMethod().getName()).isEqualTo("POST");
        assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + userToken());
        assertThat(LoginCommandTest.verifyAsCredentialApi(userToken()).getStringListClaimValue("groups"))
                .contains("project:demo", "project:demo:admin");
        JsonNode body = JSON.readTree(req.getBodyAsString());
        assertThat(body.path("apiVersion").asText()).isEqualTo("ambient-code.io/v1alpha1");
        assertThat(body.path("kind").asText()).isEqualTo("AgenticSession");
        assertThat(body.path("metadata").path("name").asText()).isEqualTo("demo");
        assertThat(body.path("spec").path("project").asText()).isEqualTo("demo");
        assertThat(body.path("spec").path("runner").path("image").asText()).as("local sessions run no runner").isEqualTo("local");
        assertThat(body.path("spec").path("sidecars").path("github").path("readOnly").asBoolean()).isTrue();
        assertThat(body.has("status")).isFalse();
        assertThat(r.out()).contains("name:              demo", "phase:             Pending");
    }

    @Test
    void listAcceptsAnArrayOrAListObject() throws Exception {
        String a = session("a", "demo", st -> st.setPhase(SessionPhase.Running));
        String b = session("b", "demo", null);
        controlPlane.stubFor(get(urlEqualTo(MANAGE)).willReturn(json(200, "[" + a + "," + b + "]")));
        Run table = cli.run("session", "list");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines().toList()).hasSize(3);
        assertThat(table.out()).containsPattern("a\\s+Running\\s+demo").containsPattern("b\\s+Pending\\s+demo");

        controlPlane.stubFor(get(urlEqualTo(MANAGE)).willReturn(json(200,
                "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + b + "]}")));
        JsonNode json = JSON.readTree(cli.run("session", "list", "-o", "json").out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("metadata").path("name").asText()).isEqualTo("b");

        controlPlane.stubFor(get(urlEqualTo(MANAGE)).willReturn(json(200, "[]")));
        Run empty = cli.run("session", "list");
        assertThat(empty.err()).isEqualTo("no sessions in the local control plane at " + controlPlane.baseUrl() + "\n");
    }

    @Test
    void getStopAndNotFound() throws Exception {
        controlPlane.stubFor(get(urlEqualTo(MANAGE + "/s1")).willReturn(json(200, session("s1", "demo",
                st -> st.setPhase(SessionPhase.Running)))));
        controlPlane.stubFor(post(urlEqualTo(MANAGE + "/s1/stop")).willReturn(json(200, session("s1", "demo",
                st -> st.setPhase(SessionPhase.Stopped)))));
        controlPlane.stubFor(get(urlEqualTo(MANAGE + "/ghost")).willReturn(problem(404, "not_found", "Not Found",
                "session not found", null)));

        assertThat(cli.run("session", "get", "s1").out()).contains("phase:             Running");
        Run stop = cli.run("session", "stop", "s1", "-o", "json");
        assertThat(stop.exitCode()).isZero();
        assertThat(JSON.readTree(stop.out()).path("status").path("phase").asText()).isEqualTo("Stopped");
        assertThat(requests()).extracting(q -> q.getMethod().getName() + " " + q.getUrl())
                .contains("POST " + MANAGE + "/s1/stop");

        // A stop answered without a body: the session is read back.
        controlPlane.stubFor(post(urlEqualTo(MANAGE + "/s1/stop")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202)));
        Run accepted = cli.run("session", "stop", "s1");
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        assertThat(accepted.out()).contains("stop-requested:   yes", "phase:            Running");

        Run ghost = cli.run("session", "get", "ghost");
        assertThat(ghost.exitCode()).isEqualTo(4);
        assertThat(ghost.err()).isEqualTo("error: control plane: session not found (HTTP 404, code: not_found)\n");
    }

    @Test
    void waitPollsUntilRunning() throws Exception {
        String scenario = "startup";
        controlPlane.stubFor(get(urlEqualTo(MANAGE + "/w")).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, session("w", "demo", st -> st.setPhase(SessionPhase.Pending))))
                .willSetStateTo("sidecar"));
        controlPlane.stubFor(get(urlEqualTo(MANAGE + "/w")).inScenario(scenario).whenScenarioStateIs("sidecar")
                .willReturn(json(200, session("w", "demo", st -> {
                    st.setPhase(SessionPhase.Pending);
                    st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 40123, false, "exchanging")));
                }))).willSetStateTo("running"));
        controlPlane.stubFor(get(urlEqualTo(MANAGE + "/w")).inScenario(scenario).whenScenarioStateIs("running")
                .willReturn(json(200, session("w", "demo", st -> {
                    st.setPhase(SessionPhase.Running);
                    st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 40123, true, null)));
                }))));

        Run r = cli.run("session", "wait", "w", "--interval", "100ms");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err().lines()).containsExactly("session w: Pending", "session w: Pending (sidecars 0/1 ready)",
                "session w: Running (sidecars 1/1 ready)");
        assertThat(r.out()).contains("sidecars:          github:40123 ready");
        assertThat(requests()).hasSize(3);
    }

    @Test
    void mcpConfigUsesTheLocalRuntimesLoopbackPorts() throws Exception {
        controlPlane.stubFor(get(urlEqualTo(MANAGE + "/m")).willReturn(json(200, session("m", "demo", st -> {
            st.setPhase(SessionPhase.Running);
            st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 40123, true, null),
                    new SidecarStatus("jira", "credential-jira", 40977, false, "waiting for credentials"),
                    new SidecarStatus("google", "credential-google", null, false, "starting")));
        }))));

        Run r = cli.run("session", "mcp-config", "m");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(JSON.readTree(r.out())).isEqualTo(JSON.readTree("""
                {"mcpServers": {
                  "github": {"type": "http", "url": "http://127.0.0.1:40123/mcp"},
                  "jira": {"type": "http", "url": "http://127.0.0.1:40977/mcp"}}}"""));
        assertThat(r.err().lines()).containsExactly("warning: sidecar google: no port reported yet",
                "warning: sidecar jira is not ready yet (waiting for credentials)");
    }

    @Test
    void anUnreachableControlPlaneSaysStartTheSuite() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        cli.run("config", "set", "local", "--control-plane-url", "http://127.0.0.1:" + closed);
        Run r = cli.run("session", "list");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: cannot reach the control plane at http://127.0.0.1:" + closed
                + " (is the suite running? start it with: acpctl up)\n");
    }
}
