package io.ambientcode.tokenserver.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.crypto.Pem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeyStoreTest {

    @Test
    void generatesPrivateFilesOnceAndReusesThem(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("keys");
        KeyBundle first = new FileKeyStore(dir, Clock.systemUTC()).loadOrCreate();
        KeyBundle again = new FileKeyStore(dir, Clock.systemUTC()).loadOrCreate();
        assertThat(again.entries()).isEqualTo(first.entries());
        assertThat(Files.getPosixFilePermissions(dir)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        for (String name : Set.of(KeyBundle.EXCHANGE_PRIVATE, KeyBundle.SIGNING_PRIVATE, KeyBundle.EXCHANGE_PUBLIC)) {
            assertThat(Files.getPosixFilePermissions(dir.resolve(name)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        KeyMaterial m = first.toMaterial();
        assertThat(m.exchangeKey().getModulus().bitLength()).isEqualTo(4096);
        assertThat(m.signingKey().publicKey().getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void exchangeKeyRotationAcceptsThePreviousKeyForTheGracePeriodOnly(@TempDir Path tmp) {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        KeyRing ring = new KeyRing(new FileKeyStore(tmp, Clock.fixed(now, java.time.ZoneOffset.UTC)), Clock.systemUTC(),
                Duration.ZERO);
        ring.start();
        var oldKey = ring.current().exchangeKey();
        ring.rotateExchangeKey(Duration.ofHours(1));
        KeyMaterial rotated = ring.current();
        assertThat(rotated.exchangeKey()).isNotEqualTo(oldKey);
        assertThat(rotated.exchangeKeysAt(Instant.now())).containsExactly(rotated.exchangeKey(), oldKey);
        assertThat(rotated.exchangeKeysAt(Instant.now().plus(Duration.ofHours(2)))).containsExactly(rotated.exchangeKey());
    }

    @Test
    void providedKeysLoadInEitherPemFormAndAreNeverRewritten(@TempDir Path tmp) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path exchange = Files.writeString(tmp.resolve("x.pem"), Pem.toPkcs1Pem(g.generateKeyPair().getPrivate()));
        Path signing = Files.writeString(tmp.resolve("s.pem"), Pem.toPkcs8Pem(g.generateKeyPair().getPrivate()));
        ProvidedKeyStore store = new ProvidedKeyStore(exchange, signing, Clock.systemUTC());
        KeyRing ring = new KeyRing(store, Clock.systemUTC(), Duration.ofDays(1));
        ring.start();
        assertThat(ring.current().signingKey().kid()).isNotBlank();
        assertThatThrownBy(() -> store.replace(store.reload(), store.reload())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBrokenStoredKeyStopsStartUp(@TempDir Path tmp) throws Exception {
        FileKeyStore store = new FileKeyStore(tmp, Clock.systemUTC());
        store.loadOrCreate();
        Files.writeString(tmp.resolve(KeyBundle.SIGNING_PRIVATE), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        KeyRing ring = new KeyRing(store, Clock.systemUTC(), Duration.ZERO);
        assertThatThrownBy(ring::start).isInstanceOf(IllegalArgumentException.class);
        assertThat(ring.isLoaded()).isFalse();
    }
}
