package io.ambientcode.tokenserver.spec;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;

/**
 * The worked example of docs/specs/token-exchange.md, computed from the fake keys in
 * {@code src/test/resources/spec-example}. Run {@link #main} to print fresh blocks for the document; the test checks the
 * document against this class.
 */
public final class SpecExample {

    public static final String SID = "6f1c2b9e-4d3a-4e5f-8a7b-0c1d2e3f4a5b";
    public static final String PROVIDER = "github";
    public static final String PROJECT = "payments";
    public static final String CREDENTIAL_ID = "cred-7Hq2Lm9Xw4";
    public static final long IAT = 1_764_400_000L;
    public static final String NONCE = "q5v0Q2bUe3W9yJtYz1n8xA";
    public static final String PROOF = "kT3q9yW0zV8uR4sL2mN6pB1cX7dF5gH0jK9lQ3wE4rA";
    public static final String JTI = "Zx8Kq1Vb7Nc3Md5Lp9Wr2A";

    public final RSAPrivateCrtKey exchangePrivate;
    public final RSAPublicKey exchangePublic;
    public final RSAPrivateCrtKey signingPrivate;
    public final String signingKid;
    public final ECPrivateKey ephemeralPrivate;
    public final ECPublicKey ephemeralPublic;

    public SpecExample() {
        try {
            exchangePrivate = Pem.parseRsaPrivateKey(read("exchange-private.pem"));
            exchangePublic = Pem.parseRsaPublicKey(read("exchange-public.pem"));
            signingPrivate = Pem.parseRsaPrivateKey(read("signing-private.pem"));
            signingKid = io.ambientcode.tokenserver.keys.SigningKey.of(signingPrivate, Pem.publicKeyOf(signingPrivate)).kid();
            KeyFactory ec = KeyFactory.getInstance("EC");
            ephemeralPrivate = (ECPrivateKey) ec.generatePrivate(new PKCS8EncodedKeySpec(der(read("sidecar-ephemeral-private.pem"))));
            ephemeralPublic = (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(der(read("sidecar-ephemeral-public.pem"))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the spec example keys", e);
        }
    }

    public ExchangeAssertion assertion() {
        return new ExchangeAssertion(2, SID, PROVIDER, IAT, NONCE, PROOF, EcPublicJwk.of(ephemeralPublic));
    }

    /** The plaintext, byte for byte. */
    public String plaintext() {
        return new String(ExchangeCodec.plaintext(assertion()), StandardCharsets.UTF_8);
    }

    /** The JWT claims in the order the token server writes them. */
    public Map<String, Object> claims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", SessionTokenClaims.ISSUER);
        c.put("aud", SessionTokenClaims.AUDIENCE);
        c.put("sub", SessionTokenClaims.subject(SID, PROVIDER));
        c.put("sid", SID);
        c.put("project", PROJECT);
        c.put("prv", PROVIDER);
        c.put("credential_ids", List.of(CREDENTIAL_ID));
        c.put("cnf", Map.of("jwk", EcPublicJwk.of(ephemeralPublic).toMap()));
        c.put("iat", IAT);
        c.put("exp", IAT + SessionTokenClaims.DEFAULT_LIFETIME.toSeconds());
        c.put("jti", JTI);
        return c;
    }

    public String claimsJson() throws IOException {
        return new ObjectMapper().writeValueAsString(claims());
    }

    /** RS256 (PKCS#1 v1.5) is deterministic: the same key and claims always give the same JWT. */
    public String jwt() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(signingKid);
        jws.setHeader("typ", "JWT");
        jws.setKey(signingPrivate);
        return jws.getCompactSerialization();
    }

    public String replyJson() throws Exception {
        String expiresAt = Instant.ofEpochSecond(IAT + SessionTokenClaims.DEFAULT_LIFETIME.toSeconds()).toString();
        return new ObjectMapper().writeValueAsString(new ExchangeReply(jwt(), ExchangeReply.TOKEN_TYPE, expiresAt));
    }

    public static void main(String[] args) throws Exception {
        SpecExample ex = new SpecExample();
        System.out.println("plaintext (" + ex.plaintext().length() + " bytes):\n" + ex.plaintext());
        System.out.println("authorization:\n" + ExchangeCodec.authorizationHeader(ex.assertion(), ex.exchangePublic));
        System.out.println("claims:\n" + ex.claimsJson());
        System.out.println("jwt:\n" + ex.jwt());
        System.out.println("reply:\n" + ex.replyJson());
        System.out.println("jwe:\n" + Jwe.encrypt(ex.replyJson(), ex.ephemeralPublic));
        System.out.println("kid: " + ex.signingKid);
    }

    private static String read(String name) throws IOException {
        try (InputStream in = SpecExample.class.getResourceAsStream("/spec-example/" + name)) {
            if (in == null) {
                throw new IOException("missing /spec-example/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
