package io.ambientcode.contracts.crypto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A P-256 public key as a JWK ({@code {"kty":"EC","crv":"P-256","x":…,"y":…}}): the sidecar's ephemeral key
 * that the token server and the credential API encrypt their replies to, and the {@code cnf.jwk} of a session token.
 */
@JsonPropertyOrder({ "kty", "crv", "x", "y" })
public record EcPublicJwk(String kty, String crv, String x, String y) {

    public static final String KTY = "EC";
    public static final String CRV = "P-256";
    private static final int COORDINATE_BYTES = 32;
    private static final ECParameterSpec P256 = p256();

    /** Builds the JWK of a P-256 public key. */
    public static EcPublicJwk of(ECPublicKey key) {
        ECPoint w = key.getW();
        return new EcPublicJwk(KTY, CRV, coordinate(w.getAffineX()), coordinate(w.getAffineY()));
    }

    /** Reads a JWK from a JSON object (e.g. a parsed claim); throws on anything that is not a valid P-256 key. */
    public static EcPublicJwk fromMap(Map<?, ?> map) {
        if (map == null || map.size() != 4) {
            throw new IllegalArgumentException("epk must have exactly kty, crv, x and y");
        }
        EcPublicJwk jwk = new EcPublicJwk(str(map, "kty"), str(map, "crv"), str(map, "x"), str(map, "y"));
        jwk.toPublicKey();
        return jwk;
    }

    /** The JWK as an ordered map, for embedding as a JSON object (e.g. {@code cnf.jwk}). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", kty);
        m.put("crv", crv);
        m.put("x", x);
        m.put("y", y);
        return m;
    }

    /**
     * Converts to a Java key, validating everything a peer could get wrong: key type, curve, coordinate encoding
     * and that the point lies on the curve (an off-curve point would otherwise fail deep inside ECDH).
     */
    public ECPublicKey toPublicKey() {
        if (!KTY.equals(kty) || !CRV.equals(crv)) {
            throw new IllegalArgumentException("epk must be kty EC on curve P-256");
        }
        BigInteger px = decodeCoordinate(x, "x");
        BigInteger py = decodeCoordinate(y, "y");
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        if (px.compareTo(p) >= 0 || py.compareTo(p) >= 0) {
            throw new IllegalArgumentException("epk coordinate out of range");
        }
        BigInteger lhs = py.pow(2).mod(p);
        BigInteger rhs = px.pow(3).add(P256.getCurve().getA().multiply(px)).add(P256.getCurve().getB()).mod(p);
        if (!lhs.equals(rhs)) {
            throw new IllegalArgumentException("epk is not a point on P-256");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(px, py), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("epk is not a usable P-256 key", e);
        }
    }

    private static BigInteger decodeCoordinate(String value, String name) {
        if (value == null || !value.matches("[A-Za-z0-9_-]{43}")) {
            throw new IllegalArgumentException("epk." + name + " must be 32 bytes, base64url without padding");
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static String coordinate(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        if (raw.length > COORDINATE_BYTES) {
            raw = Arrays.copyOfRange(raw, raw.length - COORDINATE_BYTES, raw.length);
        }
        System.arraycopy(raw, 0, fixed, COORDINATE_BYTES - raw.length, raw.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String str(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("epk." + key + " must be a string");
        }
        return s;
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is not available in this JVM", e);
        }
    }
}
