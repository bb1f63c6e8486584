package io.ambientcode.credentialapi.crypto;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption-at-rest keys (ARCHITECTURE.md section 5): key version → AES-256 key, plus the version new values
 * are sealed with. Old versions stay in the ring so rows written under them remain readable until re-encrypted.
 * Immutable; {@link #toString()} names versions only, never key bytes.
 */
public final class Keyring {

    public static final int KEY_BYTES = 32;

    private final SortedMap<Integer, SecretKey> keys;
    private final int currentVersion;

    private Keyring(SortedMap<Integer, SecretKey> keys, int currentVersion) {
        this.keys = Collections.unmodifiableSortedMap(keys);
        this.currentVersion = currentVersion;
    }

    /**
     * Builds a keyring. Every version must be positive, every key exactly 32 bytes, and the current version must be
     * one of the keys; otherwise {@link IllegalArgumentException} (whose message never contains key material).
     */
    public static Keyring of(Map<Integer, byte[]> rawKeys, int currentVersion) {
        if (rawKeys.isEmpty()) {
            throw new IllegalArgumentException("the keyring has no keys");
        }
        SortedMap<Integer, SecretKey> keys = new TreeMap<>();
        rawKeys.forEach((version, bytes) -> {
            if (version == null || version < 1) {
                throw new IllegalArgumentException("key versions must be positive integers");
            }
            if (bytes == null || bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("key version " + version + " is not exactly " + KEY_BYTES + " bytes");
            }
            keys.put(version, new SecretKeySpec(bytes.clone(), "AES"));
        });
        if (!keys.containsKey(currentVersion)) {
            throw new IllegalArgumentException("the current key version " + currentVersion + " has no key");
        }
        return new Keyring(keys, currentVersion);
    }

    /** The version new values are sealed with. */
    public int currentVersion() {
        return currentVersion;
    }

    public Optional<SecretKey> key(int version) {
        return Optional.ofNullable(keys.get(version));
    }

    public SortedSet<Integer> versions() {
        return new TreeSet<>(keys.keySet());
    }

    /** The same keys with another current version (a rotation); the version must have a key. */
    public Keyring withCurrentVersion(int version) {
        if (!keys.containsKey(version)) {
            throw new IllegalArgumentException("key version " + version + " has no key");
        }
        return new Keyring(new TreeMap<>(keys), version);
    }

    @Override
    public String toString() {
        return "Keyring[versions=" + keys.keySet() + ", current=" + currentVersion + "]";
    }
}
