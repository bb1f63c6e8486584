package io.ambientcode.sidecar.k8s.tools;

import io.ambientcode.sidecar.k8s.K8sConfig;
import io.ambientcode.sidecar.k8s.client.Gvk;
import io.ambientcode.sidecar.k8s.client.KubeApi;
import io.ambientcode.sidecar.k8s.render.Rendering;
import io.ambientcode.sidecar.k8s.render.SecretMasking;
import io.ambientcode.sidecar.k8s.render.Table;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/** How the k8s tools print objects and lists (YAML for one object; table or YAML for lists), size-capped. */
@Singleton
public class Output {

    @Inject
    K8sConfig config;

    @Inject
    KubeApi api;

    Clock clock = Clock.systemUTC();

    ToolResponse list(Gvk gvk, KubeApi.Listed listed) {
        boolean masked = listed.items().stream().anyMatch(i -> api.masks(gvk, i));
        String body;
        if (config.listOutput() == K8sConfig.ListOutput.table) {
            boolean hasStatus = listed.items().stream().anyMatch(i -> phase(i) != null);
            body = Table.render(listed.items(), gvk.apiVersion(), listed.type().getKind(), listed.type().isNamespaceScoped(),
                    hasStatus ? Output::phase : null, clock.instant());
        } else {
            body = listed.items().isEmpty() ? "# No " + listed.type().getKind() + " resources found"
                    : "# " + listed.items().size() + " " + listed.type().getKind() + " resources (YAML)\n"
                            + Rendering.yaml(listed.items());
        }
        return text((masked ? SecretMasking.NOTE + "\n" : "") + body);
    }

    ToolResponse object(Gvk gvk, GenericKubernetesResource object) {
        return text((api.masks(gvk, object) ? SecretMasking.NOTE + "\n" : "") + Rendering.yaml(object));
    }

    ToolResponse text(String text) {
        return ToolResponse.success(Rendering.capped(text, api.maxOutputBytes()));
    }

    private static String phase(GenericKubernetesResource item) {
        Object status = item.getAdditionalProperties().get("status");
        if (status instanceof Map<?, ?> m && m.get("phase") != null) {
            return String.valueOf(m.get("phase"));
        }
        return null;
    }
}
