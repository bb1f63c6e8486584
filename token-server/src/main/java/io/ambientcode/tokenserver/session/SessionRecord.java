package io.ambientcode.tokenserver.session;

import io.ambientcode.contracts.session.SessionPhase;
import java.util.Map;
import java.util.Optional;

/**
 * What the token server needs to know about a session: whether it is live, its project, the credential resolved for
 * each provider, and each sidecar's proof. Proofs are only loaded for live sessions.
 */
public record SessionRecord(
        String sessionId,
        String project,
        SessionPhase phase,
        Map<String, String> credentialIds,
        Map<String, String> proofs) {

    public SessionRecord {
        credentialIds = credentialIds == null ? Map.of() : Map.copyOf(credentialIds);
        proofs = proofs == null ? Map.of() : Map.copyOf(proofs);
    }

    public boolean isLive() {
        return SessionPhase.isLive(phase);
    }

    public Optional<String> proofFor(String provider) {
        return Optional.ofNullable(proofs.get(provider));
    }

    public Optional<String> credentialIdFor(String provider) {
        return Optional.ofNullable(credentialIds.get(provider));
    }

    @Override
    public String toString() {
        return "SessionRecord[sid=" + sessionId + ", project=" + project + ", phase=" + phase + ", proofs=<hidden>]";
    }
}
