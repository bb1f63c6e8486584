package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.local.PrivateFiles;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer key of the session registry API ({@link LocalSessionRegistry}): 32 random bytes, base64url, in
 * {@code <data-dir>/registry.key} (0600). {@code acpctl up} writes it on first run; the control plane writes it if it is
 * missing, and the token server reads it from the same file. Compared in constant time.
 */
public final class RegistryKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_LENGTH = 32;

    private final byte[] key;

    private RegistryKey(String key) {
        this.key = key.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the key, creating it first when the file does not exist. */
    public static RegistryKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(LocalSessionRegistry.KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                PrivateFiles.write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                        .getBytes(StandardCharsets.US_ASCII));
            }
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (value.length() < MIN_LENGTH) {
                throw new IllegalStateException(file + " holds no usable registry key (at least " + MIN_LENGTH
                        + " characters); delete it to have a new one made");
            }
            return new RegistryKey(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the registry key " + file, e);
        }
    }

    /** Whether {@code Authorization} carries this key as a bearer token, compared in constant time. */
    public boolean matches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(presented, key);
    }
}
