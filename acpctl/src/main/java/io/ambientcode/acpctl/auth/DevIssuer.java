package io.ambientcode.acpctl.auth;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.jwt.UserClaims;
import io.ambientcode.contracts.local.LocalLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local development user issuer (ARCHITECTURE.md section 6): mints short-lived RS256 user JWTs, issuer
 * {@value UserClaims#LOCAL_DEV_ISSUER}, audience {@code ambient-credential-api}, with the key {@code acpctl up} writes
 * to {@code <data-dir>/dev-issuer.pem}. Every service refuses this issuer outside its local profile.
 */
public final class DevIssuer {

    /** The longest a development token may live; login refuses longer. */
    public static final Duration MAX_TTL = Duration.ofHours(12);

    private final RSAPrivateCrtKey key;
    private final String keyId;

    private DevIssuer(RSAPrivateCrtKey key) {
        this.key = key;
        this.keyId = new RsaJsonWebKey(Pem.publicKeyOf(key)).calculateBase64urlEncodedThumbprint("SHA-256");
    }

    public static DevIssuer of(RSAPrivateCrtKey key) {
        return new DevIssuer(key);
    }

    /** Loads the key from a local data directory; a missing key means the suite was never started there. */
    public static DevIssuer load(Path dataDir) {
        Path file = dataDir.resolve(LocalLayout.DEV_ISSUER_KEY);
        if (!Files.isRegularFile(file)) {
            throw CliException.notAvailable("no development issuer key at " + file + ": run acpctl up first");
        }
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw CliException.general("cannot read the development issuer key " + file + ": " + e.getClass().getSimpleName());
        }
        try {
            return new DevIssuer(Pem.parseRsaPrivateKey(pem));
        } catch (IllegalArgumentException e) {
            throw CliException.general("the development issuer key " + file + " is not usable: " + e.getMessage());
        }
    }

    public String keyId() {
        return keyId;
    }

    /** A signed user token for {@code subject} with {@code groups}, valid from {@code now} for {@code ttl}. */
    public String mint(String subject, List<String> groups, Instant now, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(UserClaims.LOCAL_DEV_ISSUER);
        claims.setAudience(UserClaims.AUDIENCE);
        claims.setSubject(subject);
        claims.setStringListClaim(UserClaims.GROUPS, groups);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(ttl).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a development user token");
        }
    }
}
