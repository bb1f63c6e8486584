package io.ambientcode.sidecar.k8s.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code ambient.k8s.denied-resources} list (kubernetes-mcp-server's {@code denied_resources}): group, version
 * and kind no tool may list, read, create, update or delete. Kinds compare case-insensitively (a denial of
 * {@code secret} must not be dodged by spelling). Pure.
 */
public final class DeniedResources {

    /** One entry; an empty kind denies the whole group version, version {@code *} matches every version. */
    record Entry(String group, String version, String kind) {
        boolean matches(Gvk gvk) {
            return group.equals(gvk.group())
                    && (version.equals("*") || version.equals(gvk.version()))
                    && (kind.isEmpty() || kind.equalsIgnoreCase(gvk.kind()));
        }

        @Override
        public String toString() {
            String gv = group.isEmpty() ? version : group + "/" + version;
            return kind.isEmpty() ? gv + " (every kind)" : gv + " " + kind;
        }
    }

    private static final DeniedResources NONE = new DeniedResources(List.of());

    private final List<Entry> entries;

    private DeniedResources(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static DeniedResources none() {
        return NONE;
    }

    /**
     * Parses entries such as {@code v1/Secret}, {@code /v1/Secret}, {@code rbac.authorization.k8s.io/v1/ClusterRole},
     * {@code apps/*}{@code /Deployment} or {@code rbac.authorization.k8s.io/v1}.
     *
     * @throws IllegalArgumentException naming the first entry that is not one of these shapes
     */
    public static DeniedResources parse(List<String> values) {
        List<Entry> out = new ArrayList<>();
        for (String raw : values) {
            String v = raw == null ? "" : raw.strip();
            if (v.isEmpty()) {
                continue;
            }
            out.add(entry(v));
        }
        return new DeniedResources(out);
    }

    private static Entry entry(String v) {
        String[] p = v.split("/", -1);
        Entry e;
        if (p.length == 3) {
            e = new Entry(p[0], p[1], p[2]);
        } else if (p.length == 2 && startsUpper(p[1])) {
            e = new Entry("", p[0], p[1]); // v1/Secret: the core group
        } else if (p.length == 2) {
            e = new Entry(p[0], p[1], ""); // rbac.authorization.k8s.io/v1: a whole group version
        } else {
            throw new IllegalArgumentException("'" + v + "' is not group/version/kind (e.g. v1/Secret, "
                    + "rbac.authorization.k8s.io/v1/ClusterRole)");
        }
        boolean ok = e.group().matches("[a-z0-9.-]*")
                && (e.version().equals("*") || e.version().matches("v[0-9]+[a-z0-9]*"))
                && e.kind().matches("([A-Za-z][A-Za-z0-9]*)?")
                && !(e.group().isEmpty() && e.kind().isEmpty());
        if (!ok) {
            throw new IllegalArgumentException("'" + v + "' is not group/version/kind (e.g. v1/Secret, "
                    + "rbac.authorization.k8s.io/v1/ClusterRole)");
        }
        return new Entry(e.group().toLowerCase(Locale.ROOT), e.version(), e.kind());
    }

    private static boolean startsUpper(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
    }

    public boolean denies(Gvk gvk) {
        return entries.stream().anyMatch(e -> e.matches(gvk));
    }

    /**
     * Throws the tool error every tool gives for a denied resource.
     *
     * @throws DeniedResourceException when the resource is denied
     */
    public void check(Gvk gvk, String action) {
        if (denies(gvk)) {
            throw new DeniedResourceException("resource not allowed: " + action + " of " + gvk
                    + " is denied by this sidecar's configuration (ambient.k8s.denied-resources)");
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
