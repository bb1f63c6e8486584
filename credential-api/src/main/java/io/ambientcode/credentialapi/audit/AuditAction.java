package io.ambientcode.credentialapi.audit;

/** What an audit event records. The wire names are stable: owners read them at {@code GET /credentials/{id}/audit}. */
public enum AuditAction {
    TOKEN_READ("token_read"),
    CREDENTIAL_CREATE("credential_create"),
    CREDENTIAL_UPDATE("credential_update"),
    CREDENTIAL_DELETE("credential_delete"),
    BINDING_CREATE("binding_create"),
    BINDING_DELETE("binding_delete");

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
