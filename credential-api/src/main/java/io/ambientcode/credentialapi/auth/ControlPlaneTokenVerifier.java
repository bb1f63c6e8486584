package io.ambientcode.credentialapi.auth;

import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Verifies the control plane's short-lived RS256 tokens against its configured public key: iss
 * {@value ControlPlaneClaims#ISSUER}, aud {@value ControlPlaneClaims#AUDIENCE}, sub {@value ControlPlaneClaims#SUBJECT},
 * {@code role} = {@value ControlPlaneClaims#ROLE}, lifetime at most five minutes.
 */
public final class ControlPlaneTokenVerifier {

    public static final Set<String> ALGORITHMS = Set.of(SessionTokenClaims.ALGORITHM);

    private final JwtConsumer consumer;
    private final long skewSeconds;

    public ControlPlaneTokenVerifier(PublicKey key, Duration clockSkew) {
        this.skewSeconds = clockSkew.toSeconds();
        this.consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(ControlPlaneClaims.ISSUER)
                .setExpectedAudience(ControlPlaneClaims.AUDIENCE)
                .setExpectedSubject(ControlPlaneClaims.SUBJECT)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setAllowedClockSkewInSeconds((int) skewSeconds)
                .setMaxFutureValidityInMinutes((int) ControlPlaneClaims.MAX_LIFETIME.toMinutes() + 1)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        SessionTokenClaims.ALGORITHM))
                .setVerificationKey(key)
                .build();
    }

    public ControlPlaneCaller verify(JwtContext unverified) throws AuthenticationException {
        try {
            consumer.processContext(unverified);
        } catch (InvalidJwtException e) {
            throw JwtRejections.of(e);
        }
        ClaimReader claims = new ClaimReader(unverified.getJwtClaims());
        if (!ControlPlaneClaims.ROLE.equals(claims.requiredString(ControlPlaneClaims.ROLE_CLAIM))) {
            throw AuthenticationException.invalid("role not accepted");
        }
        if (claims.lifetimeSeconds() > ControlPlaneClaims.MAX_LIFETIME.toSeconds() + skewSeconds) {
            throw AuthenticationException.invalid("token lifetime too long");
        }
        return new ControlPlaneCaller(ControlPlaneClaims.SUBJECT);
    }
}
