package io.ambientcode.contracts.session;

import io.ambientcode.contracts.provider.Provider;

/**
 * What a runner receives (ARCHITECTURE.md section 6, invariant I1): the session id, where the credential MCP servers
 * are, and the git rewrite that sends {@code https://github.com/} through the github sidecar's proxy. Nothing else.
 */
public final class RunnerEnv {

    public static final String SESSION_ID = SidecarEnv.SESSION_ID;
    /** JSON object {provider: "http://localhost:&lt;port&gt;/mcp"}. */
    public static final String CREDENTIAL_MCP_URLS = "CREDENTIAL_MCP_URLS";
    public static final String CREDENTIAL_SIDECAR_MODE = "CREDENTIAL_SIDECAR_MODE";
    public static final String GIT_CONFIG_COUNT = "GIT_CONFIG_COUNT";
    public static final String GIT_CONFIG_KEY_PREFIX = "GIT_CONFIG_KEY_";
    public static final String GIT_CONFIG_VALUE_PREFIX = "GIT_CONFIG_VALUE_";

    /** The git host whose https URLs are rewritten to the github sidecar. */
    public static final String GITHUB_GIT_BASE = "https://github.com/";

    private RunnerEnv() {
    }

    /** {@code url."http://localhost:8091/git/".insteadOf} for a github sidecar on the given port. */
    public static String gitInsteadOfKey(int githubPort) {
        return "url." + gitProxyBase(githubPort) + ".insteadOf";
    }

    public static String gitProxyBase(int githubPort) {
        return "http://localhost:" + githubPort + "/git/";
    }

    public static String gitProxyBase() {
        return gitProxyBase(Provider.GITHUB.port());
    }
}
