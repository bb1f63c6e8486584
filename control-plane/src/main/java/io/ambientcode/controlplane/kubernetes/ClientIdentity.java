package io.ambientcode.controlplane.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;

/** The control plane's requests say who they are, so API server audit logs (and tests) can tell them apart. */
@Singleton
public class ClientIdentity implements KubernetesConfigCustomizer {

    public static final String USER_AGENT = "ambient-control-plane";

    @Override
    public void customize(Config config) {
        config.setUserAgent(USER_AGENT);
    }
}
