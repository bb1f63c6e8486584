package io.ambientcode.contracts.exchange;

/**
 * Every way a token exchange can fail, with the HTTP status and the stable error code the token server answers
 * (ARCHITECTURE.md section 4). Sidecars use {@link #isPermanent()} to decide between retrying and giving up.
 */
public enum ExchangeError {

    /** Header missing, not Bearer, bad base64, or it does not decrypt with the exchange key. */
    INVALID_ASSERTION(401, "invalid_assertion", false),
    /** Decrypts, but is not a well-formed v2 assertion. */
    MALFORMED_ASSERTION(400, "malformed_assertion", true),
    /** Decrypts to something that is not JSON: the upstream v1 "encrypted session id" form, refused. */
    LEGACY_EXCHANGE_DISABLED(401, "legacy_exchange_disabled", true),
    /** {@code iat} further than the clock-skew window from the server's clock. */
    STALE_ASSERTION(401, "stale_assertion", false),
    /** The nonce was already used within the replay window. */
    REPLAYED_ASSERTION(401, "replayed_assertion", false),
    /** The session does not exist or is not Pending/Running. */
    SESSION_INACTIVE(403, "session_inactive", true),
    /** The proof does not match the session's proof for that provider. */
    INVALID_PROOF(403, "invalid_proof", true),
    /** Too many exchanges for this session and provider. */
    RATE_LIMITED(429, "rate_limited", false),
    /** The session directory (Kubernetes API, control plane) could not be asked; try again. */
    DIRECTORY_UNAVAILABLE(503, "directory_unavailable", false);

    private final int status;
    private final String code;
    private final boolean permanent;

    ExchangeError(int status, String code, boolean permanent) {
        this.status = status;
        this.code = code;
        this.permanent = permanent;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** True when retrying the same exchange cannot succeed (the sidecar reports it and stops retrying). */
    public boolean isPermanent() {
        return permanent;
    }

    public static java.util.Optional<ExchangeError> byCode(String code) {
        for (ExchangeError e : values()) {
            if (e.code.equals(code)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
