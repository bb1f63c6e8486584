package io.ambientcode.tokenserver.session;

/** The session source could not be asked; the exchange is answered 503 and the sidecar retries. */
public class SessionDirectoryUnavailableException extends RuntimeException {

    public SessionDirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
