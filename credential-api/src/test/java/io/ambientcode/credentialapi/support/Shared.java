package io.ambientcode.credentialapi.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * State shared between test resources and test classes. Quarkus may load them in different class loaders, so shared
 * state lives outside classes: short strings in system properties (strings only: libraries iterate them), and
 * growing collections in files under {@code target/test-state}.
 */
public final class Shared {

    private static final Path DIR = Path.of("target", "test-state");

    private Shared() {
    }

    public static String get(String key) {
        String v = System.getProperty(key);
        if (v == null) {
            throw new IllegalStateException("test state " + key + " is not set; did the test resource start?");
        }
        return v;
    }

    public static void put(String key, String value) {
        System.setProperty(key, value);
    }

    /** Increments a counter kept in a system property; the properties object is the JVM-wide lock. */
    public static int increment(String key) {
        synchronized (System.getProperties()) {
            int n = Integer.parseInt(System.getProperty(key, "0")) + 1;
            System.setProperty(key, String.valueOf(n));
            return n;
        }
    }

    public static int count(String key) {
        return Integer.parseInt(System.getProperty(key, "0"));
    }

    /** Appends one line to a shared file. */
    public static void append(String file, String line) {
        synchronized (System.getProperties()) {
            try {
                Files.createDirectories(DIR);
                Files.writeString(DIR.resolve(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static List<String> lines(String file) {
        try {
            Path p = DIR.resolve(file);
            return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(String file) {
        try {
            Files.deleteIfExists(DIR.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
