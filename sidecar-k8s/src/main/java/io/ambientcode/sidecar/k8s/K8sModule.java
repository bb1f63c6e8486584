package io.ambientcode.sidecar.k8s;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.k8s.kubeconfig.KubeconfigSecrets;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Singleton;
import java.util.List;

/** Tells the shared runtime that this is the kubeconfig sidecar, and which values inside the document are secret. */
@Singleton
public class K8sModule implements SidecarProviderModule {

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
}
