package io.ambientcode.credentialapi.logging;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Defense in depth for invariant I5: the code logs ids only, but if a token shape (a JWT, a PAT, a private key, a
 * {@code Bearer} value) ever reaches a log line, in the message or in an exception message, it is masked here.
 */
@LoggingFilter(name = "secret-redactor")
public final class SecretRedactingFilter implements Filter {

    private static final SecretRedactor REDACTOR = SecretRedactor.shapesOnly();

    @Override
    public boolean isLoggable(LogRecord record) {
        String formatted = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (formatted != null && REDACTOR.containsSecret(formatted)) {
            if (record instanceof ExtLogRecord ext) {
                ext.setMessage(REDACTOR.redact(formatted), ExtLogRecord.FormatStyle.NO_FORMAT);
            } else {
                record.setMessage(REDACTOR.redact(formatted));
            }
            record.setParameters(null);
        }
        if (record.getThrown() != null) {
            record.setThrown(sanitized(record.getThrown(), 0));
        }
        return true;
    }

    /** The same throwable if its messages are clean; otherwise a copy with redacted messages and the same stack. */
    static Throwable sanitized(Throwable t, int depth) {
        if (t == null || depth > 8) {
            return t;
        }
        Throwable cause = sanitized(t.getCause(), depth + 1);
        String message = t.getMessage();
        if ((message == null || !REDACTOR.containsSecret(message)) && cause == t.getCause()) {
            return t;
        }
        RedactedThrowable copy = new RedactedThrowable(t.getClass().getName(),
                message == null ? null : REDACTOR.redact(message), cause == t ? null : cause);
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Stands in for a throwable whose message held a secret. */
    static final class RedactedThrowable extends RuntimeException {
        RedactedThrowable(String originalClass, String message, Throwable cause) {
            super(originalClass + (message == null ? "" : ": " + message), cause, false, true);
        }
    }
}
