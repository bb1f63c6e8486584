package io.ambientcode.sidecar.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.k8s.support.Kubeconfigs;
import io.ambientcode.sidecar.k8s.support.TargetCluster;
import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.McpHttpClient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Measurement, not a test (run with {@code -Pperf}): time from process start to ready, the first tool call (fabric8
 * loads its model classes then), and resident memory at ready and after 1,000 list calls against the mock API server,
 * for the JVM options in {@code bench.jvm.options} (default: the shipped src/main/jvm/jvm.options). Prints the
 * figures; asserts only that the calls succeed.
 */
class StartupFootprintBenchmark {

    @Test
    void startToReadyFirstCallAndRssAfterThousandCalls() throws Exception {
        String given = System.getProperty("bench.jvm.options", "");
        List<String> options = !given.isBlank() && !given.startsWith("$")
                ? Arrays.stream(given.split(" ")).filter(s -> !s.isBlank()).toList()
                : Files.readAllLines(Path.of("src/main/jvm/jvm.options")).stream().filter(s -> s.startsWith("-")).toList();
        int runs = Integer.getInteger("bench.runs", 3);
        try (TargetCluster cluster = new TargetCluster();
                FakeAmbient ambient = new FakeAmbient("kubeconfig",
                        Kubeconfigs.withToken(cluster.url(), "default", Kubeconfigs.newToken()), null, 0)) {
            for (int i = 0; i < 20; i++) {
                cluster.admin().configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                        .withName("cm-" + i).endMetadata().addToData("k", "v".repeat(200)).build()).create();
            }
            for (int run = 0; run < runs; run++) {
                long t0 = System.nanoTime();
                try (SidecarLauncher p = new SidecarLauncher(ambient.env(), options)) {
                    p.awaitReady(Duration.ofSeconds(60));
                    long readyMs = (System.nanoTime() - t0) / 1_000_000;
                    String rssReady = rss(p.process.pid());
                    McpHttpClient mcp = new McpHttpClient(p.baseUrl()).initialize();
                    long c0 = System.nanoTime();
                    assertThat(McpHttpClient.isError(mcp.call("namespaces_list", Map.of()))).isFalse();
                    long firstCallMs = (System.nanoTime() - c0) / 1_000_000;
                    long l0 = System.nanoTime();
                    for (int i = 0; i < 1000; i++) {
                        assertThat(McpHttpClient.isError(mcp.call("resources_list",
                                Map.of("apiVersion", "v1", "kind", "ConfigMap", "namespace", "default")))).isFalse();
                    }
                    long perCallUs = (System.nanoTime() - l0) / 1000 / 1000;
                    McpHttpClient.TRANSCRIPT.clear();
                    System.out.printf("BENCH options=%s run=%d ready_ms=%d rss_at_ready=%s first_call_ms=%d "
                            + "list_call_us=%d rss_after_1000_calls=%s%n", String.join(" ", options), run, readyMs,
                            rssReady, firstCallMs, perCallUs, rss(p.process.pid()));
                }
            }
        }
    }

    static String rss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("VmRSS:\\s+", "").replace(" kB", "kB");
    }
}
