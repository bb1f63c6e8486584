package io.ambientcode.credentialapi.support;

import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.contracts.jwt.UserClaims;
import java.security.Key;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Mints the three kinds of JWT the service accepts, plus every way to get them wrong. Every token minted is
 * registered as a secret for the leak scan.
 */
public final class Jwts {

    private final Map<String, Object> claims = new LinkedHashMap<>();
    private Key key;
    private String kid;
    private String algorithm = AlgorithmIdentifiers.RSA_USING_SHA256;

    private Jwts(Key key, String kid) {
        this.key = key;
        this.kid = kid;
        long now = System.currentTimeMillis() / 1000;
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("jti", UUID.randomUUID().toString());
    }

    /** A user token from the configured issuer. */
    public static Jwts user(String subject, String... groups) {
        Jwts j = new Jwts(TestKeys.userKey(), "user-key");
        j.claims.put("iss", TestKeys.USER_ISSUER);
        j.claims.put("aud", UserClaims.AUDIENCE);
        j.claims.put("sub", subject);
        j.claims.put(UserClaims.GROUPS, List.of(groups));
        return j;
    }

    /** A control-plane token signed with the control plane's key. */
    public static Jwts controlPlane() {
        Jwts j = new Jwts(TestKeys.controlPlaneKey(), null);
        j.claims.put("iss", ControlPlaneClaims.ISSUER);
        j.claims.put("aud", ControlPlaneClaims.AUDIENCE);
        j.claims.put("sub", ControlPlaneClaims.SUBJECT);
        j.claims.put(ControlPlaneClaims.ROLE_CLAIM, ControlPlaneClaims.ROLE);
        return j;
    }

    /** A session token as the token server mints it, bound to the sidecar's ephemeral key. */
    public static Jwts session(String sessionId, String project, String provider, List<String> credentialIds,
            KeyPair ephemeral) {
        Jwts j = new Jwts(TestKeys.tokenServerKey(), TestKeys.tokenServerKid());
        j.claims.put("iss", SessionTokenClaims.ISSUER);
        j.claims.put("aud", SessionTokenClaims.AUDIENCE);
        j.claims.put("sub", SessionTokenClaims.subject(sessionId, provider));
        j.claims.put(SessionTokenClaims.SESSION_ID, sessionId);
        j.claims.put(SessionTokenClaims.PROJECT, project);
        j.claims.put(SessionTokenClaims.PROVIDER, provider);
        j.claims.put(SessionTokenClaims.CREDENTIAL_IDS, List.copyOf(credentialIds));
        j.claims.put(SessionTokenClaims.CONFIRMATION,
                Map.of(SessionTokenClaims.CONFIRMATION_JWK, EcPublicJwk.of((ECPublicKey) ephemeral.getPublic()).toMap()));
        return j;
    }

    public Jwts claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    public Jwts without(String name) {
        claims.remove(name);
        return this;
    }

    /** exp (and iat) relative to now, in seconds. */
    public Jwts expiresIn(long seconds) {
        long now = System.currentTimeMillis() / 1000;
        claims.put("exp", now + seconds);
        if (seconds < 0) {
            claims.put("iat", now + seconds - 300);
        }
        return this;
    }

    public Jwts signedWith(Key key, String kid) {
        this.key = key;
        this.kid = kid;
        return this;
    }

    public Jwts algorithm(String algorithm) {
        this.algorithm = algorithm;
        return this;
    }

    public String mint() {
        try {
            JwtClaims c = JwtClaims.parse(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims));
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(c.toJson());
            jws.setAlgorithmHeaderValue(algorithm);
            if (kid != null) {
                jws.setKeyIdHeaderValue(kid);
            }
            if (AlgorithmIdentifiers.NONE.equals(algorithm)) {
                jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            } else {
                jws.setKey(key);
                jws.setDoKeyValidation(false);
            }
            return TestSecrets.register(jws.getCompactSerialization());
        } catch (JoseException | org.jose4j.jwt.consumer.InvalidJwtException
                | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
