package io.ambientcode.tokenserver.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keys outside Kubernetes: one file per entry in a data directory (0700, files 0600), generated on first start.
 * A lock file serialises processes sharing the directory; every file is written to a temp name and moved into place,
 * so a reader never sees half a key.
 */
public final class FileKeyStore implements KeyStore {

    private static final Logger LOG = Logger.getLogger(FileKeyStore.class);
    private static final String LOCK = ".lock";

    private final Path dir;
    private final Clock clock;

    public FileKeyStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    @Override
    public KeyBundle loadOrCreate() {
        return locked(() -> {
            if (Files.exists(dir.resolve(KeyBundle.EXCHANGE_PRIVATE))) {
                return read();
            }
            KeyBundle generated = KeyBundle.generate(clock.instant());
            write(generated);
            LOG.infof("generated token-server keys into %s", dir);
            return read();
        });
    }

    @Override
    public KeyBundle reload() {
        return locked(this::read);
    }

    @Override
    public boolean replace(KeyBundle current, KeyBundle next) {
        return locked(() -> {
            if (!read().version().equals(current.version())) {
                return false;
            }
            write(next);
            return true;
        });
    }

    @Override
    public String describe() {
        return "directory " + dir;
    }

    private KeyBundle read() {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                entries.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keys from " + dir, e);
        }
        return new KeyBundle(entries, hash(entries));
    }

    private void write(KeyBundle bundle) {
        try {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(bundle.entries()).entrySet()) {
                Path tmp = dir.resolve("." + e.getKey() + ".tmp");
                Files.deleteIfExists(tmp);
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, dir.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(tmp, dir.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keys into " + dir, e);
        }
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use key directory " + dir, e);
        }
    }

    private static String hash(Map<String, String> entries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            entries.forEach((k, v) -> {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(v.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
