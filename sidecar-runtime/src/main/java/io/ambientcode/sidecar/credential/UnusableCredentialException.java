package io.ambientcode.sidecar.credential;

/**
 * A fetched credential that this sidecar cannot use (see
 * {@link io.ambientcode.sidecar.spi.SidecarProviderModule#validate}). The message is the reason, safe to show on
 * readiness and in tool errors: it names fields and rules, never a value from the credential.
 */
public final class UnusableCredentialException extends RuntimeException {

    public UnusableCredentialException(String safeReason) {
        super(safeReason, null, false, false);
    }
}
