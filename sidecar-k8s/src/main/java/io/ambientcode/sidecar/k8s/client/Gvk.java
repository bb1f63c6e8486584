package io.ambientcode.sidecar.k8s.client;

import java.util.Locale;

/**
 * A group, version and kind. The core group is the empty string ({@code apiVersion: v1}).
 *
 * @param kind may be empty in a denial entry (the whole group version)
 */
public record Gvk(String group, String version, String kind) {

    public static final Gvk POD = new Gvk("", "v1", "Pod");
    public static final Gvk NAMESPACE = new Gvk("", "v1", "Namespace");
    public static final Gvk EVENT = new Gvk("", "v1", "Event");
    public static final Gvk SECRET = new Gvk("", "v1", "Secret");

    /** From an object's {@code apiVersion} ({@code v1}, {@code apps/v1}) and {@code kind}. */
    public static Gvk of(String apiVersion, String kind) {
        if (apiVersion == null || apiVersion.isBlank()) {
            throw new IllegalArgumentException("apiVersion is required (e.g. v1, apps/v1)");
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind is required (e.g. Pod, ConfigMap, Deployment)");
        }
        String av = apiVersion.strip();
        String[] parts = av.split("/", -1);
        if (parts.length > 2 || parts[parts.length - 1].isEmpty() || (parts.length == 2 && parts[0].isEmpty())
                || !av.matches("[a-z0-9.-]*/?[a-z0-9]+")) {
            throw new IllegalArgumentException("'" + apiVersion + "' is not an apiVersion (e.g. v1, apps/v1)");
        }
        if (!kind.strip().matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("'" + kind + "' is not a kind (e.g. Pod, ConfigMap)");
        }
        return parts.length == 1 ? new Gvk("", parts[0], kind.strip()) : new Gvk(parts[0], parts[1], kind.strip());
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public boolean isCoreSecret() {
        return group.isEmpty() && "v1".equals(version) && "secret".equals(kind.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return apiVersion() + " " + kind;
    }
}
