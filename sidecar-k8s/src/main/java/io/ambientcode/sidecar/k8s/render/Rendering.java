package io.ambientcode.sidecar.k8s.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;

/**
 * YAML output of tools, as kubernetes-mcp-server prints it: no {@code managedFields} (noise that costs an agent's
 * context), no document marker; cut at the configured size with a note. Pure.
 */
public final class Rendering {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Rendering() {
    }

    public static String yaml(Object value) {
        if (value instanceof HasMetadata m && m.getMetadata() != null) {
            m.getMetadata().setManagedFields(null);
        }
        if (value instanceof Iterable<?> items) {
            for (Object o : items) {
                if (o instanceof HasMetadata m && m.getMetadata() != null) {
                    m.getMetadata().setManagedFields(null);
                }
            }
        }
        String yaml = SERIALIZATION.asYaml(value);
        return yaml.startsWith("---\n") ? yaml.substring(4) : yaml;
    }

    /** Cuts text longer than {@code maxBytes} (UTF-8) and says so. */
    public static String capped(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        String head = new String(bytes, 0, maxBytes, StandardCharsets.UTF_8);
        return head + "\n# [output cut at " + maxBytes + " bytes of " + bytes.length
                + "; narrow the request with namespace, labelSelector or fieldSelector]";
    }
}
