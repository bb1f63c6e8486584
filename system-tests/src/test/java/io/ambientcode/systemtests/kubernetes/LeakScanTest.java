package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.systemtests.kubernetes.harness.JavaProcess;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.support.Captured;
import io.ambientcode.systemtests.support.LeakScanner;
import io.ambientcode.systemtests.support.LeakScanner.Hit;
import io.ambientcode.systemtests.support.Repository;
import io.ambientcode.systemtests.support.RunSecrets;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * I5 over the whole run, last: every secret value the run created or saw (user tokens before and after rotation, the
 * derived forms the upstreams receive, proofs, session JWTs and assertions taken off the wire, every private key and
 * the encryption key), looked for in every log file of every process (services and sidecars), every HTTP response
 * body received (including everything that crossed the network taps), every MCP tool result and the runner's git
 * output. Zero hits. Last of the Kubernetes path: the processes are stopped and the summary printed right after it.
 */
@Order(160)
@ExtendWith(KubernetesPathExtension.class)
class LeakScanTest {

    private final KubernetesPath path = KubernetesPath.get();

    @AfterAll
    static void stopTheKubernetesPath() {
        KubernetesPath.shutdown();
    }

    @Test
    void noSecretOfTheRunAppearsInAnythingCaptured() throws IOException {
        path.services().tokenTap().captureResponses();
        path.services().apiTap().captureResponses();
        Map<String, String> secrets = RunSecrets.all();

        // Positive control: the scanner finds a registered secret, raw and JSON-escaped.
        Map.Entry<String, String> sample = secrets.entrySet().iterator().next();
        assertThat(LeakScanner.scan("control", "x " + sample.getKey() + " y", secrets)).isNotEmpty();
        assertThat(LeakScanner.scan("control", "{\"m\":\"" + sample.getKey().replace("/", "\\/") + "\"}", secrets)).isNotEmpty();

        Summary.record(Kind.CHECK, "leak scan (I5)", "0 hits", () -> {
            List<Hit> hits = new ArrayList<>();
            int sources = 0;
            List<Path> logs;
            try (Stream<Path> files = Files.walk(JavaProcess.logDirectory())) {
                logs = files.filter(Files::isRegularFile).toList();
            }
            for (Path log : logs) {
                hits.addAll(LeakScanner.scan("log " + log.getFileName(), Files.readString(log), secrets));
                sources++;
            }
            // At rest: the credential API's table holds sealed values only.
            for (String stored : io.ambientcode.systemtests.kubernetes.harness.Database.SYSTEM_TESTS.storedTokens()) {
                assertThat(stored).startsWith("enc:v1:");
                hits.addAll(LeakScanner.scan("database credentials.token", stored, secrets));
                sources++;
            }
            for (Captured.Item item : Captured.all()) {
                hits.addAll(LeakScanner.scan(item.source(), item.text(), secrets));
                sources++;
            }
            assertThat(logs.size()).as("log files: three services and every sidecar").isGreaterThanOrEqualTo(3 + path.scenarios().size());
            assertThat(Captured.count("mcp ")).as("tool results captured").isPositive();
            assertThat(Captured.count("tap ")).as("wire traffic captured").isPositive();
            assertThat(hits).as("secrets found (label @ source)").isEmpty();
            return secrets.size() + " secrets x " + sources + " sources (" + logs.size() + " logs): 0 hits";
        });
        Files.writeString(Repository.runDirectory().resolve("leak-scan.txt"),
                "secrets: " + secrets.size() + "\n" + String.join("\n", secrets.values().stream().distinct().toList()) + "\n");
    }
}
