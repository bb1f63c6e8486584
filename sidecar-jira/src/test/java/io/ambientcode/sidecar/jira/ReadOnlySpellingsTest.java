package io.ambientcode.sidecar.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.sidecar.bootstrap.InvalidEnvironmentException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The three read-only spellings fold into MCP_READ_ONLY; the most restrictive wins; junk fails closed. */
class ReadOnlySpellingsTest {

    static Optional<String> resolve(String mcp, String jira, String upstream) {
        Map<String, String> env = new HashMap<>();
        if (mcp != null) {
            env.put("MCP_READ_ONLY", mcp);
        }
        if (jira != null) {
            env.put("JIRA_READ_ONLY_MODE", jira);
        }
        if (upstream != null) {
            env.put("READ_ONLY_MODE", upstream);
        }
        return ReadOnlySpellings.resolve(n -> Optional.ofNullable(env.get(n)));
    }

    @ParameterizedTest(name = "MCP_READ_ONLY={0} JIRA_READ_ONLY_MODE={1} READ_ONLY_MODE={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "-,     -,     -,     -",
            "true,  -,     -,     true",
            "false, -,     -,     false",
            "-,     true,  -,     true",
            "-,     -,     yes,   true",
            "-,     ON,    -,     true",
            "-,     1,     0,     true",
            "false, y,     -,     true",
            "false, -,     on,    true",
            "-,     false, no,    -",
            "true,  off,   n,     true",
            "-,     '',    -,     -",
            // MCP_READ_ONLY's own junk is passed through: the runtime refuses it, naming MCP_READ_ONLY
            "maybe, -,     -,     maybe" })
    void mostRestrictiveWins(String mcp, String jira, String upstream, String expected) {
        assertThat(resolve(mcp, jira, upstream)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest
    @CsvSource({ "JIRA_READ_ONLY_MODE, sometimes", "READ_ONLY_MODE, 2" })
    void anUnknownValueOfAnUpstreamSpellingFailsClosedNamingIt(String variable, String value) {
        assertThatThrownBy(() -> resolve(null, variable.startsWith("JIRA") ? value : null,
                variable.startsWith("JIRA") ? null : value))
                .isInstanceOfSatisfying(InvalidEnvironmentException.class, e -> {
                    assertThat(e.variable()).isEqualTo(variable);
                    assertThat(e.getMessage()).doesNotContain(value);
                });
    }
}
