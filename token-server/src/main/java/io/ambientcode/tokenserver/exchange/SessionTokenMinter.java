package io.ambientcode.tokenserver.exchange;

import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.tokenserver.keys.SigningKey;
import io.ambientcode.tokenserver.session.SessionRecord;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints the session JWT (ARCHITECTURE.md section 4): scoped to one session and one provider, listing only that
 * provider's credential, bound to the sidecar's ephemeral key through {@code cnf.jwk}.
 */
public final class SessionTokenMinter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;

    public SessionTokenMinter(Duration lifetime) {
        if (lifetime.compareTo(SessionTokenClaims.MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("ambient.token.session-token-lifetime must be between 1s and "
                    + SessionTokenClaims.MAX_LIFETIME.toSeconds() + "s, was " + lifetime.toSeconds() + "s");
        }
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Signs the token; {@code expiresAt} = {@code now + lifetime}, to the second. */
    public String mint(ExchangeAssertion assertion, SessionRecord session, Instant now, SigningKey key) {
        long iat = now.getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(SessionTokenClaims.ISSUER);
        claims.setAudience(SessionTokenClaims.AUDIENCE);
        claims.setSubject(SessionTokenClaims.subject(assertion.sid(), assertion.prv()));
        claims.setClaim(SessionTokenClaims.SESSION_ID, assertion.sid());
        if (session.project() != null) {
            claims.setClaim(SessionTokenClaims.PROJECT, session.project());
        }
        claims.setClaim(SessionTokenClaims.PROVIDER, assertion.prv());
        claims.setClaim(SessionTokenClaims.CREDENTIAL_IDS, session.credentialIdFor(assertion.prv()).map(List::of).orElse(List.of()));
        claims.setClaim(SessionTokenClaims.CONFIRMATION, Map.of(SessionTokenClaims.CONFIRMATION_JWK, assertion.epk().toMap()));
        claims.setIssuedAt(NumericDate.fromSeconds(iat));
        claims.setExpirationTime(NumericDate.fromSeconds(iat + lifetime.toSeconds()));
        claims.setJwtId(newJti());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.privateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("JWT signing failed", e);
        }
    }

    private static String newJti() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
