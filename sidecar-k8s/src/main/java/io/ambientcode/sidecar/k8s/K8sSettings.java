package io.ambientcode.sidecar.k8s;

import io.ambientcode.sidecar.k8s.client.DeniedResources;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The k8s settings in their parsed form. {@link #problems()} is what the runtime checks at start-up (I6): an invalid
 * {@code ambient.k8s.denied-resources} entry stops the sidecar before it serves, naming the entry.
 */
@Singleton
public class K8sSettings {

    private final K8sConfig config;
    private volatile DeniedResources denied;

    @Inject
    public K8sSettings(K8sConfig config) {
        this.config = config;
    }

    /** Every rule the settings break, each naming its property. */
    public List<String> problems() {
        try {
            denied();
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of("ambient.k8s.denied-resources: " + e.getMessage());
        }
    }

    public DeniedResources denied() {
        DeniedResources d = denied;
        if (d == null) {
            d = DeniedResources.parse(config.deniedResources().orElse(List.of()));
            denied = d;
        }
        return d;
    }

    public K8sConfig config() {
        return config;
    }
}
