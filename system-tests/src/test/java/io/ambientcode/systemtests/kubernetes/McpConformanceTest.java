package io.ambientcode.systemtests.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPath;
import io.ambientcode.systemtests.kubernetes.harness.KubernetesPathExtension;
import io.ambientcode.systemtests.support.Captured;
import io.ambientcode.systemtests.support.Repository;
import io.ambientcode.systemtests.support.Summary;
import io.ambientcode.systemtests.support.Summary.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned with a committed lockfile in
 * {@code src/test/node}) against every running sidecar's MCP server, all active server scenarios. Failures must be
 * exactly those of {@code src/test/node/expected-failures.yml}, each explained there: the suite's own exit code fails a
 * new failure and a stale entry alike.
 */
@Order(140)
@ExtendWith(KubernetesPathExtension.class)
class McpConformanceTest {

    private static final Path NODE_DIR = Repository.root().resolve("system-tests/src/test/node");
    private static final Path BASELINE = NODE_DIR.resolve("expected-failures.yml");

    private final KubernetesPath path = KubernetesPath.get();

    @BeforeAll
    static void install() throws Exception {
        if (Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/conformance"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_DIR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0).as("npm ci in %s: %s", NODE_DIR, out).isTrue();
    }

    /** Every baseline entry says why it is there (a comment line right above it). */
    @Test
    void everyExpectedFailureIsExplained() throws IOException {
        List<String> lines = Files.readAllLines(BASELINE);
        List<String> unexplained = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("- ")) {
                String above = i > 0 ? lines.get(i - 1).strip() : "";
                if (!above.startsWith("#") || above.length() < 20) {
                    unexplained.add(line);
                }
            }
        }
        assertThat(unexplained).as("entries without an explanation comment").isEmpty();
        JsonNode baseline = new YAMLMapper().readTree(BASELINE.toFile());
        assertThat(baseline.path("server").isArray()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> everySidecarPassesTheServerScenarios() {
        return path.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.provider().id(), () -> conformance(s.provider())));
    }

    private void conformance(Provider p) {
        Summary.record(Kind.CHECK, "MCP conformance " + p.id(), "only the explained expected failures", () -> {
            String url = path.alpha().mcpUrls().get(p.id());
            Path out = Repository.runDirectory().resolve("conformance").resolve(p.id());
            deleteRecursively(out);
            Files.createDirectories(out);
            Process node = new ProcessBuilder("npx", "--no-install", "conformance", "server", "--url", url,
                    "--expected-failures", BASELINE.toString(), "-o", out.toString())
                    .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("conformance finished").isTrue();
            Captured.add("conformance " + p.id(), output);
            Files.writeString(out.resolve("output.txt"), output);
            assertThat(node.exitValue()).as("conformance against %s (%s):%n%s", p.id(), url, output).isZero();
            return summarize(out);
        });
    }

    /** "n scenarios: p passed, e expected failures" from the suite's result files. */
    private static String summarize(Path out) throws IOException {
        TreeSet<String> passed = new TreeSet<>();
        TreeSet<String> failed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().equals("checks.json")).toList()) {
                String scenario = f.getParent().getFileName().toString();
                JsonNode checks = new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile());
                boolean bad = false;
                for (JsonNode c : checks) {
                    String status = c.path("status").asText();
                    bad |= status.equals("FAILURE") || status.equals("WARNING");
                }
                (bad ? failed : passed).add(scenario);
            }
        }
        return (passed.size() + failed.size()) + " scenarios: " + passed.size() + " passed, " + failed.size()
                + " expected failures";
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
