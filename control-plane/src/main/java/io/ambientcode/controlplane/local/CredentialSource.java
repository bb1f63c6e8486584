package io.ambientcode.controlplane.local;

import io.ambientcode.controlplane.credentials.CredentialApiUnavailableException;
import io.ambientcode.controlplane.credentials.CredentialResolution;
import java.util.List;

/**
 * Resolves a session's credentials. In the service this is {@code CredentialResolver} (the credential API, called with
 * the control plane's own JWT, exactly as in Kubernetes); tests may pass a function.
 */
@FunctionalInterface
public interface CredentialSource {

    CredentialResolution resolve(String project, String agent, List<String> explicitIds)
            throws CredentialApiUnavailableException;
}
