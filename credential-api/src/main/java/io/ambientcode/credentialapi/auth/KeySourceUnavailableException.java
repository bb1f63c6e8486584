package io.ambientcode.credentialapi.auth;

/** A key set (JWKS) that could not be fetched: a transient failure of the issuer, answered 503, not 401. */
public final class KeySourceUnavailableException extends RuntimeException {

    public KeySourceUnavailableException(String message) {
        super(message, null, false, false);
    }
}
