package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.kubernetes.harness.RunningPod;
import io.ambientcode.systemtests.kubernetes.providers.ProviderScenario;
import io.ambientcode.systemtests.kubernetes.providers.Scenarios;
import io.ambientcode.systemtests.support.RunSecrets;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session alpha, created as a user would, turned into a pod by the control plane and run by the kubelet harness: each
 * provider's tools end to end, from the runner's MCP client through the sidecar to the fake upstream, with the
 * credential the user stored and nothing in the runner's hands.
 */
@Order(100)
@ExtendWith(KubernetesPathExtension.class)
class ProviderFlowsTest {

    private final KubernetesPath path = KubernetesPath.get();

    @Test
    void sessionRunsWithOneSidecarPerBuiltProvider() {
        Summary.record(Kind.FLOW, "session start", "control plane writes pod, kubelet runs it, phase Running", () -> {
            AgenticSession session = path.alphaSession();
            RunningPod pod = path.alpha();
            assertThat(session.getStatus().getPhase()).isEqualTo(SessionPhase.Running);
            assertThat(session.getStatus().getCredentials()).containsOnlyKeys(
                    path.scenarios().stream().map(s -> s.provider().id()).toArray(String[]::new));
            assertThat(pod.sidecars()).extracting(s -> s.name())
                    .containsExactlyElementsOf(path.scenarios().stream().map(s -> s.provider().containerName()).toList());
            assertThat(session.getStatus().getSidecars()).allSatisfy(sc -> assertThat(sc.getReady()).isTrue());
            return pod.sidecars().size() + " sidecars ready, session " + session.getStatus().getPhase();
        });
        for (Provider p : Provider.values()) {
            String why = Scenarios.whyNot(p);
            if (why != null) {
                Summary.skipped(Kind.FLOW, p.id() + " tools", why);
            }
        }
    }

    /** I1 on the live pod: the runner's env holds no secret value of this run and nothing credential-related but the URLs. */
    @Test
    void runnerEnvironmentHoldsNothingSecret() {
        Summary.record(Kind.CHECK, "runner env (I1)", "no token, proof, key or credential id", () -> {
            RunningPod pod = path.alpha();
            Map<String, String> env = pod.runnerEnv();
            String all = String.join("\n", env.values());
            List<String> leaked = RunSecrets.all().entrySet().stream().filter(e -> all.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            assertThat(leaked).as("secrets in the runner's env").isEmpty();
            path.aliceCredentials().values().forEach(id -> assertThat(all).doesNotContain(id));
            assertThat(env.keySet()).noneMatch(k -> k.startsWith("AMBIENT_"));
            assertThat(env).containsKeys(RunnerEnv.SESSION_ID, RunnerEnv.CREDENTIAL_MCP_URLS);
            assertThat(pod.runnerContainer().getVolumeMounts()).noneMatch(m -> m.getMountPath().startsWith("/var/run/ambient"));
            assertThat(pod.pod().getSpec().getShareProcessNamespace()).isFalse();
            return env.size() + " variables, " + RunSecrets.count() + " secrets checked";
        });
    }

    @TestFactory
    Stream<DynamicTest> eachProvidersToolsEndToEnd() {
        return path.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.provider().id(), () -> flow(s)));
    }

    private void flow(ProviderScenario s) {
        Summary.record(Kind.FLOW, s.provider().id() + " tools", "tools answer from the upstream with the user's credential", () -> {
            Runner runner = new Runner(path.alpha());
            McpClient mcp = runner.mcp(s.provider());
            String observed = s.exercise(mcp, runner);
            assertThat(s.lastCredentialSeenUpstream()).as("what the upstream received")
                    .isEqualTo(s.expectedUpstreamCredential(path.alice().subject()));
            return observed;
        });
    }
}
