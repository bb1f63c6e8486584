package io.ambientcode.credentialapi.auth;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;

/** Verifies user tokens from the configured OIDC issuer and reads {@code sub} and groups. */
public final class UserTokenVerifier {

    private final String issuer;
    private final Set<String> algorithms;
    private final JwtConsumer consumer;
    private final String groupsClaim;
    private final String platformAdminGroup;

    public UserTokenVerifier(String issuer, List<String> audience, KeyLookup keys, List<String> algorithms,
            Duration clockSkew, String groupsClaim, String platformAdminGroup) {
        this.issuer = issuer;
        this.algorithms = Set.copyOf(algorithms);
        this.groupsClaim = groupsClaim;
        this.platformAdminGroup = platformAdminGroup;
        this.consumer = new JwtConsumerBuilder()
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience.toArray(String[]::new))
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) clockSkew.toSeconds())
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        algorithms.toArray(String[]::new)))
                .setVerificationKeyResolver(keys.asResolver())
                .build();
    }

    public String issuer() {
        return issuer;
    }

    public Set<String> algorithms() {
        return algorithms;
    }

    public UserCaller verify(JwtContext unverified) throws AuthenticationException {
        try {
            consumer.processContext(unverified);
        } catch (InvalidJwtException e) {
            throw JwtRejections.of(e);
        }
        ClaimReader claims = new ClaimReader(unverified.getJwtClaims());
        String subject = claims.requiredString("sub");
        Set<String> groups = new HashSet<>(claims.stringList(groupsClaim, false));
        return new UserCaller(subject, groups, groups.contains(platformAdminGroup));
    }
}
