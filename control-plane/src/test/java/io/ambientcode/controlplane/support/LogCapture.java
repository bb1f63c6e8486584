package io.ambientcode.controlplane.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every log record the application writes (at the levels the test profile lets through: DEBUG for the
 * control plane) so tests can scan them for the secrets they used (invariant I5).
 */
public final class LogCapture extends Handler {

    private static final LogCapture INSTANCE = new LogCapture();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public static synchronized LogCapture install() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h == INSTANCE) {
                return INSTANCE;
            }
        }
        root.addHandler(INSTANCE);
        return INSTANCE;
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " ");
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (message != null && params != null && params.length > 0) {
            try {
                message = message.contains("%") ? String.format(message, params)
                        : java.text.MessageFormat.format(message, params);
            } catch (RuntimeException e) {
                message = message + " " + java.util.Arrays.toString(params);
            }
        }
        line.append(message);
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** No captured line contains any of {@code secrets} (each at least 8 characters, to avoid trivial matches). */
    public void assertNoneLogged(Collection<String> secrets) {
        List<String> snapshot = lines();
        assertThat(snapshot).as("captured log lines").isNotEmpty();
        for (String secret : secrets) {
            assertThat(secret).hasSizeGreaterThanOrEqualTo(8);
            assertThat(snapshot).as("log lines containing a secret").noneMatch(line -> line.contains(secret));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
