package io.ambientcode.contracts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.testing.SpecDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/specs/security.md names, for every invariant, the tests that prove it. Those tests must exist: renaming or
 * deleting one without updating the document fails here, and so does an invariant missing from the table.
 */
class SecurityDocTest {

    @Test
    void everyInvariantOfTheArchitectureIsInTheTable() {
        List<String> invariants = SpecDocs.table("security.md", "invariant").stream()
                .map(r -> r.get("invariant").replaceAll("^\\*\\*(I\\d)\\*\\*.*", "$1")).toList();
        assertThat(invariants).containsExactly("I1", "I2", "I3", "I4", "I5", "I6", "I7");
    }

    @Test
    void everyTestNamedInTheDocumentExists() throws IOException {
        Set<String> testClasses = testClassNames();
        Matcher m = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))`").matcher(SpecDocs.read("security.md"));
        int named = 0;
        while (m.find()) {
            named++;
            assertThat(testClasses).as("test class named in security.md").contains(m.group(1));
        }
        assertThat(named).isGreaterThan(15);
        for (Map<String, String> row : SpecDocs.table("security.md", "invariant")) {
            assertThat(row.get("proved by")).as(row.get("invariant")).matches(".*`[A-Z]\\w*(Test|IT)`.*");
        }
    }

    private static Set<String> testClassNames() throws IOException {
        Path root = SpecDocs.path("security.md").getParent().getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .map(p -> p.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toSet());
        }
    }
}
