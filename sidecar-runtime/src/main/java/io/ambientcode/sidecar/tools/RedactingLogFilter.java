package io.ambientcode.sidecar.tools;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Defense in depth for I5: code logs ids, never values, and this filter still rewrites every record through the
 * redactor: the formatted message and the messages of attached exceptions (stack frames are kept). Enabled for the
 * console in the runtime's default configuration ({@code quarkus.log.console.filter=ambient-redact}).
 */
@LoggingFilter(name = "ambient-redact")
public final class RedactingLogFilter implements Filter {

    private static final int MAX_CAUSES = 8;

    @Override
    public boolean isLoggable(LogRecord record) {
        SecretRedactor redactor = LogRedaction.current();
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        String safe = redactor.redact(formatted);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(safe, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(safe);
        }
        record.setParameters(null);
        if (record.getThrown() != null && leaks(record.getThrown(), redactor, 0)) {
            record.setThrown(redacted(record.getThrown(), redactor, 0));
        }
        return true;
    }

    private static boolean leaks(Throwable t, SecretRedactor redactor, int depth) {
        if (t == null || depth > MAX_CAUSES) {
            return false;
        }
        return redactor.containsSecret(t.toString()) || leaks(t.getCause(), redactor, depth + 1);
    }

    private static Throwable redacted(Throwable t, SecretRedactor redactor, int depth) {
        Throwable cause = t.getCause() != null && depth < MAX_CAUSES ? redacted(t.getCause(), redactor, depth + 1) : null;
        RedactedThrowable copy = new RedactedThrowable(redactor.redact(t.toString()), cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for the original exception: its {@code toString()} is the redacted original one. */
    static final class RedactedThrowable extends Throwable {
        private final String text;

        RedactedThrowable(String text, Throwable cause) {
            super(text, cause, false, true);
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
