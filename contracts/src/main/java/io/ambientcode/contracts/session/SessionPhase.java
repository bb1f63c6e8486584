package io.ambientcode.contracts.session;

/** Life of a session. Only Pending and Running sessions can obtain session tokens (invariant I3). */
public enum SessionPhase {
    Pending,
    Running,
    Succeeded,
    Failed,
    Stopped;

    /** A session that may still mint tokens. A session without a phase yet counts as Pending. */
    public static boolean isLive(SessionPhase phase) {
        return phase == null || phase == Pending || phase == Running;
    }

    public boolean isTerminal() {
        return this == Succeeded || this == Failed || this == Stopped;
    }
}
