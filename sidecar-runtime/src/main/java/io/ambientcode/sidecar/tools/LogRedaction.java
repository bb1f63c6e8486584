package io.ambientcode.sidecar.tools;

import io.ambientcode.contracts.redact.SecretRedactor;

/**
 * The redactor the log filter uses. Logging is set up before CDI, so the filter cannot inject the credential holder;
 * the holder publishes every new redactor here instead.
 */
public final class LogRedaction {

    private static volatile SecretRedactor current = SecretRedactor.shapesOnly();

    private LogRedaction() {
    }

    public static void use(SecretRedactor redactor) {
        current = redactor;
    }

    public static SecretRedactor current() {
        return current;
    }
}
