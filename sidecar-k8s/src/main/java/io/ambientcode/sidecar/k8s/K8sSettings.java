package io.ambientcode.sidecar.k8s;

import io.ambientcode.sidecar.k8s.client.DeniedResources;
import io.ambientcode.sidecar.k8s.kubeconfig.FabricIsolation;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The k8s settings in their parsed form, checked at start-up (I6): an invalid {@code ambient.k8s.denied-resources}
 * entry stops the sidecar before it serves, naming the entry. Also isolates fabric8 from the pod's environment
 * before any client exists ({@link FabricIsolation}).
 */
@Singleton
public class K8sSettings {

    private static final Logger LOG = Logger.getLogger(K8sSettings.class);

    private final K8sConfig config;
    private volatile DeniedResources denied;

    @Inject
    public K8sSettings(K8sConfig config) {
        this.config = config;
    }

    void validate(@Observes @Priority(2) StartupEvent event) {
        FabricIsolation.apply();
        try {
            denied = DeniedResources.parse(config.deniedResources().orElse(List.of()));
        } catch (IllegalArgumentException e) {
            LOG.errorf("refusing to start the kubeconfig sidecar: invalid configuration: ambient.k8s.denied-resources: %s",
                    e.getMessage());
            throw new IllegalStateException("invalid configuration: ambient.k8s.denied-resources: " + e.getMessage());
        }
        LOG.infof("kubernetes tools: exec %s, destructive tools %s, secret values %s, denied resources %s",
                config.allowExec() ? "allowed" : "off", config.disableDestructive() ? "off" : "on",
                config.allowSecretValues() ? "shown" : "masked", denied.isEmpty() ? "none" : denied);
    }

    public DeniedResources denied() {
        DeniedResources d = denied;
        return d != null ? d : DeniedResources.parse(config.deniedResources().orElse(List.of()));
    }

    public K8sConfig config() {
        return config;
    }
}
