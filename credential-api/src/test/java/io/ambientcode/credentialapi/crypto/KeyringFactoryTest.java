package io.ambientcode.credentialapi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringFactoryTest {

    @TempDir
    Path dir;

    private static String b64(byte[] k) {
        return Base64.getEncoder().encodeToString(k);
    }

    @Test
    void refusesToStartWithoutAKeyOutsideDevelopmentProfiles() {
        for (List<String> profiles : List.of(List.of("prod"), List.<String>of(), List.of("prod", "pg"), List.of("staging"))) {
            assertThatThrownBy(() -> KeyringFactory.forProfiles(Map.of(), OptionalInt.empty(), profiles,
                    dir.resolve("encryption.key")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No encryption key is configured")
                    .hasMessageContaining("refusing to start");
        }
        assertThat(dir.resolve("encryption.key")).doesNotExist();
    }

    @Test
    void developmentProfilesCreateAndThenReuseAnOwnerOnlyKeyFile() throws Exception {
        Path file = dir.resolve("sub").resolve("encryption.key");
        Keyring first = KeyringFactory.forProfiles(Map.of(), OptionalInt.empty(), List.of("local"), file);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        String sealed = new TokenEnvelope(first).seal("value", "id");
        Keyring second = KeyringFactory.forProfiles(Map.of(), OptionalInt.empty(), List.of("dev"), file);
        assertThat(new TokenEnvelope(second).open(sealed, "id")).isEqualTo("value");
    }

    @Test
    void configuredKeysWinEverywhere() {
        byte[] k = TokenEnvelopeTest.key();
        Keyring ring = KeyringFactory.forProfiles(Map.of("3", b64(k)), OptionalInt.empty(), List.of("prod"),
                dir.resolve("unused"));
        assertThat(ring.currentVersion()).isEqualTo(3);
        assertThat(dir.resolve("unused")).doesNotExist();
    }

    @Test
    void badConfigurationIsRefusedWithoutShowingKeys() {
        String k1 = b64(TokenEnvelopeTest.key());
        String k2 = b64(TokenEnvelopeTest.key());
        assertThatThrownBy(() -> KeyringFactory.fromConfig(Map.of("1", k1, "2", k2), OptionalInt.empty()))
                .hasMessageContaining("current-version is required");
        assertThatThrownBy(() -> KeyringFactory.fromConfig(Map.of("1", k1), OptionalInt.of(2)))
                .hasMessageContaining("names no configured key");
        assertThatThrownBy(() -> KeyringFactory.fromConfig(Map.of("01", k1), OptionalInt.empty()))
                .hasMessageContaining("leading zeros");
        assertThatThrownBy(() -> KeyringFactory.fromConfig(Map.of("one", k1), OptionalInt.empty()))
                .hasMessageContaining("positive integer");
        String shortKey = b64(new byte[16]);
        assertThatThrownBy(() -> KeyringFactory.fromConfig(Map.of("1", shortKey), OptionalInt.empty()))
                .hasMessageContaining("exactly 32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> KeyringFactory.fromConfig(Map.of("1", "%%%not-base64%%%"), OptionalInt.empty()))
                .hasMessageContaining("not valid base64").hasMessageNotContaining("%%%");
        assertThat(KeyringFactory.fromConfig(Map.of("1", k1, "2", k2), OptionalInt.of(2)).versions()).containsExactly(1, 2);
    }
}
