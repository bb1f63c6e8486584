package io.ambientcode.tokenserver.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Keys the operator provides as files (e.g. mounted from a secret manager). Read-only: the operator rotates them by
 * replacing the files; the token server never writes or generates.
 */
public final class ProvidedKeyStore implements KeyStore {

    private final Path exchangeKeyFile;
    private final Path signingKeyFile;
    private final Clock clock;

    public ProvidedKeyStore(Path exchangeKeyFile, Path signingKeyFile, Clock clock) {
        this.exchangeKeyFile = exchangeKeyFile;
        this.signingKeyFile = signingKeyFile;
        this.clock = clock;
    }

    @Override
    public KeyBundle loadOrCreate() {
        return reload();
    }

    @Override
    public KeyBundle reload() {
        try {
            return KeyBundle.fromPems(Files.readString(exchangeKeyFile), Files.readString(signingKeyFile), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read provided key files", e);
        }
    }

    @Override
    public boolean replace(KeyBundle current, KeyBundle next) {
        throw new UnsupportedOperationException("provided key files are rotated by the operator, not by the token server");
    }

    @Override
    public String describe() {
        return "files " + exchangeKeyFile + ", " + signingKeyFile;
    }
}
