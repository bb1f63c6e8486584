package io.ambientcode.credentialapi.auth;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.credentialapi.service.Names;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies session tokens from the token server (ARCHITECTURE.md section 4) against its JWKS, and checks every claim
 * the token route relies on: {@code sid}, {@code project}, {@code prv} (a provider with a sidecar), {@code sub}
 * consistent with them, {@code credential_ids}, and {@code cnf.jwk} (a valid P-256 key; without it there is nothing
 * to encrypt the reply to, so the token is refused).
 */
public final class SessionTokenVerifier {

    public static final Set<String> ALGORITHMS = Set.of(SessionTokenClaims.ALGORITHM);
    /** A session token carries the ids of one provider; more than this is not a token the token server mints. */
    static final int MAX_CREDENTIAL_IDS = 16;

    private final JwtConsumer consumer;
    private final long skewSeconds;

    public SessionTokenVerifier(KeyLookup keys, Duration clockSkew) {
        this.skewSeconds = clockSkew.toSeconds();
        this.consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(SessionTokenClaims.ISSUER)
                .setExpectedAudience(SessionTokenClaims.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds((int) skewSeconds)
                .setMaxFutureValidityInMinutes((int) SessionTokenClaims.MAX_LIFETIME.toMinutes() + 1)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        SessionTokenClaims.ALGORITHM))
                .setVerificationKeyResolver(keys.asResolver())
                .build();
    }

    public SessionCaller verify(JwtContext unverified) throws AuthenticationException {
        try {
            consumer.processContext(unverified);
        } catch (InvalidJwtException e) {
            throw JwtRejections.of(e);
        }
        ClaimReader claims = new ClaimReader(unverified.getJwtClaims());
        if (claims.lifetimeSeconds() > SessionTokenClaims.MAX_LIFETIME.toSeconds() + skewSeconds) {
            throw AuthenticationException.invalid("token lifetime too long");
        }
        String sid = claims.requiredString(SessionTokenClaims.SESSION_ID);
        if (!Names.SESSION_ID.matcher(sid).matches()) {
            throw AuthenticationException.invalid("claim 'sid' is not a session id");
        }
        String project = claims.requiredString(SessionTokenClaims.PROJECT);
        if (!Names.isName(project)) {
            throw AuthenticationException.invalid("claim 'project' is not a project name");
        }
        String provider = claims.requiredString(SessionTokenClaims.PROVIDER);
        if (!Provider.isSupported(provider)) {
            throw AuthenticationException.invalid("claim 'prv' is not a provider with a sidecar");
        }
        if (!SessionTokenClaims.subject(sid, provider).equals(claims.requiredString("sub"))) {
            throw AuthenticationException.invalid("claim 'sub' does not match 'sid' and 'prv'");
        }
        List<String> ids = claims.stringList(SessionTokenClaims.CREDENTIAL_IDS, true);
        if (ids.size() > MAX_CREDENTIAL_IDS || !ids.stream().allMatch(id -> CredentialApiPaths.CREDENTIAL_ID.matcher(id).matches())) {
            throw AuthenticationException.invalid("claim 'credential_ids' is not a list of credential ids");
        }
        ECPublicKey confirmationKey = confirmationKey(claims);
        String jti = claims.requiredString("jti");
        return new SessionCaller(sid, project, provider, new LinkedHashSet<>(ids), confirmationKey, jti);
    }

    private static ECPublicKey confirmationKey(ClaimReader claims) throws AuthenticationException {
        Map<?, ?> cnf = claims.requiredObject(SessionTokenClaims.CONFIRMATION);
        if (!(cnf.get(SessionTokenClaims.CONFIRMATION_JWK) instanceof Map<?, ?> jwk)) {
            throw AuthenticationException.invalid("claim 'cnf.jwk' missing");
        }
        try {
            return EcPublicJwk.fromMap(jwk).toPublicKey();
        } catch (IllegalArgumentException e) {
            throw AuthenticationException.invalid("claim 'cnf.jwk' is not a P-256 public key");
        }
    }
}
