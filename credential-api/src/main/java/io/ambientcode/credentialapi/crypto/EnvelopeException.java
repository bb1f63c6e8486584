package io.ambientcode.credentialapi.crypto;

/**
 * A stored value that cannot be opened. The message names what is wrong, never the value: a stored value is a
 * ciphertext today, but a corrupted row could hold anything, including a plaintext secret.
 */
public final class EnvelopeException extends Exception {

    /** Why a stored value could not be opened. */
    public enum Reason {
        /** Not of the form {@code enc:v<N>:<base64>} with a payload of at least nonce + tag bytes. */
        MALFORMED,
        /** Well-formed, but no configured key has its version. */
        UNKNOWN_KEY_VERSION,
        /** The GCM tag does not verify: tampered bytes, another row's value, or the wrong key. */
        AUTHENTICATION_FAILED
    }

    private final Reason reason;

    public EnvelopeException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
