package io.ambientcode.systemtests.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.local.LocalLayout;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of issue 7, with the packaged CLI and real processes: {@code acpctl up} twice is idempotent; a control
 * plane that dies is started again by the next {@code up} and re-adopts the running sidecar; {@code down} leaves no
 * process behind (checked by pid and by port, sidecars included); a service that cannot start (its port taken) is
 * reported with its log tail and the others are stopped.
 */
@Order(51)
class LocalLifecycleTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern STARTING = Pattern.compile("(token-server|credential-api|control-plane): starting \\(pid (\\d+)");

    LocalWorld world;
    Acpctl acpctl;
    final List<String> transcript = new ArrayList<>();

    @BeforeEach
    void world() {
        LocalWorld.requireBuilt();
        LocalWorld.requireServicePortsFree();
        world = new LocalWorld("lifecycle");
        acpctl = new Acpctl(world, transcript);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (!world.processes().isEmpty()) {
                acpctl.run(null, Duration.ofMinutes(2), "down");
            }
        } finally {
            world.close();
            Files.write(world.root.resolve("transcript.txt"), transcript);
        }
    }

    @Test
    void upIsIdempotentADeadControlPlaneComesBackAndDownLeavesNothing() throws Exception {
        Acpctl.Result first = acpctl.run("up");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        Map<String, Long> pids = servicePids();
        assertThat(pids).containsOnlyKeys("token-server", "credential-api", "control-plane");

        Acpctl.Result second = acpctl.run("up");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).contains("token-server: already running (pid " + pids.get("token-server") + ")",
                "credential-api: already running (pid " + pids.get("credential-api") + ")",
                "control-plane: already running (pid " + pids.get("control-plane") + ")").doesNotContain("starting");
        assertThat(servicePids()).isEqualTo(pids);
        JsonNode status = JSON.readTree(acpctl.run("status", "-o", "json").out());
        assertThat(status.findValuesAsText("state")).containsExactly("ready", "ready", "ready");

        // A session with a running sidecar.
        assertThat(acpctl.run("login", "--project", "demo").exitCode()).isZero();
        Acpctl.Result created = acpctl.run(("ghp_" + "lifecycle0123456789abcdefghijklmnopq\n").getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(2), "credential", "create", "gh", "--provider", "github", "--url", "http://127.0.0.1:9/api",
                "--token-stdin", "-o", "json");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String credential = JSON.readTree(created.out()).path("id").asText();
        assertThat(acpctl.run("credential", "bind", credential, "--project", "demo").exitCode()).isZero();
        assertThat(acpctl.run("session", "create", "s1", "--project", "demo").exitCode()).isZero();
        Acpctl.Result running = acpctl.run("session", "wait", "s1", "-o", "json");
        assertThat(running.exitCode()).as(running.toString()).isZero();
        int mcpPort = JSON.readTree(running.out()).path("status").path("sidecars").path(0).path("port").asInt();
        JsonNode sidecar = JSON.readTree(world.dataDir.resolve("sessions/s1/github.process.json").toFile());
        long sidecarPid = sidecar.path("pid").asLong();
        int managementPort = sidecar.path("management_port").asInt();
        assertThat(ProcessHandle.of(sidecarPid).map(ProcessHandle::isAlive)).contains(true);

        // The control plane dies (SIGKILL: no chance to stop its sidecar); up starts it again and only it.
        ProcessHandle controlPlane = ProcessHandle.of(pids.get("control-plane")).orElseThrow();
        controlPlane.destroyForcibly();
        LocalWorld.awaitGone(controlPlane, Duration.ofSeconds(10));
        JsonNode afterCrash = JSON.readTree(acpctl.run("status", "-o", "json").out());
        assertThat(afterCrash.get(2).path("state").asText()).isEqualTo("exited");
        assertThat(ProcessHandle.of(sidecarPid).map(ProcessHandle::isAlive)).as("the orphaned sidecar").contains(true);

        Acpctl.Result again = acpctl.run("up");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).contains("token-server: already running", "credential-api: already running",
                "control-plane: starting");
        Acpctl.Result adopted = acpctl.run("session", "wait", "s1", "-o", "json");
        assertThat(adopted.exitCode()).as(adopted.toString()).isZero();
        assertThat(JSON.readTree(adopted.out()).path("status").path("sidecars").path(0).path("port").asInt()).isEqualTo(mcpPort);
        assertThat(JSON.readTree(world.dataDir.resolve("sessions/s1/github.process.json").toFile()).path("pid").asLong())
                .as("the same sidecar process, re-adopted").isEqualTo(sidecarPid);

        // down: nothing of the run is left, by pid and by port.
        Map<String, Long> all = new LinkedHashMap<>(servicePids());
        all.put("sidecar", sidecarPid);
        Acpctl.Result down = acpctl.run("down");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.out()).containsPattern("token-server\\s+stopped").containsPattern("control-plane\\s+stopped");
        for (Map.Entry<String, Long> e : all.entrySet()) {
            ProcessHandle.of(e.getValue()).ifPresent(h -> LocalWorld.awaitGone(h, Duration.ofSeconds(5)));
            assertThat(ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false)).as(e.getKey()).isFalse();
        }
        for (int port : new int[] { 8180, 8181, 8190, mcpPort, managementPort }) {
            assertThat(LocalWorld.listening(port)).as("port %d", port).isFalse();
        }
        assertThat(world.processes()).as("no process of this run").isEmpty();
        assertThat(JSON.readTree(acpctl.run("status", "-o", "json").out()).findValuesAsText("state"))
                .containsExactly("stopped", "stopped", "stopped");
        // The session survived: it is still there, Running, for the next up.
        assertThat(JSON.readTree(world.dataDir.resolve("sessions/s1/session.json").toFile()).path("status").path("phase")
                .asText()).isEqualTo("Running");
    }

    @Test
    void aServiceThatCannotStartIsReportedWithItsLogAndTheOthersAreStopped() throws Exception {
        try (ServerSocket taken = new ServerSocket(LocalLayout.CREDENTIAL_API_PORT, 50, InetAddress.getByName(LocalLayout.LOOPBACK))) {
            Acpctl.Result up = acpctl.run("up");

            assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
            assertThat(up.out()).isEmpty();
            Path log = world.dataDir.resolve("logs/credential-api.log");
            assertThat(up.err()).contains("credential-api: exited with code 1; last lines of " + log + ":",
                    "stopping the other services");
            assertThat(up.err().lines().filter(l -> l.startsWith("  | ")).toList()).as("the log tail").isNotEmpty()
                    .anyMatch(l -> l.contains("8181"));
            assertThat(up.err().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("error: credential-api failed to start "
                    + "(exited with code 1; port 8181 on 127.0.0.1 is in use by another process); see " + log
                    + "; the other services were stopped");

            Matcher m = STARTING.matcher(up.err());
            Map<String, Long> started = new LinkedHashMap<>();
            while (m.find()) {
                started.put(m.group(1), Long.parseLong(m.group(2)));
            }
            assertThat(started).containsOnlyKeys("token-server", "credential-api", "control-plane");
            for (Map.Entry<String, Long> e : started.entrySet()) {
                assertThat(ProcessHandle.of(e.getValue()).map(ProcessHandle::isAlive).orElse(false)).as(e.getKey()).isFalse();
            }
            assertThat(LocalWorld.listening(LocalLayout.TOKEN_SERVER_PORT)).isFalse();
            assertThat(LocalWorld.listening(LocalLayout.CONTROL_PLANE_PORT)).isFalse();
            assertThat(world.processes()).isEmpty();

            JsonNode status = JSON.readTree(acpctl.run("status", "-o", "json").out());
            assertThat(status.findValuesAsText("state")).containsExactly("stopped", "stopped", "stopped");
            assertThat(status.get(1).path("message").asText()).isEqualTo("port 8181 is in use by another process");
        }
    }

    private Map<String, Long> servicePids() throws Exception {
        JsonNode state = JSON.readTree(world.dataDir.resolve("run/state.json").toFile());
        Map<String, Long> pids = new LinkedHashMap<>();
        state.fields().forEachRemaining(e -> pids.put(e.getKey(), e.getValue().path("pid").asLong()));
        for (String service : pids.keySet()) {
            assertThat(Files.readString(world.dataDir.resolve("run/" + service + ".pid")).strip())
                    .isEqualTo(Long.toString(pids.get(service)));
        }
        return pids;
    }
}
