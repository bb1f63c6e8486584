package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.systemtests.kubernetes.harness.JavaProcess;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.Sessions;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state between install and key bootstrap (README, "Install and key bootstrap"): deploy/ ships the ConfigMap with
 * the token server's public key empty, so the control plane sees AMBIENT_CONTROL_PLANE_TOKEN_SERVER_PUBLIC_KEY="". It
 * must start, run sessions without any sidecar and say why; never hand a credential to the runner (I6).
 */
@Order(135)
@ExtendWith(KubernetesPathExtension.class)
class KeyBootstrapTest {

    private static final String NAMESPACE = "ambient-bootstrap";

    private final KubernetesPath path = KubernetesPath.get();

    @Test
    void beforeTheKeyBootstrapSessionsRunWithoutSidecarsAndSayWhy() {
        Summary.record(Kind.FLOW, "before key bootstrap (empty key)", "session runs without sidecars; SidecarsConfigured=False", () -> {
            path.services().cluster().withNamespaces(Map.of(NAMESPACE, Map.of("ambient-code.io/sessions", "true")));
            try (JavaProcess unbootstrapped = path.services().startControlPlane("control-plane-unbootstrapped", Map.of(
                    "AMBIENT_CONTROL_PLANE_OPERATOR_NAMESPACES", NAMESPACE,
                    "AMBIENT_CONTROL_PLANE_TOKEN_SERVER_PUBLIC_KEY", ""))) {
                Sessions sessions = new Sessions(path.services().cluster().client(), null, NAMESPACE);
                sessions.create("early-session", KubernetesPath.ALPHA, null);
                Pod pod = sessions.awaitPod("early-session", Duration.ofSeconds(60));
                AgenticSession s = sessions.await("early-session", x -> x.getStatus() != null && x.getStatus().getConditions() != null
                        && x.getStatus().getConditions().stream().anyMatch(c -> c.getType().equals("SidecarsConfigured")),
                        Duration.ofSeconds(30), "SidecarsConfigured");
                var condition = s.getStatus().getConditions().stream().filter(c -> c.getType().equals("SidecarsConfigured"))
                        .findFirst().orElseThrow();
                assertThat(condition.getStatus()).isEqualTo("False");
                assertThat(condition.getReason()).isEqualTo("TokenServerNotConfigured");
                assertThat(condition.getMessage()).contains("public key");
                assertThat(pod.getSpec().getInitContainers()).as("no sidecar").isNullOrEmpty();
                var runnerEnv = pod.getSpec().getContainers().get(0).getEnv();
                assertThat(runnerEnv).noneMatch(e -> e.getName().equals(RunnerEnv.CREDENTIAL_MCP_URLS) && e.getValue().contains("localhost"));
                assertThat(pod.getSpec().getVolumes()).noneMatch(v -> v.getSecret() != null);
                assertThat(path.services().cluster().client().secrets().inNamespace(NAMESPACE).list().getItems())
                        .as("no proof minted").allSatisfy(secret -> assertThat(secret.getData()).isNullOrEmpty());
                return "pod without sidecars; " + condition.getReason();
            }
        });
    }
}
