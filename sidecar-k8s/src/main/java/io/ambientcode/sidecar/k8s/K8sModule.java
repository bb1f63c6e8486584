package io.ambientcode.sidecar.k8s;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.k8s.client.KubeClients;
import io.ambientcode.sidecar.k8s.kubeconfig.KubeconfigSecrets;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Tells the shared runtime that this is the kubeconfig sidecar, which values inside the document are secret, which
 * settings it refuses to start with, and that a credential must be a kubeconfig the sidecar can use from memory alone.
 */
@Singleton
public class K8sModule implements SidecarProviderModule {

    @Inject
    K8sSettings settings;

    @Inject
    KubeClients clients;

    @Override
    public Provider provider() {
        return Provider.KUBECONFIG;
    }

    /**
     * The document itself is hidden by the runtime; inside it, tokens, passwords, client key and certificate data
     * (also decoded) and auth-provider/exec secrets are hidden on their own, so a partial echo is caught too.
     */
    @Override
    public List<String> secretFragments(Credential credential) {
        return KubeconfigSecrets.fragments(credential.token());
    }

    @Override
    public String upstreamName() {
        return "Kubernetes API";
    }

    @Override
    public List<String> configurationProblems() {
        return settings.problems();
    }

    /** No exec plugin, no file reference, a current context with a server: see {@code KubeconfigParser}. */
    @Override
    public void validate(Credential credential) {
        clients.parse(credential);
    }

    @Override
    public void prepare(Credential credential) {
        clients.stage(credential);
    }
}
