package io.ambientcode.systemtests.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.systemtests.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, scenario 6: 200 concurrent MCP clients (each its own MCP session: initialize, then {@code tools/call get_me}
 * in a loop over streamable HTTP) on the one GitHub sidecar for 60 s. No call may fail, at least 10,000 calls must be
 * made, and the sidecar's resident memory (VmRSS, sampled every 2 s) must show no growth trend: the median of the last
 * third of the samples within 10 % of the median of the middle third. Calls/s, p50/p99 and the RSS series are reported.
 */
@Order(960)
@ExtendWith(ResilienceWorldExtension.class)
class LoadTest {

    static final String SCENARIO = "6 load: 200 MCP clients, 60 s";
    static final int CLIENTS = 200;
    static final Duration DURATION = Duration.ofSeconds(60);
    static final int MIN_CALLS = 10_000;
    static final double RSS_TOLERANCE = 0.10;

    private final ResilienceWorld world = ResilienceWorld.get();

    @Test
    void twoHundredClientsForAMinuteWithoutErrorsOrMemoryGrowth() {
        ResilienceSummary.run(SCENARIO, CLIENTS + " MCP clients (initialize + tools/call get_me in a loop) for "
                + DURATION.toSeconds() + " s on one sidecar; VmRSS sampled every 2 s", () -> {
            long pid = world.sidecar().process().pid();
            URI endpoint = URI.create(world.mcpUrl());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
            AtomicBoolean running = new AtomicBoolean(false);
            AtomicInteger calls = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
            long[][] latencies = new long[CLIENTS][];
            int[] counts = new int[CLIENTS];
            CountDownLatch initialized = new CountDownLatch(CLIENTS);
            CountDownLatch done = new CountDownLatch(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong slowest = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    long[] mine = new long[4096];
                    int n = 0;
                    try {
                        String session = initialize(http, endpoint);
                        initialized.countDown();
                        go.await();
                        while (running.get()) {
                            long t0 = System.nanoTime();
                            String error = callGetMe(http, endpoint, session, n);
                            long micros = (System.nanoTime() - t0) / 1000;
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = micros;
                            slowest.accumulateAndGet(micros, Math::max);
                            calls.incrementAndGet();
                            if (error != null) {
                                errors.incrementAndGet();
                                errorKinds.computeIfAbsent(error, k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        errorKinds.computeIfAbsent("client " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                                k -> new AtomicInteger()).incrementAndGet();
                        initialized.countDown();
                    } finally {
                        latencies[client] = mine;
                        counts[client] = n;
                        done.countDown();
                    }
                }, "mcp-load-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            initialized.await();
            ResilienceSummary.did(SCENARIO, CLIENTS + " MCP sessions initialized; calling for " + DURATION.toSeconds() + " s");
            List<Long> rssKb = new ArrayList<>();
            rssKb.add(rssKb(pid));
            long start = System.nanoTime();
            running.set(true);
            go.countDown();
            long end = start + DURATION.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(2000);
                rssKb.add(rssKb(pid));
                // The fake upstream keeps a request journal; empty it so the test JVM's memory stays flat too.
                world.github().upstream().resetRequests();
            }
            running.set(false);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            done.await();

            long[] all = new long[calls.get()];
            int k = 0;
            for (int c = 0; c < CLIENTS; c++) {
                int n = Math.min(counts[c], all.length - k);
                System.arraycopy(latencies[c], 0, all, k, n);
                k += n;
            }
            Arrays.sort(all, 0, k);
            double p50 = k == 0 ? 0 : all[k / 2] / 1000.0;
            double p99 = k == 0 ? 0 : all[Math.min(k - 1, (int) (k * 0.99))] / 1000.0;
            double perSecond = calls.get() * 1000.0 / elapsedMs;
            int third = rssKb.size() / 3;
            long middle = median(rssKb.subList(third, 2 * third));
            long last = median(rssKb.subList(2 * third, rssKb.size()));
            List<Long> rssMb = rssKb.stream().map(r -> Math.round(r / 1024.0)).toList();
            int flat = 1;
            while (flat < rssMb.size() && Math.abs(rssMb.get(rssMb.size() - 1 - flat) - rssMb.get(rssMb.size() - 1)) <= 2) {
                flat++;
            }
            String figures = String.format("%d calls in %.1f s = %.0f calls/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms, %d errors; "
                    + "RSS MB %s (median middle third %d, last third %d)", calls.get(), elapsedMs / 1000.0, perSecond, p50, p99,
                    slowest.get() / 1000.0, errors.get(), rssMb, middle / 1024, last / 1024);
            ResilienceSummary.observed(SCENARIO, figures + (errorKinds.isEmpty() ? "" : "; errors: " + errorKinds));
            assertThat(errorKinds).as("errors").isEmpty();
            assertThat(calls.get()).as("calls").isGreaterThanOrEqualTo(MIN_CALLS);
            assertThat((double) last).as("RSS median of the last third vs the middle third (KB)")
                    .isLessThanOrEqualTo(middle * (1 + RSS_TOLERANCE));
            assertThat(world.sidecar().process().isAlive()).isTrue();
            assertThat(Http.probe(world.sidecarReadinessUrl())).isEqualTo(200);
            return String.format("%d calls (%.0f/s), 0 errors, p50 %.1f ms, p99 %.1f ms; RSS %d → %d MB, middle-third median %d MB, "
                    + "last-third median %d MB (+%.1f %%, bound %d %%), last %d samples (%d s) within 2 MB", calls.get(), perSecond,
                    p50, p99, rssMb.get(0), rssMb.get(rssMb.size() - 1), middle / 1024, last / 1024,
                    (last - middle) * 100.0 / middle, Math.round(RSS_TOLERANCE * 100), flat, (flat - 1) * 2);
        });
    }

    private static String initialize(HttpClient http, URI endpoint) throws IOException, InterruptedException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"resilience-load\",\"version\":\"1\"}}}";
        HttpResponse<String> r = http.send(request(endpoint, null, init), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("initialize: HTTP " + r.statusCode());
        }
        String session = r.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new IOException("no Mcp-Session-Id"));
        HttpResponse<String> n = http.send(request(endpoint, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                HttpResponse.BodyHandlers.ofString());
        if (n.statusCode() >= 400) {
            throw new IOException("notifications/initialized: HTTP " + n.statusCode());
        }
        return session;
    }

    /** One tools/call get_me; null when it succeeded, else what went wrong. */
    private static String callGetMe(HttpClient http, URI endpoint, String session, int id) {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":" + (id + 1) + ",\"method\":\"tools/call\",\"params\":{\"name\":\"get_me\",\"arguments\":{}}}";
        try {
            HttpResponse<String> r = http.send(request(endpoint, session, call), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "HTTP " + r.statusCode();
            }
            JsonNode msg = reply(r);
            if (msg == null) {
                return "no JSON-RPC reply";
            }
            if (msg.has("error")) {
                return "JSON-RPC error " + msg.path("error").path("code").asText();
            }
            if (msg.path("result").path("isError").asBoolean(false)) {
                return "tool error: " + msg.path("result").path("content").path(0).path("text").asText();
            }
            return null;
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static HttpRequest request(URI endpoint, String session, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return b.build();
    }

    private static JsonNode reply(HttpResponse<String> r) throws IOException {
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            for (String line : r.body().split("\n")) {
                if (line.startsWith("data:")) {
                    JsonNode n = Http.JSON.readTree(line.substring(5).strip());
                    if (n.has("result") || n.has("error")) {
                        return n;
                    }
                }
            }
            return null;
        }
        return Http.JSON.readTree(r.body());
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for pid " + pid);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
