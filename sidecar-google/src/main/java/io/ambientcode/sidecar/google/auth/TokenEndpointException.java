package io.ambientcode.sidecar.google.auth;

/**
 * The token endpoint refused a grant. {@link #credentialRefused()} is true for {@code invalid_grant} (revoked or
 * expired refresh token, unknown or disabled service-account key, bad delegation subject) and {@code invalid_client}:
 * the stored credential itself is bad, so it is worth fetching it again in case the user rotated it. Thrown past
 * {@link io.ambientcode.sidecar.credential.CredentialScope} on purpose (it is no {@code UpstreamException}): the
 * credential refresh it calls for is done by {@link AccessTokens}, and the API client turns it into the tool error.
 */
public final class TokenEndpointException extends RuntimeException {

    private final int status;
    private final String error;

    public TokenEndpointException(int status, String error, String description) {
        this(status, error, error + (description == null || description.isBlank() ? "" : ": " + description.strip()), 0);
    }

    private TokenEndpointException(int status, String error, String message, int unused) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    /** The same refusal with advice for the caller appended to the message. */
    public TokenEndpointException withAdvice(String advice) {
        return new TokenEndpointException(status, error, getMessage() + (getMessage().endsWith(".") ? " " : ". ") + advice, 0);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public boolean credentialRefused() {
        return error.equals("invalid_grant") || error.equals("invalid_client") || error.equals("unauthorized_client");
    }
}
