package io.ambientcode.credentialapi.audit;

import java.time.Instant;

/**
 * One audit row. Identifiers and outcomes only, never a value: a token, a request body or a decrypted secret has no
 * field here to go into.
 *
 * @param actorKind {@code user}, {@code control-plane} or {@code session}
 * @param actor the user's {@code sub}, the control plane's {@code sub}, or the session id
 * @param reason a stable code for denials and errors (e.g. {@code not_bound}), null on success
 */
public record AuditEvent(
        String id,
        Instant occurredAt,
        String credentialId,
        AuditAction action,
        AuditOutcome outcome,
        String reason,
        String actorKind,
        String actor,
        String sessionId,
        String provider,
        String project,
        String agent,
        String bindingId) {
}
