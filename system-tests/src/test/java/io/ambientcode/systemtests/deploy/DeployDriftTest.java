package io.ambientcode.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.systemtests.support.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/**
 * deploy/base/generated holds exactly what the build generated: each service's target/kubernetes/kubernetes.yml and
 * the CRD in the contracts jar, object for object and field for field (compared as parsed YAML: the generator does not
 * keep the order of map keys such as labels from one build to the next, so bytes would flap). A change to a service's
 * manifest configuration that was not synced fails here, with the command that fixes it.
 */
@Order(2)
class DeployDriftTest {

    private static final String FIX = "run ./mvnw -B package -DskipTests -Psync-deploy and commit deploy/base/generated";

    @TestFactory
    Stream<DynamicTest> generatedCopiesEqualTheBuildOutput() {
        Path root = Repository.root();
        return DeploySync.copies().stream().map(copy -> DynamicTest.dynamicTest(copy.target(), () -> {
            Path copied = DeploySync.generatedDirectory(root).resolve(copy.target());
            assertThat(copied).as("deploy/base/generated/%s is missing: %s", copy.target(), FIX).exists();
            List<JsonNode> expected = Kustomize.parse(new String(copy.expected(root), StandardCharsets.UTF_8));
            List<JsonNode> actual = Kustomize.parse(Files.readString(copied));
            assertThat(expected).as("%s has objects", copy.description()).isNotEmpty();
            assertThat(actual).as("deploy/base/generated/%s drifted from %s: %s", copy.target(), copy.description(), FIX)
                    .isEqualTo(expected);
        }));
    }

    @TestFactory
    Stream<DynamicTest> generatedManifestsCarryNoBuildSpecificValues() {
        Path root = Repository.root();
        // Idempotent generation (quarkus.kubernetes.idempotent): no timestamp or commit id, so an unchanged service
        // regenerates the same bytes and the drift check above is stable.
        return DeploySync.copies().stream().map(copy -> DynamicTest.dynamicTest(copy.target(), () -> {
            String content = new String(copy.expected(root), StandardCharsets.UTF_8);
            assertThat(content).doesNotContain("build-timestamp").doesNotContain("commit-id");
        }));
    }
}
