package io.ambientcode.sidecar.credential;

import java.util.Optional;

/**
 * CDI event fired synchronously after a new credential was swapped in (I7). Provider modules observe it to rebuild
 * clients that cache the token or the base URL: {@code void rebuild(@Observes CredentialChanged change)}.
 * Observers must be quick and must not throw; a failing observer is logged and does not undo the swap.
 *
 * @param previous the credential that was replaced; empty on the first fetch
 */
public record CredentialChanged(Credential current, Optional<Credential> previous) {
}
