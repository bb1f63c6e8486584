package io.ambientcode.credentialapi.auth;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Turns a jose4j rejection into a short, value-free reason. jose4j's own messages quote the token and its claims,
 * so they are never logged or returned; only error codes are read.
 */
final class JwtRejections {

    private JwtRejections() {
    }

    static AuthenticationException of(InvalidJwtException e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof KeySourceUnavailableException unavailable) {
                throw unavailable;
            }
            if (t instanceof UnresolvableKeyException) {
                return AuthenticationException.invalid("unknown signing key");
            }
            t = t.getCause();
        }
        if (e.hasExpired()) {
            return AuthenticationException.invalid("token expired");
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return AuthenticationException.invalid("signature invalid");
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return AuthenticationException.invalid("issuer not accepted");
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return AuthenticationException.invalid("audience not accepted");
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return AuthenticationException.invalid("token not yet valid");
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || e.hasErrorCode(ErrorCodes.ISSUED_AT_MISSING)
                || e.hasErrorCode(ErrorCodes.SUBJECT_MISSING) || e.hasErrorCode(ErrorCodes.JWT_ID_MISSING)) {
            return AuthenticationException.invalid("required claim missing");
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_TOO_FAR_IN_FUTURE)) {
            return AuthenticationException.invalid("token lifetime too long");
        }
        if (e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return AuthenticationException.invalid("malformed claim");
        }
        return AuthenticationException.invalid("token rejected");
    }
}
