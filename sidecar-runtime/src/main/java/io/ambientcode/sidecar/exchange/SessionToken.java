package io.ambientcode.sidecar.exchange;

import java.security.KeyPair;
import java.time.Instant;

/**
 * A session JWT and the ephemeral P-256 key it is bound to ({@code cnf.jwk}). The credential API encrypts its reply
 * to that key, so the pair travels together and is dropped together. {@link #toString()} hides both.
 */
public record SessionToken(String jwt, Instant expiresAt, KeyPair key) {

    @Override
    public String toString() {
        return "SessionToken[expiresAt=" + expiresAt + ", jwt=<hidden>]";
    }
}
