package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.jwt.UserClaims;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies the user tokens {@code acpctl} signs with the local development issuer: RS256 with the key in
 * {@code <data-dir>/dev-issuer.pub.pem}, {@code iss=ambient-local-dev}, {@code aud=ambient-credential-api}, unexpired,
 * with a subject. Only the local runtime (which needs the local profile) has an instance of this class, so the
 * development issuer is refused everywhere else.
 */
public final class DevUserTokens {

    private final JwtConsumer consumer;

    /** Why a token was refused, in words that never quote the token. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    public DevUserTokens(RSAPublicKey key) {
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(UserClaims.LOCAL_DEV_ISSUER)
                .setExpectedAudience(UserClaims.AUDIENCE)
                .setVerificationKey(key)
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256))
                .build();
    }

    /** Loads {@code dev-issuer.pub.pem} from the data directory; missing or unreadable stops the runtime (I6). */
    public static DevUserTokens load(Path publicKeyFile) {
        try {
            return new DevUserTokens(Pem.parseRsaPublicKey(Files.readString(publicKeyFile, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the development issuer's public key " + publicKeyFile
                    + " (acpctl up writes it)", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(publicKeyFile + ": " + e.getMessage());
        }
    }

    /** The user of a {@code Authorization: Bearer <jwt>} header. */
    public LocalUser verify(String authorization) throws Refused {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Refused("a user token is required (acpctl login)");
        }
        String jwt = authorization.substring(7).strip();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(jwt);
        } catch (InvalidJwtException e) {
            throw new Refused(e.hasExpired() ? "the user token expired (acpctl login)"
                    : "the user token is not a valid token of the local development issuer");
        }
        try {
            List<String> groups = claims.hasClaim(UserClaims.GROUPS) ? claims.getStringListClaimValue(UserClaims.GROUPS)
                    : List.of();
            return LocalUser.of(claims.getSubject(), Optional.ofNullable(groups).orElse(List.of()));
        } catch (MalformedClaimException e) {
            throw new Refused("the user token's groups claim is not a list of strings");
        }
    }
}
