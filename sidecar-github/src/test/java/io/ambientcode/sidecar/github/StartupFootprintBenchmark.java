package io.ambientcode.sidecar.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.ambientcode.sidecar.github.support.McpClient;
import io.ambientcode.sidecar.github.support.SidecarProcess;
import io.ambientcode.sidecar.testing.FakeAmbient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 8 (measurement, not a test: run with {@code -Pperf}): time from process start to ready (first credential
 * held) and resident memory after 1,000 tool calls, for the JVM options in {@code bench.jvm.options} (default: the
 * shipped src/main/jvm/jvm.options). Prints the figures; asserts nothing about them.
 */
class StartupFootprintBenchmark {

    @Test
    void startToReadyAndRssAfterThousandCalls() throws Exception {
        String given = System.getProperty("bench.jvm.options", "");
        List<String> options = !given.isBlank() && !given.startsWith("$")
                ? Arrays.stream(given.split(" ")).filter(s -> !s.isBlank()).toList()
                : Files.readAllLines(Path.of("src/main/jvm/jvm.options")).stream().filter(s -> !s.isBlank()).toList();
        int runs = Integer.getInteger("bench.runs", 5);
        WireMockServer github = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        github.start();
        github.stubFor(get("/user").willReturn(okJson("{\"login\":\"octocat\",\"id\":1,\"name\":\"The Octocat\"}")));
        try (FakeAmbient ambient = new FakeAmbient("github", "ghp_" + java.util.UUID.randomUUID().toString().replace("-", ""),
                github.baseUrl(), 0)) {
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                try (SidecarProcess p = new SidecarProcess(ambient.env(), options)) {
                    while (p.status("/q/health/ready") != 200) {
                        Thread.sleep(5);
                    }
                    long readyMs = (System.nanoTime() - t0) / 1_000_000;
                    String rssReady = rss(p.process.pid());
                    long cpuReadyMs = cpuMillis(p.process.pid());
                    if (Boolean.getBoolean("bench.print")) {
                        System.out.println(p.output());
                    }
                    McpClient mcp = new McpClient(p.baseUrl()).initialize();
                    for (int i = 0; i < 1000; i++) {
                        mcp.call("get_me", Map.of());
                    }
                    System.out.printf("BENCH options=%s run=%d ready_ms=%d cpu_to_ready_ms=%d rss_at_ready=%s after_1000_calls=%s%n",
                            String.join(" ", options), run, readyMs, cpuReadyMs, rssReady, rss(p.process.pid()));
                }
            }
        } finally {
            github.stop();
        }
    }

    /** User plus system CPU time of the process (less sensitive to a busy machine than wall time). */
    static long cpuMillis(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 10; // USER_HZ = 100 on Linux
    }

    /** VmRSS and VmHWM (peak) from /proc. */
    static String rss(long pid) throws Exception {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        String rss = "";
        String hwm = "";
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).strip();
            } else if (line.startsWith("VmHWM:")) {
                hwm = line.substring(6).strip();
            }
        }
        return rss.replace(" ", "") + "(peak " + hwm.replace(" ", "") + ")";
    }
}
