package io.ambientcode.sidecar.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.testing.FakeAmbient;
import io.ambientcode.sidecar.testing.SidecarLauncher;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * I6 against the packaged jira sidecar as a real process: an invalid value of a jira-specific read-only spelling stops
 * it with a non-zero exit naming the variable before any port opens (the config interceptor folds the spellings into
 * the runtime's one validation). Every other spelling and value is covered by {@code ReadOnlySpellingsTest}; the
 * runtime's own start-up contract (every session variable, the credential API down at start, a permanent refusal) by
 * sidecar-runtime's {@code StartupContractIT} and {@code SidecarEnvironmentTest}.
 */
class FailClosedStartupIT {

    @Test
    void anInvalidReadOnlySpellingStopsTheSidecarBeforeAPortOpens() throws Exception {
        try (FakeAmbient ambient = new FakeAmbient("jira", "jt" + UUID.randomUUID(), "http://127.0.0.1:9", 0)) {
            Map<String, String> env = new HashMap<>(ambient.env());
            env.put(ReadOnlySpellings.JIRA_READ_ONLY_MODE, "perhaps");
            try (SidecarLauncher p = new SidecarLauncher(env)) {
                assertThat(p.awaitExit(Duration.ofSeconds(60))).as(p.output()).isNotZero();
                assertThat(p.output()).contains("invalid environment: " + ReadOnlySpellings.JIRA_READ_ONLY_MODE + ":");
                assertThat(p.portEverOpened()).as("a port opened although the environment is invalid").isFalse();
                assertThat(p.output()).doesNotContain(ambient.proof);
            }
        }
    }
}
