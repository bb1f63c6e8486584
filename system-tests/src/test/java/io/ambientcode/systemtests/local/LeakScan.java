package io.ambientcode.systemtests.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a secret must not be (acceptance 2): in the argv of any process on this machine, in the environment of any
 * process we can read, in any file under a directory, in any captured output. Each secret is looked for raw and in its
 * standard and URL-safe base64 forms. Findings name the place, never the secret.
 */
final class LeakScan {

    private final List<byte[]> needles = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();
    private int processesScanned;
    private int environmentsRead;
    private int filesScanned;

    LeakScan(String secret) {
        byte[] raw = secret.getBytes(StandardCharsets.UTF_8);
        needles.add(raw);
        needles.add(Base64.getEncoder().encodeToString(raw).replace("=", "").getBytes(StandardCharsets.US_ASCII));
        needles.add(Base64.getUrlEncoder().withoutPadding().encodeToString(raw).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code /proc/<pid>/cmdline} of every process, {@code /proc/<pid>/environ} of every one we may read. */
    LeakScan processes() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                byte[] cmdline = LocalWorld.read(proc.resolve("cmdline"));
                if (cmdline.length == 0 && !Files.exists(proc)) {
                    continue;
                }
                processesScanned++;
                check(cmdline, "argv of pid " + proc.getFileName() + " (" + name(proc) + ")");
                byte[] environ = LocalWorld.read(proc.resolve("environ"));
                if (environ.length > 0) {
                    environmentsRead++;
                }
                check(environ, "environment of pid " + proc.getFileName() + " (" + name(proc) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every regular file under {@code dir}, except those {@code excluded} says to skip. */
    LeakScan files(Path dir, java.util.function.Predicate<Path> excluded) {
        if (!Files.exists(dir)) {
            return this;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(excluded.negate()).toList()) {
                filesScanned++;
                check(LocalWorld.read(file), "file " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LeakScan text(String text, String where) {
        check(text.getBytes(StandardCharsets.UTF_8), where);
        return this;
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    int processesScanned() {
        return processesScanned;
    }

    int environmentsRead() {
        return environmentsRead;
    }

    int filesScanned() {
        return filesScanned;
    }

    private void check(byte[] content, String where) {
        for (byte[] needle : needles) {
            if (LocalWorld.contains(content, needle)) {
                findings.add(where);
                return;
            }
        }
    }

    private static String name(Path proc) {
        return new String(LocalWorld.read(proc.resolve("comm")), StandardCharsets.UTF_8).strip();
    }
}
