package io.ambientcode.sidecar.tools;

import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.credential.RefreshResult;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code refresh_credentials}: fetch the session's credential again now (after the user rotated it), at most once per
 * 30 s. Marked read-only: it changes nothing upstream, so read-only sessions keep it.
 */
@Singleton
@SidecarTools
public class RefreshCredentialsTool {

    @Inject
    CredentialRefresher refresher;

    @Tool(name = "refresh_credentials",
            description = "Fetch this session's credential again (use after the credential was rotated or when calls "
                    + "fail with 401). Allowed at most once every 30 seconds.",
            annotations = @Tool.Annotations(title = "Refresh credentials", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false))
    public ToolResponse refreshCredentials() {
        RefreshResult result = refresher.refreshOnDemand();
        if (result instanceof RefreshResult.Refreshed r) {
            return ToolResponse.success("Credentials refreshed (credential " + r.credentialId() + ").");
        }
        if (result instanceof RefreshResult.TooEarly t) {
            return ToolResponse.error("Credentials were refreshed recently; try again in " + t.retryAfter().toSeconds()
                    + " seconds.");
        }
        RefreshResult.Failed f = (RefreshResult.Failed) result;
        return ToolResponse.error("Credential refresh failed: " + f.safeMessage());
    }
}
