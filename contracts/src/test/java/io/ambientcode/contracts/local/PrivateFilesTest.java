package io.ambientcode.contracts.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @Test
    void directoriesAre0700AndFiles0600AndAReplaceLeavesNoTemporaryFile(@TempDir Path tmp) throws Exception {
        Path dir = PrivateFiles.directory(tmp.resolve("a/b"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

        Path file = dir.resolve("key.pem");
        PrivateFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
        PrivateFiles.write(file, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("key.pem");
        }

        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.directory(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void aFreshLogKeepsThePreviousOneAndTouchKeepsContent(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("sidecar.log");
        PrivateFiles.freshLog(log);
        Files.writeString(log, "first run");
        PrivateFiles.freshLog(log);
        assertThat(Files.readString(log)).isEmpty();
        assertThat(Files.readString(tmp.resolve("sidecar.log.1"))).isEqualTo("first run");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");

        Files.writeString(log, "kept");
        PrivateFiles.touch(log);
        assertThat(Files.readString(log)).isEqualTo("kept");

        PrivateFiles.deleteTree(tmp.resolve("missing"));
        PrivateFiles.deleteTree(tmp);
        assertThat(tmp).doesNotExist();
    }
}
