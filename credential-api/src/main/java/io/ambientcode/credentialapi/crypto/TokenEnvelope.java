package io.ambientcode.credentialapi.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The at-rest envelope of a credential token (ARCHITECTURE.md section 5):
 * {@code enc:v<N>:<base64(nonce12 ‖ ciphertext ‖ tag16)>}, AES-256-GCM under key version N, with the credential id
 * as additional authenticated data so a value copied to another row does not open.
 *
 * <p>Parsing is strict: anything that is not exactly this shape (a plaintext, a truncated value, non-canonical
 * base64, a version with leading zeros) is {@link EnvelopeException.Reason#MALFORMED}, never passed through.
 */
public final class TokenEnvelope {

    public static final String PREFIX = "enc:v";
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;
    private static final Pattern SHAPE = Pattern.compile("enc:v([1-9][0-9]{0,8}):([A-Za-z0-9+/]+={0,2})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keyring keyring;

    public TokenEnvelope(Keyring keyring) {
        this.keyring = keyring;
    }

    public Keyring keyring() {
        return keyring;
    }

    /** Encrypts a token for the row with this credential id, under the current key version. */
    public String seal(String plaintext, String credentialId) {
        int version = keyring.currentVersion();
        SecretKey key = keyring.key(version).orElseThrow();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + version + ":" + Base64.getEncoder().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is not available", e);
        }
    }

    /** Decrypts a stored value of the row with this credential id. */
    public String open(String stored, String credentialId) throws EnvelopeException {
        Parsed parsed = parse(stored);
        SecretKey key = keyring.key(parsed.version()).orElseThrow(() -> new EnvelopeException(
                EnvelopeException.Reason.UNKNOWN_KEY_VERSION, "no key is configured for version " + parsed.version()));
        byte[] payload = parsed.payload();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(credentialId.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new EnvelopeException(EnvelopeException.Reason.AUTHENTICATION_FAILED,
                    "the stored value does not authenticate for this credential under key version " + parsed.version());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is not available", e);
        }
    }

    /** The key version of a stored value, checking its shape but not decrypting it. */
    public static int versionOf(String stored) throws EnvelopeException {
        return parse(stored).version();
    }

    /** A stored value taken apart. */
    record Parsed(int version, byte[] payload) {
    }

    static Parsed parse(String stored) throws EnvelopeException {
        if (stored == null) {
            throw malformed("the stored value is missing");
        }
        Matcher m = SHAPE.matcher(stored);
        if (!m.matches()) {
            throw malformed("the stored value is not an enc:v<N>:<base64> envelope");
        }
        String b64 = m.group(2);
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw malformed("the stored value's payload is not base64");
        }
        // Only the canonical encoding is accepted, so a value that was altered in its padding bits is not "the same".
        if (!Base64.getEncoder().encodeToString(payload).equals(b64)) {
            throw malformed("the stored value's payload is not canonical base64");
        }
        if (payload.length < NONCE_BYTES + TAG_BYTES) {
            Arrays.fill(payload, (byte) 0);
            throw malformed("the stored value's payload is shorter than nonce and tag");
        }
        return new Parsed(Integer.parseInt(m.group(1)), payload);
    }

    private static EnvelopeException malformed(String message) {
        return new EnvelopeException(EnvelopeException.Reason.MALFORMED, message);
    }
}
