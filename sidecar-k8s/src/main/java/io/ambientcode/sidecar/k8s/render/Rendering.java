package io.ambientcode.sidecar.k8s.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;

/**
 * YAML output of tools, as kubernetes-mcp-server prints it: no {@code managedFields} (noise that costs an agent's
 * context), no document marker; cut at the configured size with a note. Pure.
 */
public final class Rendering {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** kubectl-like YAML: quotes only where YAML needs them. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build()).setSerializationInclusion(JsonInclude.Include.NON_NULL);

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
        try {
            // fabric8's own serialization first (its types carry custom serializers), then plain YAML
            return YAML.writeValueAsString(YAML.readTree(SERIALIZATION.asJson(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the result as YAML", e);
        }
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
