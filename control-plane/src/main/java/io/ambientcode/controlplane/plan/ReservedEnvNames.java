package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.session.RunnerEnv;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runner environment names a session may not set (invariant I1). The platform's own variables (sidecar contract,
 * runner contract, git rewrite) must not be overridden or forged, and well-known credential variables must not be
 * used to hand a token to the runner behind the sidecars' back. Compared case-insensitively.
 */
public final class ReservedEnvNames {

    /** A POSIX-style environment variable name; the CRD enforces the same. */
    public static final Pattern VALID_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static final List<String> RESERVED_PREFIXES = List.of(
            "AMBIENT_", // every platform variable (token server, credential API, proof file)
            "CREDENTIAL_", // CREDENTIAL_IDS, CREDENTIAL_PROVIDER, CREDENTIAL_MCP_URLS, CREDENTIAL_SIDECAR_MODE
            "GIT_CONFIG_", // GIT_CONFIG_COUNT/KEY_n/VALUE_n and GIT_CONFIG_PARAMETERS could undo the git rewrite
            "MCP_"); // sidecar tool settings

    private static final Set<String> RESERVED_NAMES = Set.of(
            RunnerEnv.SESSION_ID, // the same name as SidecarEnv.SESSION_ID
            // Credential carriers that would put a token in the runner.
            "GITHUB_TOKEN", "GH_TOKEN", "GITHUB_PAT", "GH_ENTERPRISE_TOKEN", "GITLAB_TOKEN",
            "JIRA_API_TOKEN", "JIRA_PERSONAL_TOKEN", "KUBECONFIG", "GOOGLE_APPLICATION_CREDENTIALS");

    private ReservedEnvNames() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID_NAME.matcher(name).matches();
    }

    public static boolean isReserved(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return RESERVED_NAMES.contains(upper) || RESERVED_PREFIXES.stream().anyMatch(upper::startsWith);
    }
}
