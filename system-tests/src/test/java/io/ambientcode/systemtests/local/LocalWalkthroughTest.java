package io.ambientcode.systemtests.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.contracts.local.LocalLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 and 2 of issue 7: the README's walkthrough ({@code docs/walkthrough.sh}, pasted verbatim into the
 * README), run literally in one bash session from the repository root with a fresh home directory: {@code acpctl up},
 * login, a GitHub credential whose {@code url} is a WireMock GitHub (the token on stdin), bind, session, wait, then the
 * MCP TypeScript SDK calls {@code get_me} at the URL {@code mcp-config} printed, the session is stopped (the token
 * server refuses the sidecar's next exchange), and {@code acpctl down}.
 *
 * <p>While everything runs, and again at the end, the token is looked for in the argv of every process on the machine,
 * the environment of every process, every file under the home directory (data directory, acpctl config; the credential
 * API's database separately), every log and everything the commands printed: it is nowhere but where it belongs
 * (the credential API's encrypted store and the sidecar's memory).
 */
@Order(50)
class LocalWalkthroughTest {

    static final Duration STEP = Duration.ofMinutes(6);
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalWorld world;
    static WireMockServer github;
    static WalkthroughShell shell;
    static String token;
    static final List<String> transcript = new ArrayList<>();

    @BeforeAll
    static void start() {
        LocalWorld.requireBuilt();
        LocalWorld.requireServicePortsFree();
        world = new LocalWorld("walkthrough");
        token = "ghp_" + random(36);
        github = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        github.start();
        // GitHub answers only the sidecar that holds the stored token.
        github.stubFor(get(urlEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("{\"login\":\"walkthrough-octocat\",\"id\":4242,\"type\":\"User\"}")));
        github.stubFor(get(urlEqualTo("/user")).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Bad credentials\"}")));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (shell != null) {
                shell.close();
            }
            if (world != null && !world.processes().isEmpty()) {
                new Acpctl(world, transcript).run(null, Duration.ofMinutes(2), "down");
            }
        } finally {
            if (world != null) {
                world.close();
            }
            if (github != null) {
                github.stop();
            }
            if (world != null) {
                Files.write(world.root.resolve("transcript.txt"), transcript);
            }
        }
    }

    @Test
    void theReadmeWalkthroughRunsAsWrittenAndTheTokenStaysInItsPlace() throws Exception {
        Path repository = LocalWorld.repository();
        WalkthroughScript script = WalkthroughScript.load(repository);
        shell = new WalkthroughShell(world, repository, Map.of("GITHUB_API_URL", github.baseUrl()));
        shell.run(script.preamble(), Duration.ofSeconds(30));

        // acpctl up: the three services, ready, on loopback.
        WalkthroughShell.StepOutput up = run(script.stepRunning("acpctl up"));
        assertThat(up.out()).containsPattern("token-server\\s+ready\\s+http://127.0.0.1:8180")
                .containsPattern("credential-api\\s+ready\\s+http://127.0.0.1:8181")
                .containsPattern("control-plane\\s+ready\\s+http://127.0.0.1:8190");
        assertThat(up.err()).contains("data directory " + world.dataDir + ": created", "local suite ready");
        Files.writeString(world.root.resolve("up-time.txt"), "acpctl up to all ready (first start, fresh data directory): "
                + up.took().toMillis() + " ms\n");

        run(script.stepRunning("acpctl login"));

        // The token reaches acpctl on stdin only: never a shell variable, an argument or an environment entry.
        shell.stdin((token + "\n").getBytes(StandardCharsets.UTF_8));
        run(script.stepRunning("acpctl credential create"));
        run(script.stepRunning("acpctl credential bind"));

        WalkthroughShell.StepOutput started = run(script.stepRunning("acpctl session wait"));
        assertThat(started.out()).contains("phase:             Running").containsPattern("sidecars:\\s+github:\\d+ ready");

        WalkthroughShell.StepOutput config = run(script.stepRunning("acpctl session mcp-config"));
        String url = JSON.readTree(config.out()).path("mcpServers").path("github").path("url").asText();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/mcp");

        McpSdk.Call me = McpSdk.call(url, "get_me");
        transcript.add("MCP SDK get_me at " + url + ":\n" + me.output());
        assertThat(me.result().path("server").path("name").asText()).isEqualTo("github");
        assertThat(me.result().path("call").path("isError").asBoolean(false)).as(me.output()).isFalse();
        assertThat(me.result().path("call").path("content").path(0).path("text").asText()).contains("walkthrough-octocat");
        github.verify(1, getRequestedFor(urlEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token)));

        // Acceptance 2 while everything runs: services, the sidecar, acpctl's files.
        assertNoLeak("while the session runs", me.output());

        // Stopping the session ends token minting: the sidecar's next exchange (its own proof) is refused with 403.
        Path sessionDir = world.dataDir.resolve(LocalLayout.SESSIONS_DIR).resolve("demo");
        String sessionId = JSON.readTree(sessionDir.resolve("session.json").toFile()).path("metadata").path("uid").asText();
        String proof = Files.readString(sessionDir.resolve("github.proof")).strip();
        // The proof and the registry key, too, exist only in their own files (and in memory): no argv, env, log or output.
        Path registryKey = world.dataDir.resolve(LocalLayout.REGISTRY_KEY);
        for (Map.Entry<Path, String> own : Map.of(sessionDir.resolve("github.proof"), proof,
                registryKey, Files.readString(registryKey).strip()).entrySet()) {
            LeakScan scan = new LeakScan(own.getValue()).processes()
                    .files(world.home, f -> f.equals(own.getKey()) || f.startsWith(world.dataDir.resolve(LocalLayout.DATABASE_DIR)))
                    .text(shell.transcript(), "the walkthrough's output");
            assertThat(scan.findings()).as("places " + own.getKey().getFileName() + "'s secret appears").isEmpty();
        }
        TokenServerProbe tokenServer = new TokenServerProbe();
        assertThat(tokenServer.exchange(sessionId, "github", proof).status()).as("the live session's exchange").isEqualTo(200);
        long sidecarPid = JSON.readTree(sessionDir.resolve("github.process.json").toFile()).path("pid").asLong();

        WalkthroughShell.StepOutput stop = run(script.stepRunning("acpctl session stop"));
        assertThat(stop.out()).contains("Stopped");
        assertThat(ProcessHandle.of(sidecarPid).map(ProcessHandle::isAlive).orElse(false)).as("the sidecar process").isFalse();
        assertThat(sessionDir.resolve("github.proof")).as("the proof file").doesNotExist();
        TokenServerProbe.Answer refused = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> tokenServer.exchange(sessionId, "github", proof), a -> a.status() != 200);
        assertThat(refused).isEqualTo(new TokenServerProbe.Answer(403, "session_inactive"));

        List<ProcessHandle> before = servicesAndSidecars();
        assertThat(before).as("the three services still run").hasSize(3);
        run(script.stepRunning("acpctl down"));
        for (ProcessHandle h : before) {
            LocalWorld.awaitGone(h, Duration.ofSeconds(5));
        }
        assertThat(servicesAndSidecars()).as("no process of this run is left (but the walkthrough's shell)").isEmpty();
        for (int port : LocalWorld.SERVICE_PORTS) {
            assertThat(LocalWorld.listening(port)).as("port %d", port).isFalse();
        }
        assertThat(script.steps()).as("every step of the walkthrough ran")
                .allMatch(s -> transcript.stream().anyMatch(t -> t.startsWith("## step " + s.number() + ".")));

        assertNoLeak("after acpctl down", "");
    }

    /** Positive control: the scan finds a canary in an argv, an environment and a file (raw and base64url). */
    @Test
    void theLeakScanFindsWhatItLooksFor() throws Exception {
        String canary = "canary_" + random(30);
        Path file = Files.writeString(world.root.resolve("canary.txt"), java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(canary.getBytes(StandardCharsets.UTF_8)));
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", "sleep 60; true", canary);
        builder.environment().put("CANARY", canary);
        Process p = builder.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> new String(LocalWorld.read(Path.of("/proc", Long.toString(p.pid()),
                    "cmdline")), StandardCharsets.UTF_8).contains("sleep 60"));
            List<String> found = new LeakScan(canary).processes().files(world.root, f -> false).findings();
            assertThat(found).contains("argv of pid " + p.pid() + " (bash)", "environment of pid " + p.pid() + " (bash)",
                    "file " + file);
        } finally {
            p.destroyForcibly();
            Files.delete(file);
        }
    }

    @Test
    void theReadmeCarriesTheWalkthroughVerbatim() throws Exception {
        String readme = Files.readString(LocalWorld.repository().resolve("README.md"));
        WalkthroughScript script = WalkthroughScript.load(LocalWorld.repository());
        Matcher block = Pattern.compile("```(?:bash|sh)\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("a fenced block of README.md equals " + WalkthroughScript.FILE).contains(script.text());
    }

    /** This run's processes other than the walkthrough's own shell. */
    private static List<ProcessHandle> servicesAndSidecars() {
        return world.processes().stream().filter(h -> h.pid() != shell.pid()).toList();
    }

    private static WalkthroughShell.StepOutput run(WalkthroughScript.Step step) {
        WalkthroughShell.StepOutput output = shell.run(step.text(), STEP);
        transcript.add("## step " + step.number() + ". " + step.title() + "\n" + output);
        return output;
    }

    /** The token nowhere: no argv, no environment, no file (the database checked on its own), no log, no output. */
    private static void assertNoLeak(String when, String extraOutput) {
        LeakScan scan = new LeakScan(token)
                .processes()
                .files(world.home, p -> p.startsWith(world.dataDir.resolve(LocalLayout.DATABASE_DIR)))
                .files(world.root, p -> p.startsWith(world.home))
                .text(shell.transcript(), "the walkthrough's output")
                .text(String.join("\n", transcript), "the test's transcript")
                .text(extraOutput, "the MCP client's output");
        assertThat(scan.processesScanned()).isGreaterThan(3);
        assertThat(scan.environmentsRead()).as("environments readable to the test").isGreaterThan(3);
        assertThat(scan.filesScanned()).as("files under the home directory").isGreaterThan(10);
        assertThat(scan.findings()).as("places the token appears " + when).isEmpty();
        // Not even the credential API's database holds it in the clear: it stores AES-GCM ciphertext.
        LeakScan database = new LeakScan(token).files(world.dataDir.resolve(LocalLayout.DATABASE_DIR), p -> false);
        assertThat(database.filesScanned()).isPositive();
        assertThat(database.findings()).as("plaintext token in the credential API's database " + when).isEmpty();
    }

    private static String random(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
