package io.ambientcode.credentialapi.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/** Encryption at rest of credential tokens (ARCHITECTURE.md section 5). No default key exists outside dev/local/test. */
@ConfigMapping(prefix = "ambient.encryption")
public interface EncryptionConfig {

    /**
     * The keyring: key version → base64 (standard alphabet, padded) of exactly 32 random bytes, e.g.
     * {@code ambient.encryption.keys."1"=...} (env {@code AMBIENT_ENCRYPTION_KEYS__1_}). Keep old versions until
     * {@code reencrypt} has moved every row off them.
     */
    Map<String, String> keys();

    /** The version new values are sealed with. Required when more than one key is configured. */
    OptionalInt currentVersion();

    /**
     * Where the dev, local and test profiles keep a generated key when no key is configured: base64 of 32 bytes, key
     * version 1, created on first start with owner-only permissions (contracts {@code LocalLayout.ENCRYPTION_KEY}). Never used in any other profile: there, start-up refuses without a configured key.
     */
    @WithDefault("${ambient.data-dir}/encryption.key")
    Path devKeyFile();
}
