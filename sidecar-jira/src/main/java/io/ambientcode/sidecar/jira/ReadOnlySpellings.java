package io.ambientcode.sidecar.jira;

import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.sidecar.bootstrap.InvalidEnvironmentException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Read-only mode has three spellings for the jira sidecar: our {@code MCP_READ_ONLY}, mcp-atlassian's
 * {@code READ_ONLY_MODE} and {@code JIRA_READ_ONLY_MODE}, which the platform we replace passes to its Jira sidecar
 * (and which mcp-atlassian never read: upstream-reference.md section 9, item 12). They fold into the one value the
 * runtime reads, {@code MCP_READ_ONLY}, so there is still exactly one {@code ToolPolicy} decision. The most
 * restrictive setting wins: any spelling that says read-only makes the sidecar read-only. The upstream spellings
 * accept mcp-atlassian's truthy words (true, 1, yes, y, on; false, 0, no, n, off); any other value stops the sidecar
 * at start-up naming the variable (fail closed, I6). Pure.
 */
public final class ReadOnlySpellings {

    /** The platform's spelling (the Go entrypoint passes it through from the session). */
    public static final String JIRA_READ_ONLY_MODE = "JIRA_READ_ONLY_MODE";
    /** mcp-atlassian's spelling. */
    public static final String READ_ONLY_MODE = "READ_ONLY_MODE";

    private static final List<String> TRUE = List.of("true", "1", "yes", "y", "on");
    private static final List<String> FALSE = List.of("false", "0", "no", "n", "off", "");

    private ReadOnlySpellings() {
    }

    /**
     * The value {@code MCP_READ_ONLY} resolves to: {@code "true"} when an upstream spelling says read-only, otherwise
     * whatever {@code MCP_READ_ONLY} itself holds (the runtime validates that one).
     *
     * @throws InvalidEnvironmentException when an upstream spelling holds something that is neither true nor false
     */
    public static Optional<String> resolve(Function<String, Optional<String>> lookup) {
        boolean upstreamReadOnly = false;
        for (String name : List.of(JIRA_READ_ONLY_MODE, READ_ONLY_MODE)) {
            upstreamReadOnly |= lookup.apply(name).map(v -> truthy(name, v)).orElse(false);
        }
        return upstreamReadOnly ? Optional.of("true") : lookup.apply(SidecarEnv.MCP_READ_ONLY);
    }

    private static boolean truthy(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        throw new InvalidEnvironmentException(name, "must be true or false (also accepted: 1/0, yes/no, y/n, on/off)");
    }
}
