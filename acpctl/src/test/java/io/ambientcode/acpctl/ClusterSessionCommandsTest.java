package io.ambientcode.acpctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.acpctl.support.CliTestBase;
import io.ambientcode.acpctl.support.Leaks;
import io.ambientcode.acpctl.support.MockCluster;
import io.ambientcode.acpctl.support.Run;
import io.ambientcode.acpctl.support.TestWorld;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.quarkus.test.junit.QuarkusTest;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session commands in a cluster context: AgenticSession resources in the fabric8 mock API server (CRUD mode, the
 * generated CRD), reached through a kubeconfig file, its context and namespace, exactly as with a real cluster.
 */
@QuarkusTest
class ClusterSessionCommandsTest extends CliTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NS = MockCluster.NAMESPACE;
    static MockCluster cluster;
    String kubeBearer;

    @BeforeAll
    static void startCluster() {
        cluster = new MockCluster();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @BeforeEach
    void clusterContext() {
        cluster.deleteAll();
        kubeBearer = TestWorld.secret("sha256~");
        String kubeconfig = world.file("kubeconfig", cluster.kubeconfig(kubeBearer)).toString();
        Run set = cli.run("config", "set", "prod", "--credential-api-url", "https://ambient.example.com",
                "--kubeconfig", kubeconfig, "--kube-context", MockCluster.KUBE_CONTEXT, "--use");
        assertThat(set.exitCode()).as(set.toString()).isZero();
    }

    @AfterEach
    void kubeconfigCredentialsNeverPrinted() {
        Leaks.assertNotPrinted(kubeBearer, cli.runs());
    }

    @Test
    void createWritesAnAgenticSessionInTheContextsNamespace() throws Exception {
        Run r = cli.run("session", "create", "review", "--project", "team-a", "--agent", "reviewer",
                "--image", "quay.io/acme/runner:1", "--env", "LOG_LEVEL=debug", "--credential", "0190c3a4-aaaa-7bbb-8ccc-000000000001",
                "--read-only", "github", "--disable-destructive", "github", "--exclude-tools", "github=delete_file,merge_pull_request", "--timeout", "1h30m");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        AgenticSession s = cluster.session(NS, "review");
        assertThat(s).isNotNull();
        assertThat(s.getSpec().getProject()).isEqualTo("team-a");
        assertThat(s.getSpec().getAgent()).isEqualTo("reviewer");
        assertThat(s.getSpec().getRunner().getImage()).isEqualTo("quay.io/acme/runner:1");
        assertThat(s.getSpec().getRunner().getEnv()).singleElement()
                .satisfies(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("LOG_LEVEL=debug"));
        assertThat(s.getSpec().getCredentials()).containsExactly("0190c3a4-aaaa-7bbb-8ccc-000000000001");
        assertThat(s.getSpec().getSidecars()).containsOnlyKeys("github");
        assertThat(s.getSpec().getSidecars().get("github").getReadOnly()).isTrue();
        assertThat(s.getSpec().getSidecars().get("github").getDisableDestructive()).isTrue();
        assertThat(s.getSpec().getSidecars().get("github").getExcludeTools()).containsExactly("delete_file", "merge_pull_request");
        assertThat(s.getSpec().getTimeout()).isEqualTo("1h30m");
        assertThat(r.out()).contains("name:              review", "namespace:         " + NS, "phase:             Pending",
                "session-id:        " + s.getMetadata().getUid());

        Run json = cli.run("session", "create", "second", "--project", "team-a", "--image", "img", "-o", "json");
        JsonNode created = JSON.readTree(json.out());
        assertThat(created.path("kind").asText()).isEqualTo("AgenticSession");
        assertThat(created.path("apiVersion").asText()).isEqualTo("ambient-code.io/v1alpha1");
        assertThat(created.path("metadata").path("namespace").asText()).isEqualTo(NS);
    }

    @Test
    void createErrorsAreCaughtBeforeTheClusterIsContacted() {
        int before = cluster.requestCount();
        Run noImage = cli.run("session", "create", "s1", "--project", "team-a");
        assertThat(noImage.exitCode()).isEqualTo(2);
        assertThat(noImage.err()).isEqualTo("error: --image is required for a session in a cluster\n");

        String pat = TestWorld.secret("ghp_");
        Run secretEnv = cli.run("session", "create", "s1", "--project", "team-a", "--image", "i", "--env", "GITHUB_TOKEN=" + pat);
        assertThat(secretEnv.exitCode()).isEqualTo(2);
        assertThat(secretEnv.err()).isEqualTo("error: --env GITHUB_TOKEN looks like a secret; credentials belong in the "
                + "credential API (acpctl credential create), never in a runner's environment\n");

        assertThat(cli.run("session", "create", "Bad_Name", "--project", "team-a", "--image", "i").exitCode()).isEqualTo(2);
        Run provider = cli.run("session", "create", "s1", "--project", "team-a", "--image", "i", "--read-only", "gitlab");
        assertThat(provider.exitCode()).isEqualTo(2);
        assertThat(provider.err()).contains("gitlab is not a provider with a sidecar (github, jira, kubeconfig, google)");
        assertThat(cli.run("session", "create", "s1", "--project", "team-a", "--image", "i", "--timeout", "soon").exitCode()).isEqualTo(2);
        assertThat(cluster.requestCount()).as("no usage error reached the API server").isEqualTo(before);
    }

    @Test
    void createOfAnExistingSessionIsAConflict() {
        assertThat(cli.run("session", "create", "dup", "--project", "team-a", "--image", "i").exitCode()).isZero();
        Run again = cli.run("session", "create", "dup", "--project", "team-a", "--image", "i");
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).isEqualTo("error: session dup already exists in namespace team-a (kube context mock-admin)\n");
    }

    @Test
    void listAndGetAsTableAndJson() throws Exception {
        cli.run("session", "create", "alpha", "--project", "team-a", "--image", "i");
        cli.run("session", "create", "beta", "--project", "team-b", "--agent", "bot", "--image", "i");
        cluster.setStatus(NS, "beta", st -> {
            st.setPhase(SessionPhase.Running);
            st.setPodName("beta-pod");
            st.setCredentials(Map.of("github", "0190c3a4-aaaa-7bbb-8ccc-000000000002"));
            st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 8091, true, null),
                    new SidecarStatus("jira", "credential-jira", 8092, false, "waiting for credentials")));
            st.setUnsupportedProviders(List.of("gitlab"));
        });

        Run table = cli.run("session", "list");
        assertThat(table.exitCode()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).matches("NAME\\s+PHASE\\s+PROJECT\\s+AGENT\\s+SIDECARS\\s+AGE");
        assertThat(lines.get(1)).matches("alpha\\s+Pending\\s+team-a\\s+-\\s+-\\s+\\d+s");
        assertThat(lines.get(2)).matches("beta\\s+Running\\s+team-b\\s+bot\\s+1/2 ready\\s+\\d+s");

        JsonNode list = JSON.readTree(cli.run("session", "list", "-o", "json").out());
        assertThat(list).hasSize(2);
        assertThat(list.get(1).path("status").path("phase").asText()).isEqualTo("Running");

        Run get = cli.run("session", "get", "beta");
        assertThat(get.out()).contains("phase:             Running", "pod:               beta-pod",
                "credentials:       github=0190c3a4-aaaa-7bbb-8ccc-000000000002",
                "sidecars:          github:8091 ready, jira:8092 not ready (waiting for credentials)",
                "unsupported:       gitlab");
        Run yaml = cli.run("session", "get", "beta", "-o", "yaml");
        assertThat(yaml.out()).contains("kind: AgenticSession", "podName: beta-pod");
    }

    @Test
    void missingSessionsAreNotFoundAndAnEmptyNamespaceSaysSo() {
        Run get = cli.run("session", "get", "ghost");
        assertThat(get.exitCode()).isEqualTo(4);
        assertThat(get.err()).isEqualTo("error: session ghost not found in namespace team-a (kube context mock-admin)\n");
        assertThat(cli.run("session", "stop", "ghost").exitCode()).isEqualTo(4);
        assertThat(cli.run("session", "wait", "ghost").exitCode()).isEqualTo(4);
        assertThat(cli.run("session", "mcp-config", "ghost").exitCode()).isEqualTo(4);

        Run empty = cli.run("session", "list");
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).isEqualTo("no sessions in namespace team-a (kube context mock-admin)\n");
    }

    @Test
    void namespaceComesFromTheContextOverTheKubeconfig() throws Exception {
        cli.run("config", "set", "prod", "--namespace", "team-b");
        assertThat(cli.run("session", "create", "elsewhere", "--project", "team-b", "--image", "i").exitCode()).isZero();
        assertThat(cluster.session("team-b", "elsewhere")).isNotNull();
        assertThat(cluster.session(NS, "elsewhere")).isNull();

        // No kube-context and no namespace: the kubeconfig's current context ("other"), namespace "default".
        cli.run("config", "set", "prod", "--namespace", "", "--kube-context", "");
        assertThat(cli.run("session", "create", "dflt", "--project", "p", "--image", "i").exitCode()).isZero();
        assertThat(cluster.session("default", "dflt")).isNotNull();

        cli.run("config", "set", "prod", "--kube-context", "missing");
        Run missing = cli.run("session", "list");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err()).startsWith("error: kubeconfig ").endsWith(" has no context missing\n");
    }

    @Test
    void stopSetsSpecStop() {
        cli.run("session", "create", "s1", "--project", "team-a", "--image", "i");
        Run r = cli.run("session", "stop", "s1");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("session:          s1", "stop-requested:   yes");
        assertThat(cluster.session(NS, "s1").getSpec().getStop()).isTrue();
        assertThat(cluster.session(NS, "s1").getSpec().getProject()).as("the rest of the spec is kept").isEqualTo("team-a");
    }

    @Test
    void waitShowsProgressUntilRunning() throws Exception {
        cli.run("session", "create", "w1", "--project", "team-a", "--image", "i");
        ScheduledExecutorService controlPlane = Executors.newSingleThreadScheduledExecutor();
        try {
            controlPlane.schedule(() -> cluster.setStatus(NS, "w1", st -> {
                st.setPhase(SessionPhase.Pending);
                st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 8091, false, "starting")));
            }), 300, TimeUnit.MILLISECONDS);
            controlPlane.schedule(() -> cluster.setStatus(NS, "w1", st -> {
                st.setPhase(SessionPhase.Running);
                st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 8091, true, null)));
            }), 900, TimeUnit.MILLISECONDS);

            Run r = cli.run("session", "wait", "w1", "--interval", "100ms", "--timeout", "30s", "-o", "json");

            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err().lines()).containsExactly("session w1: Pending", "session w1: Pending (sidecars 0/1 ready)",
                    "session w1: Running (sidecars 1/1 ready)");
            assertThat(JSON.readTree(r.out()).path("status").path("phase").asText()).isEqualTo("Running");
        } finally {
            controlPlane.shutdownNow();
        }
    }

    @Test
    void waitFailsOnTimeoutAndOnAnotherEndPhase() {
        cli.run("session", "create", "slow", "--project", "team-a", "--image", "i");
        Run timeout = cli.run("session", "wait", "slow", "--interval", "100ms", "--timeout", "500ms");
        assertThat(timeout.exitCode()).isEqualTo(1);
        assertThat(timeout.err().lines()).containsExactly("session slow: Pending",
                "error: timed out after 500ms waiting for session slow to be Running (now Pending)");

        cli.run("session", "create", "broken", "--project", "team-a", "--image", "i");
        cluster.setStatus(NS, "broken", st -> {
            st.setPhase(SessionPhase.Failed);
            st.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False")
                    .withReason("CredentialsUnresolved").withMessage("credential 0190 is not bound to project team-a")
                    .withLastTransitionTime(Instant.now().toString()).build()));
        });
        Run failed = cli.run("session", "wait", "broken", "--interval", "100ms");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).endsWith("error: session broken ended in phase Failed while waiting for Running: "
                + "credential 0190 is not bound to project team-a\n");

        Run stopped = cli.run("session", "wait", "broken", "--for", "failed");
        assertThat(stopped.exitCode()).as("case-insensitive phase; Failed is what we wait for").isZero();
    }

    @Test
    void mcpConfigPrintsClientConfigurationAndThePortForward() throws Exception {
        cli.run("session", "create", "m1", "--project", "team-a", "--image", "i");
        cluster.setStatus(NS, "m1", st -> {
            st.setPhase(SessionPhase.Running);
            st.setPodName("m1-abcde");
            st.setSidecars(List.of(new SidecarStatus("github", "credential-github", 8091, true, null),
                    new SidecarStatus("kubeconfig", "credential-k8s", 8093, true, null)));
        });

        Run claude = cli.run("session", "mcp-config", "m1");
        assertThat(claude.exitCode()).as(claude.toString()).isZero();
        assertThat(JSON.readTree(claude.out())).isEqualTo(JSON.readTree("""
                {"mcpServers": {
                  "github": {"type": "http", "url": "http://localhost:8091/mcp"},
                  "kubernetes": {"type": "http", "url": "http://localhost:8093/mcp"}}}"""));
        assertThat(claude.err()).isEqualTo("# reach the sidecars from this machine with: kubectl --context mock-admin "
                + "-n team-a port-forward pod/m1-abcde 8091:8091 8093:8093\n");

        Run generic = cli.run("session", "mcp-config", "m1", "--client", "generic");
        assertThat(JSON.readTree(generic.out())).isEqualTo(JSON.readTree(
                "{\"github\":\"http://localhost:8091/mcp\",\"kubernetes\":\"http://localhost:8093/mcp\"}"));
        Run vscode = cli.run("session", "mcp-config", "m1", "--client", "vscode", "-o", "yaml");
        assertThat(vscode.out()).contains("servers:", "github:", "type: http", "url: http://localhost:8091/mcp");
    }

    @Test
    void mcpConfigWithoutSidecarsIsAnError() {
        cli.run("session", "create", "bare", "--project", "team-a", "--image", "i");
        Run r = cli.run("session", "mcp-config", "bare");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: session bare has no credential sidecars (phase Pending): bind credentials "
                + "to project team-a, or wait for them: acpctl session wait bare\n");
    }

    @Test
    void onlySessionCommandsEverContactTheCluster() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int before = cluster.requestCount();
        cli.run("config", "get-contexts");
        cli.run("config", "view");
        cli.run("config", "set", "prod", "--credential-api-url", "http://127.0.0.1:" + closed);
        world.terminal.stdin(TestWorld.oidcToken("carol", Instant.now().plusSeconds(600)));
        assertThat(cli.run("login", "--token-stdin").exitCode()).isZero();
        assertThat(cli.run("credential", "list").exitCode()).isEqualTo(1);
        cli.run("credential", "get", "0190c3a4-aaaa-7bbb-8ccc-000000000003");
        cli.run("completion");
        cli.run("--help");
        assertThat(cluster.requestCount()).isEqualTo(before);

        assertThat(cli.run("session", "list").exitCode()).isZero();
        assertThat(cluster.requestCount()).isGreaterThan(before);
    }

    @Test
    void anUnreachableClusterIsOneLine() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String kubeconfig = world.file("dead-kubeconfig", cluster.kubeconfig(kubeBearer)
                .replace(cluster.url(), "http://127.0.0.1:" + closed)).toString();
        cli.run("config", "set", "prod", "--kubeconfig", kubeconfig);
        Run r = cli.run("session", "list");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: cannot reach the Kubernetes API of namespace team-a (kube context mock-admin): ");

        cli.run("config", "set", "prod", "--kubeconfig", tmp.resolve("nope").toString());
        Run none = cli.run("session", "list");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("error: no kubeconfig at ");
    }
}
