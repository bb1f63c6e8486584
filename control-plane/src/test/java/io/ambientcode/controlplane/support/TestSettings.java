package io.ambientcode.controlplane.support;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.controlplane.kubernetes.PodSettings;
import io.ambientcode.controlplane.plan.PlanSettings;
import io.ambientcode.controlplane.plan.ProofLocation;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The settings of the %test profile, for pure tests that render without the application. */
public final class TestSettings {

    public static final String TOKEN_URL = "http://ambient-token-server.ambient-code.svc:8080/token";
    public static final String API_URL = "http://ambient-credential-api.ambient-code.svc:8080";

    private TestSettings() {
    }

    public static Map<Provider, String> allImages() {
        Map<Provider, String> images = new EnumMap<>(Provider.class);
        images.put(Provider.GITHUB, "quay.io/ambient-code/credential-github:0.1.0");
        images.put(Provider.JIRA, "quay.io/ambient-code/credential-jira:0.1.0");
        images.put(Provider.KUBECONFIG, "quay.io/ambient-code/credential-k8s:0.1.0");
        images.put(Provider.GOOGLE, "quay.io/ambient-code/credential-google:0.1.0");
        return images;
    }

    public static PlanSettings plan(String tokenServerPublicKey) {
        return new PlanSettings(allImages(), Optional.of(TOKEN_URL), Optional.of(tokenServerPublicKey), API_URL, false,
                ProofLocation.KUBERNETES);
    }

    private static Map<String, Quantity> ordered(String cpu, String memory) {
        Map<String, Quantity> map = new java.util.LinkedHashMap<>();
        map.put("cpu", new Quantity(cpu));
        map.put("memory", new Quantity(memory));
        return map;
    }

    /** The configuration defaults (ControlPlaneConfig). */
    public static PodSettings pod() {
        return new PodSettings(
                new ResourceRequirementsBuilder()
                        .withRequests(ordered("50m", "128Mi"))
                        .withLimits(ordered("500m", "256Mi"))
                        .build(),
                "10Mi", Optional.empty(), 2, 60, 10, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
