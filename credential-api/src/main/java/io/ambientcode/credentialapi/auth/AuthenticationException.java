package io.ambientcode.credentialapi.auth;

import io.ambientcode.credentialapi.service.ErrorCode;

/**
 * A bearer token that does not authenticate. {@code reason} is a short, value-free explanation safe to return
 * (e.g. "token expired"); the token itself never appears in it.
 */
public final class AuthenticationException extends Exception {

    private final ErrorCode code;

    public AuthenticationException(ErrorCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    /** {@link ErrorCode#MISSING_TOKEN} or {@link ErrorCode#INVALID_TOKEN}. */
    public ErrorCode code() {
        return code;
    }

    public static AuthenticationException invalid(String reason) {
        return new AuthenticationException(ErrorCode.INVALID_TOKEN, reason);
    }
}
