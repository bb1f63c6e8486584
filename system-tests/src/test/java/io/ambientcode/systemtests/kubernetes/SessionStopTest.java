package io.ambientcode.systemtests.kubernetes;

import static io.ambientcode.systemtests.kubernetes.AttacksTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.systemtests.kubernetes.harness.Exchanger;
import io.ambientcode.systemtests.kubernetes.harness.JavaProcess;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.kubernetes.harness.RunningPod;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.ambientcode.systemtests.kubernetes.harness.SidecarContainer;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping session alpha: the control plane deletes its pod and proofs and marks it Stopped; the next exchange is
 * refused; and a sidecar that keeps running anyway (its node cut off from the API server, so nobody kills it) loses
 * its credential and reports not ready by itself, at the latest when its last session token expires (30 s here).
 */
@Order(150)
@ExtendWith(KubernetesPathExtension.class)
class SessionStopTest {

    private final KubernetesPath path = KubernetesPath.get();

    @Test
    void stoppedSessionMintsNothingAndItsSidecarsFailClosed() {
        RunningPod pod = path.alpha();
        String sessionId = path.alphaSession().getMetadata().getUid();
        Map<String, String> proofs = path.sessions().proofs("alpha-session");
        List<SidecarContainer> sidecars = pod.sidecars();
        assertThat(sidecars).allSatisfy(s -> assertThat(s.ready()).as("%s ready before the stop", s.name()).isTrue());
        // The runner's MCP sessions, opened while the session runs.
        Map<Provider, McpClient> clients = new LinkedHashMap<>();
        path.scenarios().forEach(s -> clients.put(s.provider(), new Runner(pod).mcp(s.provider())));

        pod.partitionFromApiServer();
        Instant stoppedAt = Instant.now();
        path.sessions().stop("alpha-session");

        Summary.record(Kind.FLOW, "session stop", "phase Stopped, pod and proofs deleted", () -> {
            path.sessions().await("alpha-session", s -> s.getStatus().getPhase() == SessionPhase.Stopped, Duration.ofSeconds(30), "Stopped");
            assertThat(path.sessions().podExists(pod.name())).as("pod deleted").isFalse();
            assertThat(path.services().cluster().client().secrets().inNamespace(Services.SESSIONS_NAMESPACE)
                    .withName("alpha-session-sidecar-proofs").get()).as("proofs deleted").isNull();
            return "Stopped; pod and Secret gone";
        });

        Summary.record(Kind.FLOW, "exchange after stop", "403 session_inactive", () -> {
            Exchanger x = path.exchanger();
            Provider p = path.firstProvider();
            // The token server may reuse a session lookup for its cache TTL (≤ 5 s); after that the answer is final.
            Http.Response r = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                r = x.send(x.assertion(sessionId, p.id(), proofs.get(p.id()), Exchanger.ephemeralKey()));
                if (r.status() != 200) {
                    break;
                }
                JavaProcess.sleep(500);
            }
            assertRefused(r, ExchangeError.SESSION_INACTIVE, "exchange for the stopped session");
            return "403 session_inactive";
        });

        Summary.record(Kind.FLOW, "sidecars after stop", "not ready within the token lifetime; tools fail", () -> {
            Duration limit = KubernetesPath.SESSION_TOKEN_LIFETIME.plusSeconds(15);
            long slowest = 0;
            for (SidecarContainer s : sidecars) {
                long deadline = System.nanoTime() + limit.toNanos();
                while (s.ready() && System.nanoTime() < deadline) {
                    JavaProcess.sleep(500);
                }
                assertThat(s.ready()).as("%s still ready %s after the stop", s.name(), limit).isFalse();
                assertThat(s.process().isAlive()).as("%s keeps running (fail closed, not crashed)", s.name()).isTrue();
                slowest = Math.max(slowest, Duration.between(stoppedAt, Instant.now()).toSeconds());
            }
            for (Map.Entry<Provider, McpClient> c : clients.entrySet()) {
                JsonNode result = scenarioCall(c.getKey(), c.getValue());
                assertThat(McpClient.isError(result)).as("%s tool after the stop: %s", c.getKey().id(), McpClient.text(result)).isTrue();
            }
            return sidecars.size() + " sidecars not ready within " + slowest + " s of the stop; tool calls are errors";
        });
        pod.close();
    }

    private JsonNode scenarioCall(Provider p, McpClient mcp) {
        return path.scenario(p).identityCall(mcp);
    }
}
