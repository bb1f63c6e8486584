package io.ambientcode.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.session.SidecarStatus;
import io.ambientcode.controlplane.credentials.CredentialApiUnavailableException;
import io.ambientcode.controlplane.credentials.CredentialResolution;
import io.ambientcode.controlplane.plan.PlanCondition;
import io.ambientcode.controlplane.plan.ProofSource;
import io.ambientcode.controlplane.status.Conditions;
import io.ambientcode.controlplane.status.SessionConditions;
import io.fabric8.kubernetes.api.model.Condition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime with real processes: the plan rendered as {@code java -jar} sidecars (a JDK-only fake sidecar that
 * reads its proof file like the real ones), the proof only in a 0600 file, crash restarts with back-off, a crash loop
 * failing the session, stop, restart of the control plane (restart and re-adoption), jar gating, timeout, and the
 * credential API being unavailable.
 */
class LocalRuntimeTest {

    static final String PROJECT = "demo";
    static final String GITHUB_CREDENTIAL = "cred-github-0001";
    static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path tmp;
    Path dataDir;
    Path home;
    SessionStore store;
    Map<String, String> bound = new LinkedHashMap<>(Map.of("github", GITHUB_CREDENTIAL));
    AtomicBoolean credentialApiDown = new AtomicBoolean();
    List<LocalRuntime> runtimes = new ArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void world() {
        dataDir = tmp.resolve("data");
        home = FakeSidecarJar.home(tmp.resolve("home"), Provider.GITHUB);
        store = new SessionStore(dataDir);
    }

