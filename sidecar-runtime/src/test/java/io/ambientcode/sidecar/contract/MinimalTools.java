package io.ambientcode.sidecar.contract;

import io.ambientcode.sidecar.credential.CredentialScope;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** One tool of each kind the tool policy tells apart: read-only, additive write, destructive write. */
@Singleton
@SidecarTools
public class MinimalTools {

    @Inject
    CredentialScope scope;

    @Tool(name = "whoami", description = "Which credential the sidecar holds.",
            annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false))
    public ToolResponse whoami() {
        return scope.call(credential -> ToolResponse.success("credential " + credential.credentialId()));
    }

    @Tool(name = "make_note", description = "An additive write.",
            annotations = @Tool.Annotations(readOnlyHint = false, destructiveHint = false))
    public ToolResponse makeNote() {
        return ToolResponse.success("noted");
    }

    @Tool(name = "erase_note", description = "A destructive write.",
            annotations = @Tool.Annotations(readOnlyHint = false, destructiveHint = true))
    public ToolResponse eraseNote() {
        return ToolResponse.success("erased");
    }
}
