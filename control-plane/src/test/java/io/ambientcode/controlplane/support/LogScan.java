package io.ambientcode.controlplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Invariant I5 as a property: the application's log file of this test run (every line since start-up, DEBUG for the
 * control plane) contains none of the secrets the tests produced.
 */
public final class LogScan {

    public static final Path FILE = Path.of("target/control-plane-test.log");

    private LogScan() {
    }

    /** Starts the run's log afresh (the file handler appends across runs). */
    static void truncate() {
        try {
            if (Files.exists(FILE)) {
                Files.write(FILE, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertNoneLogged(Collection<String> secrets) {
        String log;
        try {
            log = Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("the test profile writes the application log to " + FILE, e);
        }
        assertThat(log).as("application log of this run").contains("operator started");
        assertThat(secrets).as("secrets to look for").isNotEmpty();
        for (String secret : secrets) {
            assertThat(secret).hasSizeGreaterThanOrEqualTo(8);
            assertThat(log.contains(secret)).as("a secret (%d chars, starting %s…) appears in %s", secret.length(),
                    secret.substring(0, 3), FILE).isFalse();
        }
    }
}
