package io.ambientcode.sidecar.k8s.client;

import io.quarkiverse.mcp.server.ToolCallException;

/** A tool asked for a resource of a denied group/version/kind; becomes a tool error with this message. */
public class DeniedResourceException extends ToolCallException {

    public DeniedResourceException(String message) {
        super(message);
    }
}
