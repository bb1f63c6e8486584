package io.ambientcode.tokenserver.keys;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.jose4j.jwk.RsaJsonWebKey;

/** An RS256 signing key and its {@code kid} (the RFC 7638 thumbprint of its public half). */
public record SigningKey(String kid, RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {

    public static SigningKey of(RSAPrivateCrtKey privateKey, RSAPublicKey publicKey) {
        String kid = new RsaJsonWebKey(publicKey).calculateBase64urlEncodedThumbprint("SHA-256");
        return new SigningKey(kid, privateKey, publicKey);
    }

    /** The public JWK as JWKS lists it. */
    public RsaJsonWebKey publicJwk() {
        RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
        jwk.setKeyId(kid);
        jwk.setAlgorithm("RS256");
        jwk.setUse("sig");
        return jwk;
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