    @AfterEach
    void stopEverything() {
        runtimes.forEach(LocalRuntime::close);
        // Anything a test left behind on purpose (an abandoned runtime's sidecars) goes too.
        for (AgenticSession s : store.loadAll()) {
            for (Provider p : Provider.values()) {
                store.readProcess(s.getMetadata().getName(), p)
                        .flatMap(r -> ProcessIdentity.find(r.pid(), r.started(), r.jar()))
                        .ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    LocalRuntime runtime() {
        CredentialSource credentials = (project, agent, ids) -> {
            if (credentialApiDown.get()) {
                throw new CredentialApiUnavailableException("credential API answered 503");
            }
            return new CredentialResolution.Resolved(bound, bound.size() + " credentials resolved from bindings");
        };
        LocalRuntime runtime = new LocalRuntime(store, LocalTestSessions.settings(dataDir, home), credentials,
                () -> LocalTestSessions.EXCHANGE_KEY, ProofSource.SECURE_RANDOM, ReadinessProbe.http(Duration.ofSeconds(1)),
                Clock.systemUTC());
        runtimes.add(runtime);
        runtime.start();
        return runtime;
    }

    AgenticSession awaitSession(LocalRuntime runtime, String name, Predicate<AgenticSession> condition) {
        return await().atMost(START).pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.get(name).orElseThrow(), condition);
    }

    static Predicate<AgenticSession> phase(SessionPhase phase) {
        return s -> s.getStatus() != null && s.getStatus().getPhase() == phase;
    }

    static Condition condition(AgenticSession s, String type) {
        return Conditions.find(s.getStatus().getConditions(), type).orElseThrow(() -> new AssertionError("no " + type));
    }

    String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void planBecomesProcessesWithTheProofInAPrivateFileOnly() throws Exception {
        LocalRuntime runtime = runtime();
        AgenticSession created = runtime.create(LocalTestSessions.session("alpha", PROJECT));
        assertThat(created.getStatus().getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(created.sessionId()).matches("[a-zA-Z0-9-]{8,64}");

        AgenticSession running = awaitSession(runtime, "alpha", phase(SessionPhase.Running));
        assertThat(running.getStatus().getCredentials()).containsExactlyEntriesOf(Map.of("github", GITHUB_CREDENTIAL));
        assertThat(running.getStatus().getSidecars()).hasSize(1);
        SidecarStatus sidecar = running.getStatus().getSidecars().get(0);
        assertThat(sidecar.getProvider()).isEqualTo("github");
        assertThat(sidecar.getContainer()).isEqualTo("credential-github");
        assertThat(sidecar.getReady()).isTrue();
        assertThat(sidecar.getMessage()).isEqualTo("ready");
        assertThat(sidecar.getPort()).as("the actual port, not the pod's").isNotEqualTo(Provider.GITHUB.port());
        assertThat(get(LocalLayout.url(sidecar.getPort()) + "/mcp")).isEqualTo("fake mcp for github");
        assertThat(condition(running, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_SIDECARS_RUNNING);
        assertThat(condition(running, SessionConditions.SIDECARS_READY).getStatus()).isEqualTo("True");
        assertThat(condition(running, PlanCondition.SIDECARS_CONFIGURED).getReason())
                .isEqualTo(PlanCondition.REASON_SIDECARS_CONFIGURED);
        assertThat(running.getStatus().getStartTime()).isNotNull();

        LocalSessionRegistry.View view = runtime.view(created.sessionId()).orElseThrow();
        assertThat(view.phase()).isEqualTo(SessionPhase.Running);
        assertThat(view.project()).isEqualTo(PROJECT);
        assertThat(view.credentials()).containsExactlyEntriesOf(Map.of("github", GITHUB_CREDENTIAL));
        String proof = view.proofs().get("github");
        assertThat(proof).matches("[A-Za-z0-9_-]{43}");

        // The proof reached the sidecar, through the file: the process holds it, its argv and environment do not.
        long pid = runtime.sidecarPids("alpha").get("github");
        Path proofFile = store.proofFile("alpha", Provider.GITHUB);
        assertThat(Files.readString(proofFile)).isEqualTo(proof);
        assertThat(get("http://127.0.0.1:" + managementPort(runtime, "alpha") + "/q/fake/proof-sha256"))
                .isEqualTo(FakeSidecar.sha256(proof));
        String argv = LocalTestSessions.procFile(pid, "cmdline");
        String environ = LocalTestSessions.procFile(pid, "environ");
        assertThat(argv).doesNotContain(proof).contains("-jar", home.resolve("sidecar-github/target/quarkus-app/quarkus-run.jar")
                .toString()).contains(FakeSidecarJar.JVM_OPTIONS);
        assertThat(environ).doesNotContain(proof)
                .contains("AMBIENT_SIDECAR_PROOF_FILE=" + proofFile, "SESSION_ID=" + created.sessionId(),
                        "CREDENTIAL_PROVIDER=github", "CREDENTIAL_IDS={\"github\":\"" + GITHUB_CREDENTIAL + "\"}",
                        "AMBIENT_API_URL=http://127.0.0.1:8181", "AMBIENT_CP_TOKEN_URL=http://127.0.0.1:8180/token",
                        "QUARKUS_HTTP_HOST=127.0.0.1", "QUARKUS_MANAGEMENT_HOST=127.0.0.1",
                        "QUARKUS_HTTP_PORT=" + sidecar.getPort());
        // Nothing of the control plane's own environment but the neutral names (PATH, HOME, locale …).
        Set<String> names = LocalTestSessions.environment(pid).keySet();
        assertThat(names).allMatch(n -> SidecarLaunch.INHERITED.contains(n) || n.startsWith("AMBIENT_")
                || n.startsWith("QUARKUS_") || n.startsWith("CREDENTIAL_") || n.equals("SESSION_ID") || n.equals("TMPDIR"));

        assertThat(mode(proofFile)).isEqualTo("rw-------");
        assertThat(mode(proofFile.getParent())).isEqualTo("rwx------");
        assertThat(mode(store.sessionsDir())).isEqualTo("rwx------");
        assertThat(mode(dataDir)).isEqualTo("rwx------");
        assertThat(mode(proofFile.resolveSibling(SessionStore.SESSION_FILE))).isEqualTo("rw-------");
        assertThat(Files.readString(proofFile.resolveSibling(SessionStore.SESSION_FILE))).doesNotContain(proof);
    }

    @Test
    void crashedSidecarIsRestartedWithBackoffOnTheSamePorts() throws Exception {
        LocalRuntime runtime = runtime();
        runtime.create(LocalTestSessions.session("bravo", PROJECT));
        AgenticSession running = awaitSession(runtime, "bravo", phase(SessionPhase.Running));
        int port = running.getStatus().getSidecars().get(0).getPort();
        long pid = runtime.sidecarPids("bravo").get("github");

        Instant killed = Instant.now();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        long newPid = await().atMost(START).pollInterval(Duration.ofMillis(20))
                .until(() -> runtime.sidecarPids("bravo").getOrDefault("github", pid), p -> p != pid);
        // Seen no earlier than it was started, which is no earlier than the back-off allows.
        assertThat(Duration.between(killed, Instant.now())).as("restarted only after the back-off")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        AgenticSession restarted = awaitSession(runtime, "bravo", s -> s.getStatus().getSidecars().get(0).getReady()
                && s.getStatus().getSidecars().get(0).getMessage().equals("ready (1 restart)"));
        assertThat(runtime.sidecarPids("bravo")).containsEntry("github", newPid);
        assertThat(restarted.getStatus().getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(restarted.getStatus().getSidecars().get(0).getPort()).as("MCP URL stays valid").isEqualTo(port);
        assertThat(Files.readString(store.logFile("bravo", Provider.GITHUB))).contains("restart 1");
    }

    @Test
    void sidecarThatKeepsCrashingFailsTheSession() throws Exception {
        LocalRuntime runtime = runtime();
        Files.writeString(store.dir("charlie").resolve("fake-sidecar.mode"), "crash");
        runtime.create(LocalTestSessions.session("charlie", PROJECT));

        AgenticSession failed = awaitSession(runtime, "charlie", phase(SessionPhase.Failed));
        Condition ready = condition(failed, SessionConditions.READY);
        assertThat(ready.getReason()).isEqualTo(SessionConditions.REASON_SIDECAR_CRASH_LOOP);
        assertThat(ready.getMessage()).isEqualTo("credential-github kept crashing (3 restarts); the session cannot start without it");
        assertThat(condition(failed, SessionConditions.SIDECARS_READY).getReason())
                .isEqualTo(SessionConditions.REASON_SIDECAR_CRASH_LOOP);
        assertThat(failed.getStatus().getSidecars().get(0).getMessage()).isEqualTo("terminated: exited with code 3 (3 restarts)");
        assertThat(failed.getStatus().getCompletionTime()).isNotNull();
        assertThat(runtime.sidecarPids("charlie")).isEmpty();
        assertThat(store.readProofs("charlie")).as("an ended session keeps no proof").isEmpty();
        assertThat(runtime.view(failed.sessionId()).orElseThrow().proofs()).isNull();
        assertThat(Files.readString(store.logFile("charlie", Provider.GITHUB)).lines()
                .filter(l -> l.contains("crashing on purpose")).count()).isEqualTo(4);
    }

    @Test
    void stopEndsTheProcessesAndTheProofs() throws Exception {
        LocalRuntime runtime = runtime();
        AgenticSession created = runtime.create(LocalTestSessions.session("delta", PROJECT));
        awaitSession(runtime, "delta", phase(SessionPhase.Running));
        long pid = runtime.sidecarPids("delta").get("github");

        AgenticSession stopped = runtime.stop("delta");

        assertThat(stopped.getStatus().getPhase()).isEqualTo(SessionPhase.Stopped);
        assertThat(stopped.getSpec().getStop()).isTrue();
        assertThat(stopped.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(condition(stopped, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_STOPPED);
        assertThat(stopped.getStatus().getSidecars()).singleElement()
                .satisfies(s -> assertThat(s.getReady()).isFalse()).satisfies(s -> assertThat(s.getMessage()).isEqualTo("stopped"));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(store.proofFile("delta", Provider.GITHUB)).doesNotExist();
        assertThat(store.readProcess("delta", Provider.GITHUB)).isEmpty();
        LocalSessionRegistry.View view = runtime.view(created.sessionId()).orElseThrow();
        assertThat(view.phase()).isEqualTo(SessionPhase.Stopped);
        assertThat(view.proofs()).isNull();
        assertThat(runtime.stop("delta").getStatus().getPhase()).as("stopping twice is harmless").isEqualTo(SessionPhase.Stopped);

        runtime.delete("delta");
        assertThat(runtime.get("delta")).isEmpty();
        assertThat(runtime.view(created.sessionId())).isEmpty();
        assertThat(store.sessionsDir().resolve("delta")).doesNotExist();
    }

    @Test
    void sessionsSurviveARestartOfTheControlPlane() throws Exception {
        LocalRuntime first = runtime();
        AgenticSession created = first.create(LocalTestSessions.session("echo", PROJECT));
        AgenticSession running = awaitSession(first, "echo", phase(SessionPhase.Running));
        int port = running.getStatus().getSidecars().get(0).getPort();
        String proof = first.view(created.sessionId()).orElseThrow().proofs().get("github");
        long pid = first.sidecarPids("echo").get("github");

        // A clean shutdown stops the sidecars; the next start brings them back with the same proof and port.
        first.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        LocalRuntime second = runtime();
        AgenticSession again = awaitSession(second, "echo", s -> s.getStatus().getSidecars() != null
                && s.getStatus().getSidecars().get(0).getReady());
        assertThat(again.sessionId()).isEqualTo(created.sessionId());
        assertThat(again.getStatus().getPhase()).isEqualTo(SessionPhase.Running);
        assertThat(again.getStatus().getSidecars().get(0).getPort()).isEqualTo(port);
        assertThat(second.view(created.sessionId()).orElseThrow().proofs()).containsExactlyEntriesOf(Map.of("github", proof));
        long restartedPid = second.sidecarPids("echo").get("github");
        assertThat(restartedPid).isNotEqualTo(pid);

        // A crash (nothing stopped) leaves the sidecar running; the next control plane re-adopts the same process.
        second.abandon();
        assertThat(ProcessHandle.of(restartedPid).map(ProcessHandle::isAlive).orElse(false)).isTrue();
        LocalRuntime third = runtime();
        awaitSession(third, "echo", s -> s.getStatus().getSidecars().get(0).getReady());
        assertThat(third.sidecarPids("echo")).containsExactlyEntriesOf(Map.of("github", restartedPid));
        assertThat(third.get("echo").orElseThrow().getStatus().getSidecars().get(0).getMessage()).isEqualTo("ready");
    }

    @Test
    void aProviderWithoutItsJarIsLeftOutWithACondition() throws Exception {
        bound.put("jira", "cred-jira-00000001");
        bound.put("gitlab", "cred-gitlab-000001");
        LocalRuntime runtime = runtime();
        runtime.create(LocalTestSessions.session("foxtrot", PROJECT));

        AgenticSession running = awaitSession(runtime, "foxtrot", phase(SessionPhase.Running));
        assertThat(running.getStatus().getSidecars()).extracting(SidecarStatus::getProvider).containsExactly("github");
        Condition configured = condition(running, PlanCondition.SIDECARS_CONFIGURED);
        assertThat(configured.getStatus()).isEqualTo("False");
        assertThat(configured.getReason()).isEqualTo(PlanCondition.REASON_SIDECAR_IMAGE_MISSING);
        assertThat(configured.getMessage()).isEqualTo("no sidecar jar for: jira ("
                + home.resolve("sidecar-jira/target/quarkus-app/quarkus-run.jar") + "); the session runs without it");
        assertThat(running.getStatus().getUnsupportedProviders()).containsExactly("gitlab");
        assertThat(condition(running, PlanCondition.PROVIDERS_SUPPORTED).getReason())
                .isEqualTo(PlanCondition.REASON_UNSUPPORTED_PROVIDER);
        assertThat(store.readProofs("foxtrot")).containsOnlyKeys("github");
    }

    @Test
    void theTimeoutFailsTheSessionAndStopsItsSidecars() {
        LocalRuntime runtime = runtime();
        AgenticSession s = LocalTestSessions.session("golf", PROJECT);
        s.getSpec().setTimeout("3s");
        runtime.create(s);

        AgenticSession failed = awaitSession(runtime, "golf", phase(SessionPhase.Failed));
        assertThat(condition(failed, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_DEADLINE_EXCEEDED);
        assertThat(runtime.sidecarPids("golf")).isEmpty();
        assertThat(store.readProofs("golf")).isEmpty();
    }

    @Test
    void noSidecarStartsUntilTheCredentialApiAnswers() {
        credentialApiDown.set(true);
        LocalRuntime runtime = runtime();
        runtime.create(LocalTestSessions.session("hotel", PROJECT));

        AgenticSession waiting = awaitSession(runtime, "hotel", s -> Conditions.find(s.getStatus().getConditions(),
                SessionConditions.CREDENTIALS_RESOLVED).isPresent());
        assertThat(waiting.getStatus().getPhase()).isEqualTo(SessionPhase.Pending);
        assertThat(condition(waiting, SessionConditions.CREDENTIALS_RESOLVED).getReason())
                .isEqualTo(SessionConditions.REASON_API_UNAVAILABLE);
        assertThat(condition(waiting, SessionConditions.READY).getReason()).isEqualTo(SessionConditions.REASON_SIDECARS_NOT_STARTED);
        assertThat(runtime.sidecarPids("hotel")).isEmpty();
        assertThat(store.readProofs("hotel")).isEmpty();

        credentialApiDown.set(false);
        AgenticSession running = awaitSession(runtime, "hotel", phase(SessionPhase.Running));
        assertThat(condition(running, SessionConditions.CREDENTIALS_RESOLVED).getStatus()).isEqualTo("True");
    }

    @Test
    void namesAndDuplicatesAreRefused() {
        LocalRuntime runtime = runtime();
        runtime.create(LocalTestSessions.session("india", PROJECT));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> runtime.create(LocalTestSessions.session("india", PROJECT)), LocalSessionException.class).code())
                .isEqualTo("already_exists");
        for (String bad : List.of("Upper", "-dash", "a/b", "..", "x".repeat(64))) {
            LocalSessionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> runtime.create(LocalTestSessions.session(bad, PROJECT)), LocalSessionException.class);
            assertThat(e.status()).as(bad).isEqualTo(422);
            assertThat(e.field()).isEqualTo("metadata.name");
        }
        AgenticSession badProject = LocalTestSessions.session("juliet", "Not_A_Label");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> runtime.create(badProject),
                LocalSessionException.class).getMessage()).contains("spec.project");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private int managementPort(LocalRuntime runtime, String name) {
        return store.readProcess(name, Provider.GITHUB).orElseThrow().managementPort();
    }
}
