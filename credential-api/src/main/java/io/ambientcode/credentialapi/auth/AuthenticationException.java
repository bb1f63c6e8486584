package io.ambientcode.credentialapi.auth;

/**
 * A bearer token that does not authenticate. {@code reason} is a short, value-free explanation safe to return
 * (e.g. "token expired"); the token itself never appears in it.
 */
public final class AuthenticationException extends Exception {

    private final String code;

    public AuthenticationException(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** {@code missing_token} or {@code invalid_token}. */
    public String code() {
        return code;
    }

    public static AuthenticationException invalid(String reason) {
        return new AuthenticationException("invalid_token", reason);
    }
}
