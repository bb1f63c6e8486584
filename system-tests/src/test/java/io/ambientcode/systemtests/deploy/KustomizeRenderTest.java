package io.ambientcode.systemtests.deploy;

import static io.ambientcode.systemtests.deploy.Kustomize.id;
import static io.ambientcode.systemtests.deploy.Kustomize.kind;
import static io.ambientcode.systemtests.deploy.Kustomize.name;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.systemtests.support.Repository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acceptance 1 of issue 8: {@code kubectl kustomize deploy/overlays/dev} and {@code .../production} render, and every
 * object they produce is checked: resources and probes on every container, the restricted security context, no
 * wildcard or cluster-wide RBAC, the NetworkPolicies, images pinned to the release, and the CRD exactly as generated.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KustomizeRenderTest {

    private static final String SERVICES_NAMESPACE = "ambient-code";
    private static final String SESSIONS_NAMESPACE = "ambient-sessions";
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
            "CronJob", "Pod");
    private static final Set<String> RUN_TO_COMPLETION = Set.of("Job", "CronJob");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PriorityClass", "StorageClass");
    /** Image references: registry/path:tag (a digest would be fine too); never latest, never untagged. */
    private static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9.-]+(:[0-9]+)?/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[a-f0-9]{64})");
    /** Verbs that let a subject widen its own rights. */
    private static final Set<String> ESCALATING_VERBS = Set.of("escalate", "bind", "impersonate");
    /** Secrets the operator (production) or the dev Job creates; referenced, never part of the rendered manifests. */
    private static final Set<String> OUT_OF_BAND_SECRETS = Set.of("ambient-credential-api-db",
            "ambient-credential-api-encryption", "ambient-control-plane-signing-key");

    private final Map<String, List<JsonNode>> rendered = new HashMap<>();

    private List<JsonNode> objects(String overlay) throws IOException, InterruptedException {
        if (!rendered.containsKey(overlay)) {
            rendered.put(overlay, Kustomize.render(Repository.root().resolve("deploy/overlays").resolve(overlay)));
        }
        return rendered.get(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void rendersWellFormedObjectsWithNamespaces(String overlay) throws Exception {
        List<JsonNode> objects = objects(overlay);
        assertThat(objects).hasSizeGreaterThan(20);
        for (JsonNode o : objects) {
            assertThat(o.path("apiVersion").asText()).as("apiVersion of %s", id(o)).isNotBlank();
            assertThat(name(o)).as("name of a %s", kind(o)).isNotBlank();
            if (!CLUSTER_SCOPED.contains(kind(o))) {
                assertThat(o.path("metadata").path("namespace").asText()).as("namespace of %s", id(o))
                        .isIn(SERVICES_NAMESPACE, SESSIONS_NAMESPACE);
            }
        }
        assertThat(objects).extracting(Kustomize::id).doesNotHaveDuplicates()
                .contains("Namespace ambient-code", "Namespace ambient-sessions",
                        "Deployment ambient-code/ambient-token-server", "Deployment ambient-code/ambient-credential-api",
                        "Deployment ambient-code/ambient-control-plane");
        assertThat(objects).noneMatch(o -> kind(o).equals("ServiceMonitor"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyContainerHasResourcesAndEveryLongRunningContainerHasProbes(String overlay) throws Exception {
        List<String> checked = new ArrayList<>();
        for (JsonNode workload : workloads(overlay)) {
            boolean longRunning = !RUN_TO_COMPLETION.contains(kind(workload));
            for (JsonNode c : containers(podSpec(workload))) {
                String where = id(workload) + " container " + c.path("name").asText();
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(c.path("resources").path(bound).path(resource).asText()).as("%s %s.%s", where, bound, resource)
                                .isNotBlank();
                    }
                }
                if (longRunning) {
                    assertThat(c.has("readinessProbe")).as("%s readinessProbe", where).isTrue();
                    assertThat(c.has("livenessProbe")).as("%s livenessProbe", where).isTrue();
                    assertThat(c.has("startupProbe")).as("%s startupProbe", where).isTrue();
                }
                checked.add(where);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(3);
    }

    /** The restricted Pod Security Standard, and a read-only root filesystem on top of it. */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyPodIsRestricted(String overlay) throws Exception {
        for (JsonNode workload : workloads(overlay)) {
            JsonNode pod = podSpec(workload);
            JsonNode podContext = pod.path("securityContext");
            for (String hostField : List.of("hostNetwork", "hostPID", "hostIPC")) {
                assertThat(pod.path(hostField).asBoolean(false)).as("%s %s", id(workload), hostField).isFalse();
            }
            for (JsonNode volume : pod.path("volumes")) {
                assertThat(volume.has("hostPath")).as("%s hostPath volume %s", id(workload), volume.path("name")).isFalse();
            }
            assertThat(podContext.path("runAsUser").asLong(1)).as("%s runAsUser", id(workload)).isNotZero();
            for (JsonNode c : containers(pod)) {
                String where = id(workload) + " container " + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").isBoolean() && !sc.path("allowPrivilegeEscalation").asBoolean())
                        .as("%s allowPrivilegeEscalation: false", where).isTrue();
                assertThat(sc.path("privileged").asBoolean(false)).as("%s privileged", where).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as("%s readOnlyRootFilesystem", where).isTrue();
                assertThat(texts(sc.path("capabilities").path("drop"))).as("%s capabilities.drop", where).contains("ALL");
                assertThat(texts(sc.path("capabilities").path("add"))).as("%s capabilities.add", where)
                        .isSubsetOf("NET_BIND_SERVICE");
                boolean nonRoot = sc.path("runAsNonRoot").asBoolean(false)
                        || (!sc.has("runAsNonRoot") && podContext.path("runAsNonRoot").asBoolean(false));
                assertThat(nonRoot).as("%s runAsNonRoot", where).isTrue();
                assertThat(sc.path("runAsUser").asLong(1)).as("%s runAsUser", where).isNotZero();
                String seccomp = sc.path("seccompProfile").path("type").asText(podContext.path("seccompProfile").path("type").asText());
                assertThat(seccomp).as("%s seccompProfile", where).isIn("RuntimeDefault", "Localhost");
            }
        }
    }

    /**
     * A Secret volume is owned by root: a non-root container reads it only if the mode gives everyone read, or gives
     * the group read and the pod sets an fsGroup (added to the process's groups). Otherwise the service would fail to
     * start with "permission denied" in the cluster, never in a test.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void secretVolumesAreReadableByTheNonRootContainer(String overlay) throws Exception {
        int checked = 0;
        for (JsonNode workload : workloads(overlay)) {
            JsonNode pod = podSpec(workload);
            for (JsonNode volume : pod.path("volumes")) {
                if (!volume.has("secret")) {
                    continue;
                }
                int mode = volume.path("secret").path("defaultMode").asInt(0644);
                boolean worldReadable = (mode & 0004) != 0;
                boolean groupReadable = (mode & 0040) != 0 && pod.path("securityContext").has("fsGroup");
                assertThat(worldReadable || groupReadable).as("%s volume %s mode %s", id(workload), volume.path("name").asText(),
                        Integer.toOctalString(mode)).isTrue();
                assertThat(mode & 0002).as("%s volume %s world-writable", id(workload), volume.path("name").asText()).isZero();
                checked++;
            }
        }
        assertThat(checked).as("the control plane's signing key is a Secret volume").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void rbacHasNoWildcardsNothingClusterWideAndNoEscalation(String overlay) throws Exception {
        List<JsonNode> objects = objects(overlay);
        assertThat(objects).as("nothing is granted cluster-wide").noneMatch(o -> kind(o).equals("ClusterRoleBinding"));
        List<JsonNode> roles = objects.stream().filter(o -> kind(o).equals("Role") || kind(o).equals("ClusterRole")).toList();
        assertThat(roles).isNotEmpty();
        for (JsonNode role : roles) {
            assertThat(role.has("aggregationRule")).as("%s aggregationRule", id(role)).isFalse();
            for (JsonNode rule : role.path("rules")) {
                for (String field : List.of("verbs", "resources", "apiGroups", "resourceNames", "nonResourceURLs")) {
                    assertThat(texts(rule.path(field))).as("%s rule %s", id(role), field).noneMatch(v -> v.contains("*"));
                }
                assertThat(texts(rule.path("verbs"))).as("%s verbs", id(role)).isNotEmpty().doesNotContainAnyElementsOf(ESCALATING_VERBS);
                assertThat(texts(rule.path("nonResourceURLs"))).as("%s nonResourceURLs", id(role)).isEmpty();
            }
        }
        // The token server may touch its own keypair Secret by name only (create cannot be limited by name).
        JsonNode keys = find(objects, "Role", "ambient-token-server-keys");
        for (JsonNode rule : keys.path("rules")) {
            if (!texts(rule.path("verbs")).equals(List.of("create"))) {
                assertThat(texts(rule.path("resourceNames"))).as("%s get/update by name", id(keys)).containsExactly("ambient-cp-token-keypair");
            }
        }
        // The ClusterRoles are granted in the session namespace only, to the services' own accounts.
        for (String clusterRole : List.of("ambient-control-plane", "ambient-token-server-sessions")) {
            List<JsonNode> bindings = objects.stream().filter(o -> kind(o).equals("RoleBinding"))
                    .filter(b -> b.path("roleRef").path("name").asText().equals(clusterRole)).toList();
            assertThat(bindings).as("bindings of ClusterRole %s", clusterRole).singleElement().satisfies(b -> {
                assertThat(b.path("metadata").path("namespace").asText()).isEqualTo(SESSIONS_NAMESPACE);
                assertThat(b.path("subjects")).singleElement().satisfies(s -> {
                    assertThat(s.path("kind").asText()).isEqualTo("ServiceAccount");
                    assertThat(s.path("namespace").asText()).isEqualTo(SERVICES_NAMESPACE);
                });
            });
        }
        // The credential API has an account with no binding and no API token in its pods.
        assertThat(objects).filteredOn(o -> kind(o).endsWith("Binding"))
                .noneMatch(b -> b.path("subjects").toString().contains("ambient-credential-api"));
        JsonNode credentialApi = find(objects, "Deployment", "ambient-credential-api");
        assertThat(podSpec(credentialApi).path("automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void networkPoliciesKeepTheServicesToTheirCallers(String overlay) throws Exception {
        List<JsonNode> objects = objects(overlay);
        JsonNode deny = find(objects, "NetworkPolicy", "default-deny-ingress");
        assertThat(deny.path("metadata").path("namespace").asText()).isEqualTo(SERVICES_NAMESPACE);
        assertThat(deny.path("spec").path("podSelector").isEmpty()).as("selects every pod").isTrue();
        assertThat(texts(deny.path("spec").path("policyTypes"))).containsExactly("Ingress");
        assertThat(deny.path("spec").has("ingress")).isFalse();

        assertThat(sources(find(objects, "NetworkPolicy", "ambient-token-server-ingress"), "ambient-token-server"))
                .containsExactlyInAnyOrder("session-pods", "pod:ambient-credential-api");
        assertThat(sources(find(objects, "NetworkPolicy", "ambient-credential-api-ingress"), "ambient-credential-api"))
                .containsExactlyInAnyOrder("session-pods", "pod:ambient-control-plane");

        JsonNode sessions = find(objects, "NetworkPolicy", "ambient-session-pods-deny-ingress");
        assertThat(sessions.path("metadata").path("namespace").asText()).isEqualTo(SESSIONS_NAMESPACE);
        assertThat(sessions.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/managed-by").asText())
                .isEqualTo("ambient-control-plane");
        assertThat(texts(sessions.path("spec").path("policyTypes"))).containsExactly("Ingress");
        assertThat(sessions.path("spec").has("ingress")).as("no ingress rule: nothing but the node's probes").isFalse();

        // The session namespace is the one the policies' namespaceSelector picks.
        JsonNode ns = find(objects, "Namespace", SESSIONS_NAMESPACE);
        assertThat(ns.path("metadata").path("labels").path("ambient-code.io/sessions").asText()).isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyImageIsPinnedToAVersionNeverLatest(String overlay) throws Exception {
        List<String> images = new ArrayList<>();
        for (JsonNode workload : workloads(overlay)) {
            containers(podSpec(workload)).forEach(c -> images.add(c.path("image").asText()));
        }
        // Sidecar images the control plane puts into session pods.
        for (JsonNode cm : objects(overlay).stream().filter(o -> kind(o).equals("ConfigMap")).toList()) {
            cm.path("data").fields().forEachRemaining(e -> {
                if (e.getKey().startsWith("AMBIENT_CONTROL_PLANE_SIDECARS_IMAGES_")) {
                    images.add(e.getValue().asText());
                }
            });
        }
        assertThat(images).hasSizeGreaterThanOrEqualTo(7);
        for (String image : images) {
            assertThat(image).as("image %s", image).matches(PINNED_IMAGE).doesNotEndWith(":latest");
            if (image.startsWith("quay.io/ambient-code/")) {
                assertThat(image).as("our images carry the release version").endsWith(":" + Repository.version());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void crdIsExactlyTheGeneratedOne(String overlay) throws Exception {
        JsonNode expected = Kustomize.parse(new String(DeploySync.crd(), java.nio.charset.StandardCharsets.UTF_8)).get(0);
        JsonNode actual = find(objects(overlay), "CustomResourceDefinition", "agenticsessions.ambient-code.io");
        assertThat(actual).isEqualTo(expected);
    }

    /** Every ConfigMap and Secret a pod reads exists in the output, or is one of the documented out-of-band Secrets. */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyReferencedConfigMapExists(String overlay) throws Exception {
        List<JsonNode> objects = objects(overlay);
        Set<String> configMaps = new TreeSet<>();
        objects.stream().filter(o -> kind(o).equals("ConfigMap")).forEach(o -> configMaps.add(name(o)));
        for (JsonNode workload : workloads(overlay)) {
            JsonNode pod = podSpec(workload);
            List<JsonNode> refs = new ArrayList<>();
            for (JsonNode c : containers(pod)) {
                c.path("envFrom").forEach(refs::add);
                c.path("env").forEach(e -> refs.add(e.path("valueFrom")));
            }
            pod.path("volumes").forEach(refs::add);
            for (JsonNode ref : refs) {
                for (String key : List.of("configMapRef", "configMapKeyRef", "configMap")) {
                    if (ref.has(key)) {
                        assertThat(configMaps).as("%s reads ConfigMap", id(workload)).contains(ref.path(key).path("name").asText());
                    }
                }
                for (String key : List.of("secretRef", "secretKeyRef")) {
                    if (ref.has(key)) {
                        assertThat(OUT_OF_BAND_SECRETS).as("%s reads Secret", id(workload)).contains(ref.path(key).path("name").asText());
                    }
                }
                if (ref.has("secret")) {
                    assertThat(OUT_OF_BAND_SECRETS).contains(ref.path("secret").path("secretName").asText());
                }
            }
        }
        // No secret value is part of the manifests: Secrets are created by the operator or, in dev, inside the cluster.
        assertThat(objects).noneMatch(o -> kind(o).equals("Secret"));
    }

    @Test
    void productionRunsTwoSpreadReplicasWithDisruptionBudgets() throws Exception {
        List<JsonNode> objects = objects("production");
        for (String service : List.of("ambient-token-server", "ambient-credential-api")) {
            JsonNode deployment = find(objects, "Deployment", service);
            assertThat(deployment.path("spec").path("replicas").asInt()).as("%s replicas", service).isEqualTo(2);
            JsonNode antiAffinity = podSpec(deployment).path("affinity").path("podAntiAffinity");
            assertThat(antiAffinity.toString()).as("%s anti-affinity", service)
                    .contains("kubernetes.io/hostname").contains("\"app.kubernetes.io/name\":\"" + service + "\"");
            JsonNode pdb = find(objects, "PodDisruptionBudget", service);
            assertThat(pdb.path("spec").path("minAvailable").asInt()).isEqualTo(1);
            assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                    .isEqualTo(deployment.path("spec").path("template").path("metadata").path("labels")
                            .path("app.kubernetes.io/name").asText());
            assertThat(pdb.path("spec").path("selector").path("matchLabels").size()).isEqualTo(1);
        }
        assertThat(find(objects, "Deployment", "ambient-control-plane").path("spec").path("replicas").asInt())
                .as("one operator reconciles").isEqualTo(1);
        assertThat(objects).as("external PostgreSQL").noneMatch(o -> kind(o).equals("StatefulSet"));
    }

    @Test
    void devRunsOneReplicaAndAnInClusterPostgresWithAGeneratedPassword() throws Exception {
        List<JsonNode> objects = objects("dev");
        for (String service : List.of("ambient-token-server", "ambient-credential-api", "ambient-control-plane")) {
            assertThat(find(objects, "Deployment", service).path("spec").path("replicas").asInt()).isEqualTo(1);
        }
        JsonNode postgres = find(objects, "StatefulSet", "ambient-postgres");
        JsonNode container = containers(podSpec(postgres)).get(0);
        assertThat(container.path("env").toString()).contains("secretKeyRef").contains("ambient-credential-api-db")
                .doesNotContain("POSTGRES_PASSWORD\",\"value\"");
        assertThat(sources(find(objects, "NetworkPolicy", "ambient-postgres-ingress"), "ambient-postgres"))
                .containsExactly("pod:ambient-credential-api");
        JsonNode job = find(objects, "Job", "ambient-dev-secrets");
        assertThat(podSpec(job).toString()).contains("/dev/urandom").contains("immutable: true");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private List<JsonNode> workloads(String overlay) throws IOException, InterruptedException {
        List<JsonNode> workloads = objects(overlay).stream().filter(o -> WORKLOADS.contains(kind(o))).toList();
        assertThat(workloads).isNotEmpty();
        return workloads;
    }

    static JsonNode podSpec(JsonNode workload) {
        return switch (kind(workload)) {
            case "Pod" -> workload.path("spec");
            case "CronJob" -> workload.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            default -> workload.path("spec").path("template").path("spec");
        };
    }

    static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        assertThat(all).isNotEmpty();
        return all;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered manifests"));
    }

    /**
     * Who a policy admits to the pods of {@code app}: "session-pods" (pods the control plane created in a namespace
     * labelled as a session namespace) or "pod:&lt;name&gt;" (a service in the same namespace). Anything else fails.
     */
    private static Set<String> sources(JsonNode policy, String app) {
        JsonNode spec = policy.path("spec");
        assertThat(spec.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(app);
        assertThat(texts(spec.path("policyTypes"))).contains("Ingress");
        Set<String> sources = new TreeSet<>();
        assertThat(spec.path("ingress")).as("%s ingress rules", id(policy)).hasSize(1);
        JsonNode rule = spec.path("ingress").get(0);
        assertThat(rule.path("ports")).as("%s ports", id(policy)).isNotEmpty();
        for (JsonNode from : rule.path("from")) {
            assertThat(from.has("ipBlock")).as("%s ipBlock", id(policy)).isFalse();
            if (from.has("namespaceSelector")) {
                assertThat(from.path("namespaceSelector").path("matchLabels").path("ambient-code.io/sessions").asText()).isEqualTo("true");
                assertThat(from.path("podSelector").path("matchLabels").path("app.kubernetes.io/managed-by").asText())
                        .isEqualTo("ambient-control-plane");
                assertThat(from.path("podSelector").path("matchExpressions").toString()).contains("ambient-code.io/session-id");
                sources.add("session-pods");
            } else {
                String source = from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText();
                assertThat(source).as("%s source", id(policy)).isNotBlank();
                sources.add("pod:" + source);
            }
        }
        return sources;
    }
}
