package io.ambientcode.sidecar.k8s.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hides the values of Secrets before they reach a tool result (unless {@code K8S_ALLOW_SECRET_VALUES=true}): every
 * {@code data} and {@code stringData} value becomes {@code ***}, the keys stay (an agent can still see which keys
 * exist), and the {@code kubectl.kubernetes.io/last-applied-configuration} annotation, which repeats the whole
 * object including its values, is masked too. Mutates the given object (a fresh copy from the API). Pure.
 */
public final class SecretMasking {

    public static final String MASK = "***";
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    public static final String NOTE = "# Secret values are masked (***); keys are shown. The sidecar shows values only "
            + "when K8S_ALLOW_SECRET_VALUES=true.";

    private SecretMasking() {
    }

    public static GenericKubernetesResource mask(GenericKubernetesResource secret) {
        Map<String, Object> props = secret.getAdditionalProperties();
        for (String field : new String[] { "data", "stringData" }) {
            Object value = props.get(field);
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> masked = new LinkedHashMap<>();
                map.keySet().forEach(k -> masked.put(String.valueOf(k), MASK));
                props.put(field, masked);
            } else if (value != null) {
                props.put(field, MASK);
            }
        }
        if (secret.getMetadata() != null && secret.getMetadata().getAnnotations() != null
                && secret.getMetadata().getAnnotations().containsKey(LAST_APPLIED)) {
            secret.getMetadata().getAnnotations().put(LAST_APPLIED, MASK);
        }
        return secret;
    }
}
