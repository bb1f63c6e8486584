package io.ambientcode.contracts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.testing.SpecDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/specs/README.md names the test that guards each table of the specifications: every named test exists, every
 * specification is listed there and linked from the repository README.
 */
class SpecsIndexTest {

    @Test
    void everyGuardingTestExists() throws IOException {
        Set<String> tests = testClassNames();
        List<Map<String, String>> rows = SpecDocs.table("README.md", "document");
        assertThat(rows).hasSizeGreaterThan(15);
        for (Map<String, String> row : rows) {
            String test = row.get("checked by").replaceAll("^`([A-Za-z0-9]+)`.*", "$1");
            assertThat(tests).as(row.get("document") + " " + row.get("table (first column)")).contains(test);
        }
    }

    @Test
    void everySpecificationIsIndexedAndLinkedFromTheReadme() throws IOException {
        Path specs = SpecDocs.path("README.md").getParent();
        String index = Files.readString(specs.resolve("README.md"));
        String readme = Files.readString(specs.getParent().getParent().resolve("README.md"));
        try (Stream<Path> files = Files.list(specs)) {
            List<String> documents = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".md") && !n.equals("README.md")).sorted().toList();
            assertThat(documents).containsExactly("credential-api.md", "runner.md", "security.md", "sidecars.md",
                    "token-exchange.md");
            for (String d : documents) {
                assertThat(index).contains("](" + d + ")");
                assertThat(readme).contains("](docs/specs/" + d + ")");
            }
        }
    }

    private static Set<String> testClassNames() throws IOException {
        Path root = SpecDocs.path("README.md").getParent().getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .map(p -> p.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toSet());
        }
    }
}
