package io.ambientcode.sidecar.exchange;

/**
 * A failed exchange or credential fetch. {@link #permanent()} decides between retrying with backoff and giving up
 * (a 403 from the token server: session inactive or wrong proof). The message is safe to log and to show in a tool
 * error: stage, status and the server's stable error code, never a body, token or proof.
 */
public final class CredentialFailure extends Exception {

    /** Where it failed: the token exchange, the credential fetch, or the provider's check of the fetched credential. */
    public enum Stage {
        EXCHANGE, FETCH, CHECK
    }

    /** Code of a fetched credential the provider module cannot use. */
    public static final String UNUSABLE = "unusable_credential";

    private final Stage stage;
    private final int status;
    private final String code;
    private final boolean permanent;

    public CredentialFailure(Stage stage, int status, String code, boolean permanent) {
        this(stage.name().toLowerCase() + " failed: " + (status == 0 ? "" : "HTTP " + status + " ") + code
                + (permanent ? " (permanent)" : " (will retry)"), stage, status, code, permanent);
    }

    private CredentialFailure(String message, Stage stage, int status, String code, boolean permanent) {
        super(message, null, false, false);
        this.stage = stage;
        this.status = status;
        this.code = code;
        this.permanent = permanent;
    }

    /**
     * The credential was fetched but the provider module cannot use it. Not permanent: the user may fix the stored
     * credential, so fetching continues with backoff.
     *
     * @param safeReason the module's reason; names fields, never values
     */
    public static CredentialFailure unusable(String credentialId, String safeReason) {
        return new CredentialFailure("credential " + credentialId + " cannot be used: " + safeReason + " (will retry)",
                Stage.CHECK, 0, UNUSABLE, false);
    }

    public Stage stage() {
        return stage;
    }

    /** HTTP status, or 0 when the request never got an answer. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean permanent() {
        return permanent;
    }
}
