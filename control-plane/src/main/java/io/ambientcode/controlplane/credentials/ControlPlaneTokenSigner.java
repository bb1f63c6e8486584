package io.ambientcode.controlplane.credentials;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.jwt.ControlPlaneClaims;
import io.ambientcode.controlplane.config.ControlPlaneConfig;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The control plane's own short-lived JWT for the credential API (ARCHITECTURE.md section 5): RS256 with the
 * configured key, {@code iss=ambient-control-plane}, {@code aud=ambient-credential-api},
 * {@code sub=system:ambient-control-plane}, {@code role=control-plane}, at most five minutes. A token is reused until
 * shortly before it expires. Neither the key nor a token is ever logged.
 */
@Singleton
public class ControlPlaneTokenSigner {

    static final String KEY_PROPERTY = "ambient.control-plane.credential-api.signing-key";
    static final String KEY_FILE_PROPERTY = "ambient.control-plane.credential-api.signing-key-file";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RSAPrivateKey key;
    private final Optional<String> keyId;
    private final Duration lifetime;
    private final Clock clock;
    private volatile Minted current;

    private record Minted(String token, Instant renewAfter) {
    }

    @Inject
    public ControlPlaneTokenSigner(ControlPlaneConfig config, Clock clock) {
        this(loadKey(config.credentialApi()), config.credentialApi().signingKeyId(), config.credentialApi().tokenLifetime(),
                clock);
    }

    public ControlPlaneTokenSigner(RSAPrivateKey key, Optional<String> keyId, Duration lifetime, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(ControlPlaneClaims.MAX_LIFETIME) > 0) {
            throw new IllegalStateException("ambient.control-plane.credential-api.token-lifetime must be above 0 and at most "
                    + ControlPlaneClaims.MAX_LIFETIME.toSeconds() + "s");
        }
        this.key = key;
        this.keyId = keyId.filter(k -> !k.isBlank());
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A valid token: the cached one while it has more than a quarter of its life left, else a new one. */
    public String token() {
        Instant now = clock.instant();
        Minted minted = current;
        if (minted == null || !now.isBefore(minted.renewAfter())) {
            String token = sign(now);
            minted = new Minted(token, now.plus(lifetime.multipliedBy(3).dividedBy(4)));
            current = minted;
        }
        return minted.token();
    }

    String sign(Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ControlPlaneClaims.ISSUER);
        claims.setAudience(ControlPlaneClaims.AUDIENCE);
        claims.setSubject(ControlPlaneClaims.SUBJECT);
        claims.setClaim(ControlPlaneClaims.ROLE_CLAIM, ControlPlaneClaims.ROLE);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        byte[] jti = new byte[16];
        RANDOM.nextBytes(jti);
        claims.setJwtId(Base64.getUrlEncoder().withoutPadding().encodeToString(jti));

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        keyId.ifPresent(jws::setKeyIdHeaderValue);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the control plane's credential API token", e);
        }
    }

    /** Exactly one of the PEM text and the PEM file; errors name the property, never the key. */
    static RSAPrivateKey loadKey(ControlPlaneConfig.CredentialApi config) {
        if (config.signingKey().isPresent() == config.signingKeyFile().isPresent()) {
            throw new IllegalStateException("configure exactly one of " + KEY_PROPERTY + " and " + KEY_FILE_PROPERTY);
        }
        String pem;
        String source;
        if (config.signingKey().isPresent()) {
            pem = config.signingKey().get();
            source = KEY_PROPERTY;
        } else {
            source = KEY_FILE_PROPERTY;
            try {
                pem = Files.readString(config.signingKeyFile().get(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException(source + ": cannot read " + config.signingKeyFile().get() + " ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            return Pem.parseRsaPrivateKey(pem);
        } catch (IllegalArgumentException e) {
            // Pem's messages never contain key material.
            throw new IllegalStateException(source + ": " + e.getMessage());
        }
    }
}
