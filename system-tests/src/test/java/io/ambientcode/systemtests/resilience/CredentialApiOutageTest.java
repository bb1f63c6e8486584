package io.ambientcode.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.ServiceProcess;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.ambientcode.systemtests.support.Http;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, scenario 1: the credential API is stopped for 60 s in the middle of a session. Meanwhile the runner keeps
 * calling a tool: every call succeeds with the credential the sidecar holds, none takes longer than the bound, the
 * sidecar stays ready, and {@code refresh_credentials} answers a clear tool error at once. The sidecar's scheduled
 * refresh fails and retries with growing delays (its log). When the API is back, the user rotates the token; the
 * upstream refuses the old one, and the same sidecar process (never restarted) picks up the new one by itself.
 */
@Order(920)
@ExtendWith(ResilienceWorldExtension.class)
class CredentialApiOutageTest {

    static final String SCENARIO = "1 credential API stopped 60 s";
    static final Duration OUTAGE = Duration.ofSeconds(60);
    /** No tool call may take longer: the sidecar's credential API request timeout (10 s) plus a margin. */
    static final Duration CALL_BOUND = Duration.ofSeconds(15);
    private static final Pattern RETRY = Pattern.compile("retrying in (\\d+) ms");

    private final ResilienceWorld world = ResilienceWorld.get();

    @Test
    void sidecarServesThroughTheOutageAndRecoversWithoutRestart() {
        ResilienceSummary.run(SCENARIO, "stop the credential API (SIGTERM) for 60 s while the runner calls get_me every second "
                + "and refresh_credentials once; start it again; rotate the token through the API", () -> {
            ServiceProcess api = world.services().credentialApi();
            McpClient mcp = world.mcp();
            long sidecarPid = world.sidecar().process().pid();
            Path sidecarLog = world.sidecar().process().log();
            long logOffset = Files.size(sidecarLog);
            String owner = world.alice().subject();
            assertThat(world.github().whoAmI(mcp)).isEqualTo(owner);

            ResilienceSummary.did(SCENARIO, "stopping the credential API (pid " + api.pid() + ")");
            api.stop();
            long start = System.nanoTime();
            long deadline = start + OUTAGE.toNanos();
            int calls = 0;
            int notReady = 0;
            long slowest = 0;
            List<String> failures = new ArrayList<>();
            String refreshAnswer = null;
            long refreshMs = -1;
            while (System.nanoTime() < deadline) {
                long t = System.nanoTime();
                try {
                    String me = world.github().whoAmI(mcp);
                    if (!owner.equals(me)) {
                        failures.add("get_me answered " + me);
                    }
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
                slowest = Math.max(slowest, (System.nanoTime() - t) / 1_000_000);
                calls++;
                if (Http.probe(world.sidecarReadinessUrl()) != 200) {
                    notReady++;
                }
                if (refreshAnswer == null && System.nanoTime() - start > Duration.ofSeconds(35).toNanos()) {
                    long r0 = System.nanoTime();
                    JsonNode refreshed = mcp.call("refresh_credentials", Map.of());
                    refreshMs = (System.nanoTime() - r0) / 1_000_000;
                    assertThat(McpClient.isError(refreshed)).as("refresh_credentials during the outage: %s",
                            McpClient.text(refreshed)).isTrue();
                    refreshAnswer = McpClient.text(refreshed);
                    ResilienceSummary.observed(SCENARIO, "refresh_credentials during the outage (" + refreshMs + " ms): " + refreshAnswer);
                }
                Thread.sleep(1000);
            }
            ResilienceSummary.did(SCENARIO, "starting the credential API again after " + OUTAGE.toSeconds() + " s");
            api.start();
            long a0 = System.nanoTime();
            api.awaitReady(Services.startupTimeout());
            long apiReadyMs = (System.nanoTime() - a0) / 1_000_000;

            byte[] log = Files.readAllBytes(sidecarLog);
            String during = new String(log, (int) logOffset, log.length - (int) logOffset, StandardCharsets.UTF_8);
            List<Long> delays = new ArrayList<>();
            Matcher m = RETRY.matcher(during);
            while (m.find()) {
                delays.add(Long.parseLong(m.group(1)));
            }
            ResilienceSummary.observed(SCENARIO, calls + " get_me calls, slowest " + slowest + " ms, " + failures.size()
                    + " failed, readiness not 200 " + notReady + " times; refresh retries logged with delays " + delays + " ms");
            assertThat(failures).as("tool calls with the held credential during the outage").isEmpty();
            assertThat(slowest).as("slowest tool call (ms)").isLessThan(CALL_BOUND.toMillis());
            assertThat(refreshMs).as("refresh_credentials during the outage (ms)").isBetween(0L, CALL_BOUND.toMillis());
            assertThat(refreshAnswer).as("a clear error").containsIgnoringCase("refresh failed");
            assertThat(notReady).as("readiness probes that failed while the sidecar held its credential").isZero();
            assertThat(delays).as("scheduled refresh retries during the outage").hasSizeGreaterThanOrEqualTo(3);
            // Exponential backoff with ±20 % jitter: each delay below the cap's lower edge is larger than the one before.
            for (int i = 1; i < delays.size(); i++) {
                if (delays.get(i - 1) < 12_000) {
                    assertThat(delays.get(i)).as("retry delay %d after %d ms", i, delays.get(i - 1)).isGreaterThan(delays.get(i - 1));
                }
            }
            assertThat(delays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(30_000L));

            // Back: a rotation through the API reaches the live sidecar by itself (the upstream's 401 triggers one
            // refetch), no restart.
            ResilienceSummary.did(SCENARIO, "rotating the token (PATCH) with the API back");
            Http.Response patched = world.alice().patch(world.credentialId(), world.github().rotate(owner));
            assertThat(patched.status()).as("PATCH after the outage: %s", patched.body()).isEqualTo(200);
            long c0 = System.nanoTime();
            assertThat(world.github().whoAmI(mcp)).isEqualTo(owner);
            long rotatedMs = (System.nanoTime() - c0) / 1_000_000;
            assertThat(world.github().lastCredentialSeenUpstream()).as("the upstream saw the new token")
                    .isEqualTo(world.github().expectedUpstreamCredential(owner));
            assertThat(world.sidecar().process().pid()).as("same sidecar process").isEqualTo(sidecarPid);
            assertThat(world.sidecar().process().isAlive()).isTrue();
            String readiness = Http.get(world.sidecarReadinessUrl(), Map.of()).body();
            assertThat(readiness).as("readiness after recovery").doesNotContain("lastFailure");
            return "outage " + OUTAGE.toSeconds() + " s: " + calls + " get_me ok (slowest " + slowest + " ms, bound "
                    + CALL_BOUND.toSeconds() + " s), ready throughout; refresh_credentials: tool error in " + refreshMs
                    + " ms; " + delays.size() + " refresh retries, delays " + seconds(delays) + " s; API ready "
                    + apiReadyMs + " ms after start; rotated token used " + rotatedMs + " ms later by the same pid";
        });
    }

    private static String seconds(List<Long> delays) {
        return delays.stream().map(d -> String.format("%.1f", d / 1000.0)).toList().toString();
    }
}
