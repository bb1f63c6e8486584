package io.ambientcode.contracts.jwt;

import java.time.Duration;

/**
 * Claims of the session token the token server mints and the credential API accepts (ARCHITECTURE.md section 4).
 * RS256, {@code kid} set; {@code sub} = {@code session:<sid>:<prv>}; {@code cnf.jwk} binds it to the sidecar's
 * ephemeral key (RFC 7800), so the credential API encrypts its reply to that key.
 */
public final class SessionTokenClaims {

    public static final String ISSUER = "ambient-token-server";
    public static final String AUDIENCE = "ambient-credential-api";
    public static final String ALGORITHM = "RS256";

    public static final String SESSION_ID = "sid";
    public static final String PROJECT = "project";
    public static final String PROVIDER = "prv";
    public static final String CREDENTIAL_IDS = "credential_ids";
    public static final String CONFIRMATION = "cnf";
    public static final String CONFIRMATION_JWK = "jwk";

    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(600);
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(900);

    private static final String SUBJECT_PREFIX = "session:";

    private SessionTokenClaims() {
    }

    public static String subject(String sessionId, String provider) {
        return SUBJECT_PREFIX + sessionId + ":" + provider;
    }
}
