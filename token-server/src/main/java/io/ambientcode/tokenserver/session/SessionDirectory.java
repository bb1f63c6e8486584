package io.ambientcode.tokenserver.session;

import java.util.Optional;

/**
 * Where the token server learns whether a session is live and what its proofs are (ARCHITECTURE.md section 4).
 * In Kubernetes: the {@code AgenticSession} resource and its proofs Secret. In local mode: the control plane's session
 * registry. Implementations never reuse a "live" answer for longer than 5 seconds, so a stopped session stops
 * minting promptly.
 */
public interface SessionDirectory {

    /**
     * The session with this id, or empty when there is none.
     *
     * @throws SessionDirectoryUnavailableException when the source cannot be asked right now (the caller answers 503)
     */
    Optional<SessionRecord> find(String sessionId);

    /** True once the directory can answer (e.g. its watch has synced). */
    boolean isReady();
}
