package io.ambientcode.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.systemtests.support.Repository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import java.util.stream.Stream;

/**
 * deploy/base/generated holds exactly what the build generated: each service's target/kubernetes/kubernetes.yml and
 * the CRD in the contracts jar, byte for byte. A change to a service's manifest configuration that was not synced
 * fails here, with the command that fixes it.
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
            String expected = new String(copy.expected(root), StandardCharsets.UTF_8);
            String actual = Files.readString(copied);
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
