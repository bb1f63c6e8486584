package io.ambientcode.sidecar.exchange;

/**
 * A failed exchange or credential fetch. {@link #permanent()} decides between retrying with backoff and giving up
 * (a 403 from the token server: session inactive or wrong proof). The message is safe to log and to show in a tool
 * error: stage, status and the server's stable error code, never a body, token or proof.
 */
public final class CredentialFailure extends Exception {

    /** Where it failed. */
    public enum Stage {
        EXCHANGE, FETCH
    }

    private final Stage stage;
    private final int status;
    private final String code;
    private final boolean permanent;

    public CredentialFailure(Stage stage, int status, String code, boolean permanent) {
        super(stage.name().toLowerCase() + " failed: " + (status == 0 ? "" : "HTTP " + status + " ") + code
                + (permanent ? " (permanent)" : " (will retry)"), null, false, false);
        this.stage = stage;
        this.status = status;
        this.code = code;
        this.permanent = permanent;
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
