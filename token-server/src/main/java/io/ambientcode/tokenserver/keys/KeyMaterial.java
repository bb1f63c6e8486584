package io.ambientcode.tokenserver.keys;

import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys in use: the RSA-4096 exchange key (and a previous one during its grace period) and the RS256 signing key
 * (and the previous one, still published in JWKS so tokens it signed stay verifiable until they expire).
 */
public record KeyMaterial(
        RSAPrivateCrtKey exchangeKey,
        RSAPublicKey exchangePublicKey,
        Optional<RSAPrivateCrtKey> previousExchangeKey,
        Optional<Instant> previousExchangeKeyUntil,
        SigningKey signingKey,
        Optional<SigningKey> previousSigningKey,
        Instant signingKeyCreatedAt) {

    /** Keys to try, in order, when decrypting an assertion at {@code now}. */
    public List<PrivateKey> exchangeKeysAt(Instant now) {
        List<PrivateKey> keys = new ArrayList<>(2);
        keys.add(exchangeKey);
        if (previousExchangeKey.isPresent() && previousExchangeKeyUntil.map(now::isBefore).orElse(false)) {
            keys.add(previousExchangeKey.get());
        }
        return keys;
    }

    /** Signing keys published in JWKS: current first. */
    public List<SigningKey> publishedSigningKeys() {
        List<SigningKey> keys = new ArrayList<>(2);
        keys.add(signingKey);
        previousSigningKey.ifPresent(keys::add);
        return keys;
    }

    @Override
    public String toString() {
        return "KeyMaterial[signing=" + signingKey.kid() + "]";
    }
}
