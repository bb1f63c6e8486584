package io.ambientcode.sidecar.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * I6 against the packaged github sidecar as a real process: a git host the proxy would send the credential to over
 * plain http stops it with a non-zero exit naming the setting, before any port opens. The runtime's start-up contract
 * (every session variable missing or invalid, the credential API down at start, a permanent refusal, the refresh
 * schedule and the end of a session) is proven once, against a minimal sidecar, by sidecar-runtime's
 * {@code StartupContractIT}; {@code SidecarEnvironmentTest} covers every rule of every variable.
 */
class FailClosedStartupIT {

    @Test
    void aGitHostOverPlainHttpStopsTheSidecarBeforeAPortOpens() throws Exception {
        try (FakeAmbient ambient = new FakeAmbient("github", "ghp_" + UUID.randomUUID().toString().replace("-", ""),
                "http://127.0.0.1:9", 0)) {
            Map<String, String> env = new HashMap<>(ambient.env());
            env.put("AMBIENT_GITHUB_GIT_BASE_URL", "http://git.example.com");
            try (SidecarLauncher p = new SidecarLauncher(env)) {
                assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.output()).isNotZero();
                assertThat(p.output()).contains("refusing to start the github sidecar: invalid configuration: "
                        + "ambient.github.git-base-url must use https");
                assertThat(p.portEverOpened()).as("a port opened although the configuration is invalid").isFalse();
                assertThat(p.output()).doesNotContain(ambient.proof);
            }
        }
    }
}
