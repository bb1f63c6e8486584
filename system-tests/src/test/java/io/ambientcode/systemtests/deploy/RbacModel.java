package io.ambientcode.systemtests.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the rendered manifests let each ServiceAccount do, and whether one API request is among it: the Kubernetes RBAC
 * rules (Role and ClusterRole rules, granted per namespace by RoleBindings; ClusterRoleBindings would grant cluster
 * wide) applied to requests recorded by an API server. Pure.
 */
public final class RbacModel {

    /** One rule of a role, granted in one namespace. */
    public record Grant(String namespace, Set<String> apiGroups, Set<String> resources, Set<String> verbs,
            Set<String> resourceNames) {
        boolean allows(Access a) {
            return a.namespace() != null && a.namespace().equals(namespace) && apiGroups.contains(a.apiGroup())
                    && resources.contains(a.resource()) && verbs.contains(a.verb())
                    && (resourceNames.isEmpty() || (a.name() != null && resourceNames.contains(a.name())));
        }
    }

    /** An API request as RBAC sees it; {@code namespace} null for cluster-scoped requests. */
    public record Access(String namespace, String apiGroup, String resource, String verb, String name) {
        @Override
        public String toString() {
            return verb + " " + (apiGroup.isEmpty() ? "" : apiGroup + "/") + resource + (name == null ? "" : " " + name)
                    + (namespace == null ? " (cluster-wide)" : " in " + namespace);
        }
    }

    private final Map<String, List<Grant>> grants;

    private RbacModel(Map<String, List<Grant>> grants) {
        this.grants = grants;
    }

    /** {@code serviceAccount} is "namespace/name". */
    public List<Grant> grantsOf(String serviceAccount) {
        return grants.getOrDefault(serviceAccount, List.of());
    }

    public boolean allows(String serviceAccount, Access access) {
        return grantsOf(serviceAccount).stream().anyMatch(g -> g.allows(access));
    }

    /**
     * The model of rendered manifests. {@code alsoBoundLike}: extra namespaces that hold the same RoleBindings as the
     * given one (a session namespace added the way the README says: a copy of {@code sessions/}).
     */
    public static RbacModel of(List<JsonNode> objects, Map<String, String> alsoBoundLike) {
        Map<String, List<Grant>> grants = new java.util.HashMap<>();
        for (JsonNode binding : objects) {
            String kind = binding.path("kind").asText();
            if (!kind.equals("RoleBinding") && !kind.equals("ClusterRoleBinding")) {
                continue;
            }
            String bindingNamespace = binding.path("metadata").path("namespace").asText(null);
            String roleKind = binding.path("roleRef").path("kind").asText();
            String roleName = binding.path("roleRef").path("name").asText();
            JsonNode role = objects.stream().filter(o -> o.path("kind").asText().equals(roleKind)
                    && o.path("metadata").path("name").asText().equals(roleName)
                    && (roleKind.equals("ClusterRole") || o.path("metadata").path("namespace").asText().equals(bindingNamespace)))
                    .findFirst().orElseThrow(() -> new AssertionError(kind + " " + binding.path("metadata").path("name").asText()
                            + " refers to a missing " + roleKind + " " + roleName));
            List<String> namespaces = new ArrayList<>();
            namespaces.add(kind.equals("ClusterRoleBinding") ? "*" : bindingNamespace);
            alsoBoundLike.forEach((extra, like) -> {
                if (like.equals(bindingNamespace)) {
                    namespaces.add(extra);
                }
            });
            for (JsonNode subject : binding.path("subjects")) {
                if (!subject.path("kind").asText().equals("ServiceAccount")) {
                    continue;
                }
                String sa = subject.path("namespace").asText(bindingNamespace) + "/" + subject.path("name").asText();
                for (JsonNode rule : role.path("rules")) {
                    for (String ns : namespaces) {
                        grants.computeIfAbsent(sa, k -> new ArrayList<>()).add(new Grant(ns, set(rule.path("apiGroups")),
                                set(rule.path("resources")), set(rule.path("verbs")), set(rule.path("resourceNames"))));
                    }
                }
            }
        }
        return new RbacModel(grants);
    }

    /** How RBAC names a request (method + path with query); empty for non-resource paths (discovery, version). */
    public static Optional<Access> access(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        String[] p = uri.getPath().replaceAll("^/+|/+$", "").split("/");
        int i;
        String group;
        if (p.length >= 3 && p[0].equals("api")) {
            group = "";
            i = 2;
        } else if (p.length >= 4 && p[0].equals("apis")) {
            group = p[1];
            i = 3;
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if (p.length > i + 2 && p[i].equals("namespaces")) {
            namespace = p[i + 1];
            i += 2;
        }
        String resource = p[i];
        String name = p.length > i + 1 ? p[i + 1] : null;
        if (p.length > i + 2) {
            resource = resource + "/" + p[i + 2];
        }
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        boolean watch = Set.of(query.split("&")).stream().anyMatch(q -> q.equals("watch=true") || q.equals("watch=1"));
        String verb = switch (method) {
            case "GET" -> watch ? "watch" : name != null ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name != null ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return Optional.of(new Access(namespace, group, resource, verb, name));
    }

    private static Set<String> set(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    /** Sorted distinct descriptions, for messages. */
    public static Set<String> describe(List<Access> accesses) {
        Set<String> out = new TreeSet<>();
        accesses.forEach(a -> out.add(a.toString()));
        return out;
    }
}
