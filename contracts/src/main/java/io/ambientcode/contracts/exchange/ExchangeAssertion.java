package io.ambientcode.contracts.exchange;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The v2 exchange plaintext (ARCHITECTURE.md section 4), field order as on the wire:
 * {@code {"v":2,"sid":…,"prv":…,"iat":…,"nonce":…,"proof":…,"epk":{…}}}.
 */
@JsonPropertyOrder({ "v", "sid", "prv", "iat", "nonce", "proof", "epk" })
public record ExchangeAssertion(int v, String sid, String prv, long iat, String nonce, String proof, EcPublicJwk epk) {

    public static final int VERSION = 2;
    /** Session ids: what the control plane hands out (Kubernetes uids and local-mode ids both fit). */
    public static final Pattern SESSION_ID = Pattern.compile("[a-zA-Z0-9-]{8,64}");
    /** 16 random bytes, base64url without padding. */
    public static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22}");
    /** Proofs are 32 random bytes base64url (43 chars); any base64url string of 16 to 128 chars is well-formed. */
    public static final Pattern PROOF = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A fresh assertion for now, with a random nonce. */
    public static ExchangeAssertion create(String sessionId, String provider, String proof, EcPublicJwk epk,
            long nowEpochSeconds) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return new ExchangeAssertion(VERSION, sessionId, provider, nowEpochSeconds,
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), proof, epk);
    }

    /** Hides the proof: records print their fields, and a proof must never reach a log. */
    @Override
    public String toString() {
        return "ExchangeAssertion[v=" + v + ", sid=" + sid + ", prv=" + prv + ", iat=" + iat + ", proof=<hidden>]";
    }
}
