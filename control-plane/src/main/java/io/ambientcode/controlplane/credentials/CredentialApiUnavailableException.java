package io.ambientcode.controlplane.credentials;

/**
 * The credential API could not answer (unreachable, timed out, 408/429/5xx). Transient: the reconcile is retried
 * with backoff and the session waits without a pod. The message names the failure, never a body or a token.
 */
public class CredentialApiUnavailableException extends Exception {

    public CredentialApiUnavailableException(String message) {
        super(message);
    }

    public CredentialApiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
