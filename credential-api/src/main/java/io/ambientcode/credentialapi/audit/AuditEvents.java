package io.ambientcode.credentialapi.audit;

import io.ambientcode.credentialapi.auth.Caller;
import io.ambientcode.credentialapi.auth.SessionCaller;
import io.ambientcode.credentialapi.store.BindingRecord;
import io.ambientcode.credentialapi.store.Ids;
import io.ambientcode.credentialapi.store.Timestamps;

/** Builds audit events for the actions this service records. */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** A change to a credential by a user. */
    public static AuditEvent credential(Caller actor, AuditAction action, String credentialId, String provider) {
        return new AuditEvent(Ids.newId(), Timestamps.now(), credentialId, action, AuditOutcome.SUCCESS, null,
                actor.kind(), actor.actor(), null, provider, null, null, null);
    }

    /** A binding created or deleted (directly, or by a forced credential delete). */
    public static AuditEvent binding(Caller actor, AuditAction action, BindingRecord b) {
        return new AuditEvent(Ids.newId(), Timestamps.now(), b.credentialId(), action, AuditOutcome.SUCCESS, null,
                actor.kind(), actor.actor(), null, b.provider(), b.project(), b.agent(), b.id());
    }

    /** A token read by a session, whatever its outcome. */
    public static AuditEvent tokenRead(SessionCaller session, String credentialId, AuditOutcome outcome, String reason) {
        return new AuditEvent(Ids.newId(), Timestamps.now(), credentialId, AuditAction.TOKEN_READ, outcome, reason,
                session.kind(), session.actor(), session.sessionId(), session.provider(), session.project(), null, null);
    }
}
