package io.ambientcode.acpctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.acpctl.auth.TokenInput;
import io.ambientcode.acpctl.support.TestWorld;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/**
 * The real entry point (Quarkus command mode running the produced picocli command line): exit codes and stderr as a
 * shell sees them, with nothing but framework defaults in between. Each launch boots the application, so this class
 * stays small; everything else runs in the shared test application.
 */
@QuarkusMainTest
class MainEntryPointTest {

    @Test
    void argvTokenIsRefusedWithExitTwoAndNeverEchoed(QuarkusMainLauncher launcher) {
        String token = TestWorld.secret("ghp_");
        LaunchResult r = launcher.launch("credential", "create", "ci", "--provider", "github", "--token", token);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.getErrorOutput()).contains(TokenInput.ARGV_REFUSAL).doesNotContain(token);
        assertThat(r.getOutput()).doesNotContain(token);
    }

    @Test
    void localStatusOfAnUnusedDataDirectory(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("status", "--data-dir", "target/main-test-data", "-o", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).contains("\"name\" : \"token-server\"", "\"state\" : \"stopped\"");
    }
}
