package io.ambientcode.systemtests.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.providers.GitHubScenario;
import io.ambientcode.systemtests.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, scenario 5: the GitHub fake answers {@code list_issues} after 10 s. With the upstream request timeout
 * configured at 3 s (image configuration of the resilience world), each such tool call ends after the bound with a tool
 * error ({@code isError}) saying it timed out; meanwhile other tool calls ({@code get_me}) and the health endpoints
 * answer promptly.
 */
@Order(930)
@ExtendWith(ResilienceWorldExtension.class)
class SlowUpstreamTest {

    static final String SCENARIO = "5 slow upstream (10 s)";
    static final int SLOW_CALLS = 4;
    static final Duration UPSTREAM_DELAY = Duration.ofSeconds(10);
    /** Other calls while the slow ones hang: must answer well under the timeout. */
    static final long PROMPT_MS = 1500;

    private final ResilienceWorld world = ResilienceWorld.get();

    @Test
    void slowCallsTimeOutAtTheBoundAndTheSidecarStaysResponsive() {
        ResilienceSummary.run(SCENARIO, "GitHub fake delays list_issues by 10 s (bound: upstream request timeout "
                + ResilienceWorld.UPSTREAM_TIMEOUT.toSeconds() + " s); " + SLOW_CALLS + " concurrent list_issues, "
                + "get_me and health probes meanwhile", () -> {
            var upstream = world.github().upstream();
            StubMapping slow = upstream.stubFor(get(urlPathEqualTo("/api/v3/repos/" + GitHubScenario.OWNER + "/"
                    + GitHubScenario.REPO + "/issues")).atPriority(0)
                    .willReturn(okJson("[]").withFixedDelay((int) UPSTREAM_DELAY.toMillis())));
            ExecutorService pool = Executors.newFixedThreadPool(SLOW_CALLS);
            try {
                McpClient other = world.mcp();
                List<CompletableFuture<long[]>> slowCalls = new ArrayList<>();
                List<String> slowAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (int i = 0; i < SLOW_CALLS; i++) {
                    McpClient mcp = world.mcp();
                    slowCalls.add(CompletableFuture.supplyAsync(() -> {
                        long t = System.nanoTime();
                        JsonNode r = mcp.call("list_issues", Map.of("owner", GitHubScenario.OWNER, "repo", GitHubScenario.REPO));
                        long ms = (System.nanoTime() - t) / 1_000_000;
                        slowAnswers.add(McpClient.text(r));
                        return new long[] { ms, McpClient.isError(r) ? 1 : 0 };
                    }, pool));
                }
                ResilienceSummary.did(SCENARIO, SLOW_CALLS + " list_issues calls in flight; calling get_me and probing health meanwhile");
                Thread.sleep(300);
                int promptCalls = 0;
                long slowestPrompt = 0;
                long slowestProbe = 0;
                int probes = 0;
                while (slowCalls.stream().anyMatch(f -> !f.isDone())) {
                    long t = System.nanoTime();
                    assertThat(world.github().whoAmI(other)).isEqualTo(world.alice().subject());
                    slowestPrompt = Math.max(slowestPrompt, (System.nanoTime() - t) / 1_000_000);
                    promptCalls++;
                    for (String url : List.of(world.sidecarReadinessUrl(), world.sidecarReadinessUrl().replace("/ready", "/live"))) {
                        long p = System.nanoTime();
                        assertThat(Http.probe(url)).as("%s while upstream calls hang", url).isEqualTo(200);
                        slowestProbe = Math.max(slowestProbe, (System.nanoTime() - p) / 1_000_000);
                        probes++;
                    }
                    Thread.sleep(200);
                }
                long slowestTimeout = 0;
                long fastestTimeout = Long.MAX_VALUE;
                for (CompletableFuture<long[]> f : slowCalls) {
                    long[] r = f.join();
                    assertThat(r[1]).as("list_issues against a 10 s upstream must be a tool error: %s", slowAnswers).isEqualTo(1);
                    slowestTimeout = Math.max(slowestTimeout, r[0]);
                    fastestTimeout = Math.min(fastestTimeout, r[0]);
                }
                long bound = ResilienceWorld.UPSTREAM_TIMEOUT.toMillis();
                assertThat(fastestTimeout).as("a timed-out call ends no sooner than the bound").isGreaterThanOrEqualTo(bound - 100);
                assertThat(slowestTimeout).as("and not much later (ms)").isLessThan(bound + 2000);
                assertThat(slowestTimeout).isLessThan(UPSTREAM_DELAY.toMillis());
                assertThat(slowAnswers).allSatisfy(a -> assertThat(a).containsIgnoringCase("timed out"));
                assertThat(slowestPrompt).as("slowest get_me meanwhile (ms)").isLessThan(PROMPT_MS);
                assertThat(slowestProbe).as("slowest health probe meanwhile (ms)").isLessThan(PROMPT_MS);
                ResilienceSummary.observed(SCENARIO, "tool error text: " + slowAnswers.get(0));
                return SLOW_CALLS + " list_issues: tool error \"timed out\" after " + fastestTimeout + "-" + slowestTimeout
                        + " ms (bound " + bound + " ms); meanwhile " + promptCalls + " get_me ok (slowest " + slowestPrompt
                        + " ms) and " + probes + " health probes 200 (slowest " + slowestProbe + " ms)";
            } finally {
                upstream.removeStub(slow);
                pool.shutdownNow();
            }
        });
    }
}
