package io.ambientcode.credentialapi.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done (for a token read: the token was delivered). */
    SUCCESS("success"),
    /** Refused by policy (the reason says which rule). */
    DENIED("denied"),
    /** Allowed, but failed (e.g. the stored value did not open). */
    ERROR("error");

    private final String wire;

    AuditOutcome(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
