package io.ambientcode.sidecar.credential;

/** A tool ran while no credential is held (still starting, or dropped after a permanent refusal). */
public final class CredentialUnavailableException extends RuntimeException {

    public CredentialUnavailableException(String safeReason) {
        super(safeReason, null, false, false);
    }
}
