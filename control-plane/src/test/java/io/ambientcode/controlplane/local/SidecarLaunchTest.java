package io.ambientcode.controlplane.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.controlplane.plan.EnvEntry;
import io.ambientcode.controlplane.plan.PlanSettings;
import io.ambientcode.controlplane.plan.PlannedSidecar;
import io.ambientcode.controlplane.plan.ResolvedCredentials;
import io.ambientcode.controlplane.plan.SessionRequest;
import io.ambientcode.controlplane.plan.SidecarPlan;
import io.ambientcode.controlplane.plan.SidecarPlanner;
import io.ambientcode.controlplane.plan.SidecarSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plan → local process, as a pure function: the same env as the pod's container, ports and hosts of the local runtime. */
class SidecarLaunchTest {

    static final Path JAR = Path.of("/opt/ambient/sidecar-github/target/quarkus-app/quarkus-run.jar");

    @Test
    void theSamePlanRendersAsAJavaProcess() {
        Path proofFile = Path.of("/data/sessions/demo/github.proof");
        PlanSettings settings = new PlanSettings(Map.of(Provider.GITHUB, JAR.toString()),
                Optional.of("http://127.0.0.1:8180/token"), Optional.of(LocalTestSessions.EXCHANGE_KEY), "http://127.0.0.1:8181",
                false, p -> proofFile.toString());
        SessionRequest request = new SessionRequest("0b7e6d0e-4c8e-4b8a-9d3f-5a1c2b3d4e5f", "demo", "demo", null, "local",
                List.of(new EnvEntry("FOO", "bar")), Map.of("github", new SidecarSettings(true, List.of("get_me"), List.of())), null);
        SidecarPlan plan = SidecarPlanner.plan(request, ResolvedCredentials.of(Map.of("github", "cred-github-0001")), settings);
        PlannedSidecar github = plan.sidecars().get(0);
        String proof = ProofSecret.newProof();
        Map<String, String> parent = Map.of("PATH", "/usr/bin", "HOME", "/home/u", "GITHUB_TOKEN", proof,
                "AMBIENT_DATA_DIR", "/data", "QUARKUS_PROFILE", "local", "LANG", "C.UTF-8");

        SidecarLaunch launch = SidecarLaunch.of(github, Path.of("/usr/bin/java"), List.of("-XX:+UseSerialGC", "-Xss512k"),
                Path.of("/data/sessions/demo/github.tmp"), 40001, 40002, parent);

        assertThat(launch.command()).containsExactly("/usr/bin/java", "-XX:+UseSerialGC", "-Xss512k",
                "-Djava.io.tmpdir=/data/sessions/demo/github.tmp", "-jar", JAR.toString());
        Map<String, String> env = launch.environment();
        // Every variable the plan gives the pod's container, unchanged …
        for (EnvEntry e : github.env()) {
            assertThat(env).containsEntry(e.name(), e.value());
        }
        assertThat(env).containsEntry(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, proofFile.toString())
                .containsEntry(SidecarEnv.MCP_READ_ONLY, "true").containsEntry(SidecarEnv.MCP_TOOLS, "get_me")
                .containsEntry(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, LocalTestSessions.EXCHANGE_KEY)
                // … the local ports on loopback …
                .containsEntry("QUARKUS_HTTP_HOST", "127.0.0.1").containsEntry("QUARKUS_HTTP_PORT", "40001")
                .containsEntry("QUARKUS_MANAGEMENT_HOST", "127.0.0.1").containsEntry("QUARKUS_MANAGEMENT_PORT", "40002")
                .containsEntry("TMPDIR", "/data/sessions/demo/github.tmp")
                // … and of the control plane's environment only neutral names.
                .containsEntry("PATH", "/usr/bin").containsEntry("HOME", "/home/u").containsEntry("LANG", "C.UTF-8")
                .doesNotContainKeys("GITHUB_TOKEN", "AMBIENT_DATA_DIR", "QUARKUS_PROFILE");
        // The proof is never an argument or a variable: only its file's path is.
        assertThat(String.join(" ", launch.command())).doesNotContain(proof);
        assertThat(env.values()).noneMatch(v -> v.contains(proof));
        assertThat(launch.toString()).doesNotContain(LocalTestSessions.EXCHANGE_KEY);
    }

    @Test
    void jarsAndShippedJvmOptionsAreFoundUnderTheHome(@org.junit.jupiter.api.io.TempDir Path home) {
        FakeSidecarJar.home(home, Provider.GITHUB, Provider.KUBECONFIG);
        SidecarJars jars = new SidecarJars(Optional.of(home), Map.of(), Optional.empty());
        assertThat(SidecarJars.moduleOf(Provider.KUBECONFIG)).isEqualTo("sidecar-k8s");
        assertThat(SidecarJars.moduleOf(Provider.GOOGLE)).isEqualTo("sidecar-google");
        assertThat(jars.available()).containsOnlyKeys(Provider.GITHUB, Provider.KUBECONFIG);
        assertThat(jars.find(Provider.JIRA)).isEmpty();
        assertThat(jars.expected(Provider.JIRA)).contains(home.resolve("sidecar-jira/target/quarkus-app/quarkus-run.jar"));
        assertThat(jars.jvmOptions(jars.find(Provider.GITHUB).orElseThrow())).isEqualTo(FakeSidecarJar.JVM_OPTIONS);

        SidecarJars overridden = new SidecarJars(Optional.empty(), Map.of(Provider.JIRA, JAR), Optional.of(List.of("-Xmx64m")));
        assertThat(overridden.expected(Provider.JIRA)).contains(JAR);
        assertThat(overridden.expected(Provider.GITHUB)).isEmpty();
        assertThat(overridden.jvmOptions(JAR)).containsExactly("-Xmx64m");
    }

    @Test
    void restartsBackOffDoublingUpToTheCap() {
        RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), 5);
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 40).stream().map(backoff::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.givesUp(4)).isFalse();
        assertThat(backoff.givesUp(5)).isTrue();
    }
}
