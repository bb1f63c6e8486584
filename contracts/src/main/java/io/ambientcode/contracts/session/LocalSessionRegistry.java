package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Local mode's stand-in for the Kubernetes API (ARCHITECTURE.md sections 4 and 6): the control plane's {@code local}
 * runtime serves its sessions to the token server on loopback only, at {@code GET /local/v1/sessions/{sessionId}},
 * authenticated by {@code Authorization: Bearer <registry key>}. The key is the content of {@value #KEY_FILE} in the
 * local data directory (32 random bytes, base64url, file mode 0600), written by the control plane.
 * Replies: 200 with a {@link View}, 404 for an unknown session, 401 for a wrong key.
 *
 * <p>The same control plane serves local session management to {@code acpctl} under {@value #MANAGE_PREFIX},
 * authenticated with a user JWT from the local development issuer: {@code POST} (body: an {@code AgenticSession} as
 * JSON, the same document a cluster would get), {@code GET} (list), {@code GET {name}}, {@code POST {name}/stop},
 * {@code DELETE {name}}. Replies carry the {@code AgenticSession} with its status, exactly as in a cluster.
 */
public final class LocalSessionRegistry {

    public static final String PATH_PREFIX = "/local/v1/sessions/";
    public static final String KEY_FILE = io.ambientcode.contracts.local.LocalLayout.REGISTRY_KEY;
    /** Local session management for acpctl (user JWT). */
    public static final String MANAGE_PREFIX = "/local/v1/agenticsessions";

    private LocalSessionRegistry() {
    }

    public static String path(String sessionId) {
        return PATH_PREFIX + sessionId;
    }

    /** A session as the token server needs it; proofs travel only over loopback, only to the key holder. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("project") String project,
            @JsonProperty("phase") SessionPhase phase,
            @JsonProperty("credentials") Map<String, String> credentials,
            @JsonProperty("proofs") Map<String, String> proofs) {

        @Override
        public String toString() {
            return "View[session_id=" + sessionId + ", phase=" + phase + ", proofs=<hidden>]";
        }
    }
}
