package io.ambientcode.credentialapi.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns configuration into a {@link Keyring}, or refuses (invariant I6). Pure apart from the development key file.
 * Error messages name versions and settings, never key material.
 */
public final class KeyringFactory {

    /** Profiles in which a generated development key is acceptable when none is configured. */
    public static final Set<String> DEV_PROFILES = Set.of("dev", "local", "test");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final int DEV_KEY_VERSION = 1;

    private KeyringFactory() {
    }

    /**
     * The keyring for the running profiles: the configured keys if any; otherwise, in a development profile, the key
     * in {@code devKeyFile} (created if missing); otherwise an {@link IllegalStateException} that stops start-up.
     */
    public static Keyring forProfiles(Map<String, String> keys, OptionalInt currentVersion, Collection<String> profiles,
            Path devKeyFile) {
        if (!keys.isEmpty()) {
            return fromConfig(keys, currentVersion);
        }
        if (profiles.stream().noneMatch(DEV_PROFILES::contains)) {
            throw new IllegalStateException("No encryption key is configured (ambient.encryption.keys.\"<version>\" and "
                    + "ambient.encryption.current-version); refusing to start in profile(s) " + profiles
                    + ". Only the dev, local and test profiles may use a generated development key.");
        }
        return devKeyring(devKeyFile);
    }

    /** Parses {@code version → base64 key} entries and the current version. */
    public static Keyring fromConfig(Map<String, String> keys, OptionalInt currentVersion) {
        Map<Integer, byte[]> raw = new LinkedHashMap<>();
        keys.forEach((version, encoded) -> {
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("ambient.encryption.keys: version \"" + printable(version)
                        + "\" is not a positive integer without leading zeros");
            }
            raw.put(Integer.parseInt(version), decodeKey(version, encoded));
        });
        int current;
        if (currentVersion.isPresent()) {
            current = currentVersion.getAsInt();
        } else if (raw.size() == 1) {
            current = raw.keySet().iterator().next();
        } else {
            throw new IllegalArgumentException(
                    "ambient.encryption.current-version is required when more than one key version is configured");
        }
        if (!raw.containsKey(current)) {
            throw new IllegalArgumentException("ambient.encryption.current-version=" + current
                    + " names no configured key (configured versions: " + raw.keySet() + ")");
        }
        return Keyring.of(raw, current);
    }

    /** Loads the development key file, creating it with a fresh random key (owner-only) when it does not exist. */
    public static Keyring devKeyring(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String encoded = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Keyring.of(Map.of(DEV_KEY_VERSION, decodeKey(String.valueOf(DEV_KEY_VERSION), encoded)), DEV_KEY_VERSION);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the development encryption key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        byte[] key = new byte[Keyring.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; read theirs
        } catch (UnsupportedOperationException noPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static byte[] decodeKey(String version, String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded == null ? "" : encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encryption key version " + version + " is not valid base64");
        }
        if (bytes.length != Keyring.KEY_BYTES) {
            throw new IllegalArgumentException("encryption key version " + version + " must decode to exactly "
                    + Keyring.KEY_BYTES + " bytes (got " + bytes.length + ")");
        }
        return bytes;
    }

    private static String printable(String s) {
        return s.length() <= 16 && s.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? s : "(unprintable)";
    }
}
