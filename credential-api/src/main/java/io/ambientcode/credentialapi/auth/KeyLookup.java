package io.ambientcode.credentialapi.auth;

import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

/** Where an issuer's verification key comes from: one configured key, or a JWKS by {@code kid}. */
@FunctionalInterface
public interface KeyLookup {

    Optional<PublicKey> key(String kid);

    static KeyLookup fixed(PublicKey key) {
        return kid -> Optional.of(key);
    }

    static KeyLookup jwks(JwksKeySource source) {
        return source::key;
    }

    /** The jose4j view: an unknown kid is an unresolvable key (401), an unreachable JWKS propagates (503). */
    default VerificationKeyResolver asResolver() {
        return new VerificationKeyResolver() {
            @Override
            public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
                    throws UnresolvableKeyException {
                return key(jws.getKeyIdHeaderValue())
                        .orElseThrow(() -> new UnresolvableKeyException("no verification key for this kid"));
            }
        };
    }
}
