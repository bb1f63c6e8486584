package io.ambientcode.sidecar.k8s.render;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code events_list} output as kubernetes-mcp-server prints it: per event its Namespace, Timestamp (event time,
 * else the last or first timestamp), Type, Reason, InvolvedObject and Message. Works on generic objects so that
 * both {@code v1} events and any extra fields pass unchanged. Pure.
 */
public final class Events {

    private Events() {
    }

    public static String render(List<GenericKubernetesResource> events) {
        if (events.isEmpty()) {
            return "# No events found";
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (GenericKubernetesResource e : events) {
            Map<String, Object> p = e.getAdditionalProperties();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Namespace", e.getMetadata() == null ? null : e.getMetadata().getNamespace());
            row.put("Timestamp", timestamp(p));
            row.put("Type", p.get("type"));
            row.put("Reason", p.get("reason"));
            Map<String, Object> involved = new LinkedHashMap<>();
            if (p.get("involvedObject") instanceof Map<?, ?> io) {
                involved.put("apiVersion", io.get("apiVersion"));
                involved.put("Kind", io.get("kind"));
                involved.put("Name", io.get("name"));
            }
            row.put("InvolvedObject", involved);
            row.put("Message", p.get("message") == null ? null : String.valueOf(p.get("message")).strip());
            out.add(row);
        }
        return "# The following events (YAML format) were found:\n" + Rendering.yaml(out);
    }

    private static Object timestamp(Map<String, Object> p) {
        for (String field : new String[] { "eventTime", "lastTimestamp", "firstTimestamp" }) {
            Object v = p.get(field);
            if (v != null && !String.valueOf(v).isBlank()) {
                return v;
            }
        }
        return null;
    }
}
