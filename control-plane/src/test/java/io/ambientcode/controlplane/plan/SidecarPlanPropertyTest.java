package io.ambientcode.controlplane.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.ProofSecret;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.contracts.session.SidecarSpec;
import io.ambientcode.controlplane.kubernetes.PodSettings;
import io.ambientcode.controlplane.kubernetes.ProofSecretRenderer;
import io.ambientcode.controlplane.kubernetes.SessionPodRenderer;
import io.ambientcode.controlplane.kubernetes.SessionRequests;
import io.ambientcode.controlplane.support.TestKeys;
import io.ambientcode.controlplane.support.TestSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2: over hundreds of generated sessions (random provider subsets including unsupported ones, random runner
 * env and names, missing images, missing token-server configuration, random sidecar settings) the rendered pod keeps
 * the isolation invariants. Seeded, so a failure names a reproducible case.
 */
class SidecarPlanPropertyTest {

    private static final long SEED = 0x5EED_2026_1129L;
    private static final int CASES = 600;
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_SERVER_KEY = Pem.toSpkiPem(TestKeys.rsa(3072).getPublic());
    private static final List<String> PROVIDER_POOL = List.of("github", "jira", "kubeconfig", "google", "gitlab", "vertex",
            "bitbucket");
    /** Names a user might try, many of them reserved. */
    private static final List<String> ENV_NAME_POOL = List.of("LOG_LEVEL", "EDITOR", "TASK", "HOME", "PATH",
            "SESSION_ID", "CREDENTIAL_IDS", "CREDENTIAL_MCP_URLS", "CREDENTIAL_SIDECAR_MODE", "AMBIENT_API_URL",
            "AMBIENT_CP_TOKEN_URL", "AMBIENT_CP_TOKEN_PUBLIC_KEY", "AMBIENT_SIDECAR_PROOF_FILE", "GIT_CONFIG_COUNT",
            "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0", "GIT_CONFIG_PARAMETERS", "GITHUB_TOKEN", "gh_token", "KUBECONFIG",
            "MCP_TOOLS", "mcp_read_only", "Ambient_Cp_Token_Url", "1NVALID", "has-dash", "", "with space");
    private static final List<String> TOOL_POOL = List.of("get_file_contents", "list_issues", "search_code",
            "jira_get_issue", "pods_list", "bad,comma", "", "spaces here", "x".repeat(200));

    record Case(int index, AgenticSession session, ResolvedCredentials credentials, PlanSettings settings,
            PodSettings pod, Map<String, String> proofs, SidecarPlan plan, Pod rendered, Secret secret) {
    }

    @Test
    void renderedPodsKeepTheIsolationInvariants() {
        Random random = new Random(SEED);
        Set<Integer> sidecarCounts = new HashSet<>();
        int withUnsupported = 0;
        int withoutTokenServer = 0;
        int withMissingImage = 0;
        for (int i = 0; i < CASES; i++) {
            Case c = generate(random, i);
            String label = "case " + i + " (seed " + SEED + ")";
            assertRunnerIsClean(c, label);
            assertEachSidecarHoldsOnlyItsOwn(c, label);
            assertEveryContainerIsRestricted(c, label);
            assertPortsDoNotCollide(c, label);
            assertPodLevelSettings(c, label);
            assertNothingDroppedSilently(c, label);
            assertDeterministic(c, label);
            sidecarCounts.add(c.plan().sidecars().size());
            withUnsupported += c.plan().unsupportedProviders().isEmpty() ? 0 : 1;
            withoutTokenServer += c.settings().tokenServerConfigured() ? 0 : 1;
            withMissingImage += c.settings().images().size() < Provider.values().length ? 1 : 0;
        }
        // The generator reached the interesting corners.
        assertThat(sidecarCounts).contains(0, 1, 2, 3, 4);
        assertThat(withUnsupported).isGreaterThan(CASES / 4);
        assertThat(withoutTokenServer).isGreaterThan(CASES / 10);
        assertThat(withMissingImage).isGreaterThan(CASES / 4);
    }

    private static Case generate(Random random, int index) {
        AgenticSession session = new AgenticSession();
        session.getMetadata().setName(label(random, 1 + random.nextInt(40)));
        session.getMetadata().setNamespace(label(random, 1 + random.nextInt(20)));
        session.getMetadata().setUid(new UUID(random.nextLong(), random.nextLong()).toString());
        session.getSpec().setProject(label(random, 1 + random.nextInt(30)));
        if (random.nextBoolean()) {
            session.getSpec().setAgent(label(random, 1 + random.nextInt(20)));
        }
        io.ambientcode.contracts.session.RunnerSpec runner = new io.ambientcode.contracts.session.RunnerSpec();
        runner.setImage("quay.io/" + label(random, 8) + "/runner:" + random.nextInt(100));
        List<RunnerEnvVar> env = new ArrayList<>();
        for (int n = random.nextInt(9); n > 0; n--) {
            String name = random.nextInt(3) == 0 ? upperName(random) : pick(random, ENV_NAME_POOL);
            env.add(new RunnerEnvVar(name, text(random)));
        }
        runner.setEnv(env);
        session.getSpec().setRunner(runner);
        session.getSpec().setTimeout(pick(random, java.util.Arrays.asList(null, "", "2h", "0s", "1h30m", "45m", "90s")));

        Map<String, String> credentials = new LinkedHashMap<>();
        for (String provider : PROVIDER_POOL) {
            if (random.nextInt(100) < 45) {
                credentials.put(provider, "cred-" + provider.charAt(0) + "-" + Long.toHexString(random.nextLong() & 0xffffffffffL));
            }
        }
        Map<String, SidecarSpec> sidecars = new LinkedHashMap<>();
        for (String provider : PROVIDER_POOL) {
            if (random.nextInt(4) == 0) {
                SidecarSpec spec = new SidecarSpec();
                spec.setReadOnly(random.nextBoolean() ? null : random.nextBoolean());
                spec.setTools(random.nextBoolean() ? null : List.of(pick(random, TOOL_POOL), pick(random, TOOL_POOL)));
                spec.setExcludeTools(random.nextBoolean() ? null : List.of(pick(random, TOOL_POOL)));
                sidecars.put(provider, spec);
            }
        }
        session.getSpec().setSidecars(sidecars.isEmpty() ? null : sidecars);

        Map<Provider, String> images = new EnumMap<>(Provider.class);
        for (Provider p : Provider.values()) {
            if (random.nextInt(100) < 80) {
                images.put(p, "quay.io/ambient-code/" + p.containerName() + ":" + random.nextInt(10));
            }
        }
        boolean hasUrl = random.nextInt(100) < 85;
        boolean hasKey = random.nextInt(100) < 85;
        PlanSettings settings = new PlanSettings(images,
                hasUrl ? Optional.of(TestSettings.TOKEN_URL) : Optional.empty(),
                hasKey ? Optional.of(TOKEN_SERVER_KEY) : Optional.empty(),
                TestSettings.API_URL, random.nextBoolean(), ProofLocation.KUBERNETES);
        PodSettings pod = TestSettings.pod();

        ResolvedCredentials resolved = ResolvedCredentials.of(credentials);
        SidecarPlan plan = SidecarPlanner.plan(SessionRequests.from(session), resolved, settings);
        Map<String, String> proofs = Proofs.forKeys(plan.proofKeys(), Map.of(), ProofSource.SECURE_RANDOM);
        return new Case(index, session, resolved, settings, pod, proofs, plan,
                SessionPodRenderer.render(session, plan, pod), ProofSecretRenderer.render(session, proofs));
    }

    /** I1: no credential id, proof, token-server URL or key, secret volume, envFrom or valueFrom in the runner. */
    private static void assertRunnerIsClean(Case c, String label) {
        List<Container> containers = c.rendered().getSpec().getContainers();
        assertThat(containers).as(label).hasSize(1);
        Container runner = containers.get(0);
        assertThat(runner.getName()).isEqualTo(SessionPodRenderer.RUNNER_CONTAINER);
        assertThat(runner.getEnvFrom()).as(label).isNullOrEmpty();
        assertThat(runner.getPorts()).as(label).isNullOrEmpty();
        String forbiddenUrl = TestSettings.TOKEN_URL;
        for (EnvVar var : runner.getEnv()) {
            assertThat(var.getValueFrom()).as(label + " " + var.getName()).isNull();
            assertThat(var.getName()).as(label).doesNotStartWith("AMBIENT_").isNotIn(SidecarEnv.CREDENTIAL_IDS,
                    SidecarEnv.CREDENTIAL_PROVIDER, "GITHUB_TOKEN", "KUBECONFIG");
            String value = var.getValue();
            for (String id : c.credentials().byProvider().values()) {
                assertThat(value).as(label + " runner env " + var.getName()).doesNotContain(id);
            }
            for (String proof : c.proofs().values()) {
                assertThat(value).as(label).doesNotContain(proof);
            }
            assertThat(value).as(label).doesNotContain(forbiddenUrl).doesNotContain("BEGIN PUBLIC KEY")
                    .doesNotContain(SidecarEnv.PROOF_MOUNT_PATH);
        }
        Map<String, String> env = runner.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue,
                (a, b) -> b));
        assertThat(env).as(label).containsEntry(RunnerEnv.SESSION_ID, c.session().getMetadata().getUid())
                .containsEntry(RunnerEnv.CREDENTIAL_SIDECAR_MODE, "true");
        Map<String, String> urls = readMap(env.get(RunnerEnv.CREDENTIAL_MCP_URLS));
        assertThat(urls.keySet()).as(label).containsExactlyElementsOf(providerIds(c.plan()));
        urls.forEach((id, url) -> assertThat(url).isEqualTo(Provider.byId(id).orElseThrow().localMcpUrl()));
        boolean github = providerIds(c.plan()).contains("github");
        assertThat(env.containsKey(RunnerEnv.GIT_CONFIG_COUNT)).as(label).isEqualTo(github);
        if (github) {
            assertThat(env).containsEntry(RunnerEnv.GIT_CONFIG_KEY_PREFIX + 0, RunnerEnv.gitInsteadOfKey(8091))
                    .containsEntry(RunnerEnv.GIT_CONFIG_VALUE_PREFIX + 0, RunnerEnv.GITHUB_GIT_BASE);
        }
        Map<String, Volume> volumes = volumes(c.rendered());
        for (VolumeMount mount : runner.getVolumeMounts()) {
            Volume v = volumes.get(mount.getName());
            assertThat(v.getSecret()).as(label).isNull();
            assertThat(v.getProjected()).as(label).isNull();
            assertThat(v.getConfigMap()).as(label).isNull();
            assertThat(v.getEmptyDir()).as(label).isNotNull();
        }
    }

    /** I2: each sidecar mounts only its own proof, learns only its own credential id. */
    private static void assertEachSidecarHoldsOnlyItsOwn(Case c, String label) {
        List<Container> sidecars = c.rendered().getSpec().getInitContainers();
        assertThat(sidecars).extracting(Container::getName).as(label)
                .containsExactlyElementsOf(c.plan().sidecars().stream().map(PlannedSidecar::containerName).toList());
        Map<String, Volume> volumes = volumes(c.rendered());
        String secretName = ProofSecret.nameFor(c.session().getMetadata().getName());
        Map<String, Integer> secretMounts = new LinkedHashMap<>();
        for (Container sidecar : sidecars) {
            Provider provider = Stream.of(Provider.values()).filter(p -> p.containerName().equals(sidecar.getName()))
                    .findFirst().orElseThrow();
            assertThat(sidecar.getRestartPolicy()).as(label).isEqualTo("Always");
            assertThat(sidecar.getEnvFrom()).as(label).isNullOrEmpty();
            assertThat(sidecar.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(sidecar.getReadinessProbe().getHttpGet().getPort().getIntVal()).isEqualTo(provider.managementPort());
            assertThat(sidecar.getStartupProbe().getHttpGet().getPort().getIntVal()).isEqualTo(provider.managementPort());
            assertThat(sidecar.getPorts()).extracting(ContainerPort::getContainerPort)
                    .containsExactly(provider.port(), provider.managementPort());
            List<VolumeMount> secretVolumes = sidecar.getVolumeMounts().stream()
                    .filter(m -> volumes.get(m.getName()).getSecret() != null).toList();
            assertThat(secretVolumes).as(label).hasSize(1);
            VolumeMount mount = secretVolumes.get(0);
            secretMounts.merge(mount.getName(), 1, Integer::sum);
            var secret = volumes.get(mount.getName()).getSecret();
            assertThat(secret.getSecretName()).isEqualTo(secretName);
            assertThat(secret.getItems()).as(label).singleElement().satisfies(item -> {
                assertThat(item.getKey()).isEqualTo(provider.id());
                assertThat(mount.getMountPath() + "/" + item.getPath()).isEqualTo(SidecarEnv.proofFile(provider.id()));
            });
            assertThat(mount.getReadOnly()).isTrue();
            Map<String, String> env = sidecar.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertThat(readMap(env.get(SidecarEnv.CREDENTIAL_IDS))).as(label)
                    .containsExactly(Map.entry(provider.id(), c.credentials().byProvider().get(provider.id())));
            assertThat(env).containsEntry(SidecarEnv.CREDENTIAL_PROVIDER, provider.id())
                    .containsEntry(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, SidecarEnv.proofFile(provider.id()))
                    .containsEntry(SidecarEnv.SESSION_ID, c.session().getMetadata().getUid());
            for (String other : c.proofs().keySet()) {
                if (!other.equals(provider.id())) {
                    assertThat(sidecar.toString()).as(label).doesNotContain(c.proofs().get(other));
                }
            }
            if (env.containsKey(SidecarEnv.MCP_TOOLS)) {
                assertThat(env.get(SidecarEnv.MCP_TOOLS)).matches("[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*");
            }
        }
        assertThat(secretMounts.values()).as(label + ": a proof volume mounted by one container only").allMatch(n -> n == 1);
        assertThat(c.secret().getData().keySet()).as(label).containsExactlyElementsOf(c.plan().proofKeys());
        assertThat(c.secret().getImmutable()).isTrue();
        c.secret().getData().forEach((k, v) -> assertThat(new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8))
                .matches("[A-Za-z0-9_-]{43}"));
    }

    private static void assertEveryContainerIsRestricted(Case c, String label) {
        List<Container> all = new ArrayList<>(c.rendered().getSpec().getInitContainers());
        all.addAll(c.rendered().getSpec().getContainers());
        for (Container container : all) {
            SecurityContext sc = container.getSecurityContext();
            assertThat(sc).as(label + " " + container.getName()).isNotNull();
            assertThat(sc.getRunAsNonRoot()).as(label).isTrue();
            assertThat(sc.getReadOnlyRootFilesystem()).as(label).isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).as(label).isFalse();
            assertThat(sc.getPrivileged()).as(label).isNotEqualTo(Boolean.TRUE);
            assertThat(sc.getCapabilities().getDrop()).as(label).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).as(label).isNullOrEmpty();
            assertThat(sc.getSeccompProfile().getType()).as(label).isEqualTo("RuntimeDefault");
        }
    }

    private static void assertPortsDoNotCollide(Case c, String label) {
        List<Integer> ports = Stream.concat(c.rendered().getSpec().getInitContainers().stream(),
                        c.rendered().getSpec().getContainers().stream())
                .flatMap(container -> container.getPorts() == null ? Stream.empty() : container.getPorts().stream())
                .map(ContainerPort::getContainerPort).toList();
        assertThat(ports).as(label).doesNotHaveDuplicates();
        List<String> names = Stream.concat(c.rendered().getSpec().getInitContainers().stream(),
                        c.rendered().getSpec().getContainers().stream())
                .flatMap(container -> container.getPorts() == null ? Stream.empty() : container.getPorts().stream())
                .map(ContainerPort::getName).toList();
        assertThat(names).as(label).doesNotHaveDuplicates().allMatch(n -> n.length() <= 15);
    }

    private static void assertPodLevelSettings(Case c, String label) {
        var spec = c.rendered().getSpec();
        assertThat(spec.getShareProcessNamespace()).as(label).isFalse();
        assertThat(spec.getAutomountServiceAccountToken()).as(label).isFalse();
        assertThat(spec.getEnableServiceLinks()).as(label).isFalse();
        assertThat(spec.getRestartPolicy()).as(label).isEqualTo("Never");
        assertThat(spec.getHostNetwork()).as(label).isNotEqualTo(Boolean.TRUE);
        assertThat(spec.getHostPID()).as(label).isNotEqualTo(Boolean.TRUE);
        assertThat(spec.getHostIPC()).as(label).isNotEqualTo(Boolean.TRUE);
        assertThat(volumes(c.rendered()).values()).as(label).allMatch(v -> v.getHostPath() == null);
        Long deadline = spec.getActiveDeadlineSeconds();
        assertThat(deadline == null ? null : deadline.longValue()).as(label)
                .isEqualTo(SessionTimeout.seconds(c.session().getSpec().getTimeout()).isPresent()
                        ? SessionTimeout.seconds(c.session().getSpec().getTimeout()).getAsLong() : null);
    }

    /** Every resolved credential is accounted for: a sidecar, a condition naming it, or the unsupported list. */
    private static void assertNothingDroppedSilently(Case c, String label) {
        Set<String> planned = new LinkedHashSet<>(providerIds(c.plan()));
        Set<String> unsupported = new LinkedHashSet<>(c.plan().unsupportedProviders());
        PlanCondition configured = c.plan().conditions().stream()
                .filter(pc -> pc.type().equals(PlanCondition.SIDECARS_CONFIGURED)).findFirst().orElseThrow();
        for (String provider : c.credentials().byProvider().keySet()) {
            boolean supported = Provider.isSupported(provider);
            assertThat(unsupported.contains(provider)).as(label + " " + provider).isEqualTo(!supported);
            if (supported && !planned.contains(provider)) {
                assertThat(configured.status()).as(label).isFalse();
                assertThat(configured.message()).as(label).contains(provider);
            }
        }
        if (!c.settings().tokenServerConfigured()) {
            assertThat(planned).as(label + ": no token server, no sidecar").isEmpty();
        }
        assertThat(c.plan().credentials()).isEqualTo(c.credentials().byProvider());
        assertThat(planned).as(label + ": registry order").containsExactlyElementsOf(Stream.of(Provider.values())
                .map(Provider::id).filter(planned::contains).toList());
        assertThat(unsupported).as(label).isSubsetOf(c.credentials().byProvider().keySet());
    }

    /** Same input in another order, rendered again: the same pod, byte for byte. */
    private static void assertDeterministic(Case c, String label) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(c.credentials().byProvider().entrySet());
        Collections.reverse(entries);
        Map<String, String> reversed = new LinkedHashMap<>();
        entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
        SidecarPlan again = SidecarPlanner.plan(SessionRequests.from(c.session()), ResolvedCredentials.of(reversed),
                c.settings());
        assertThat(again).as(label).isEqualTo(c.plan());
        assertThat(SERIALIZATION.asYaml(SessionPodRenderer.render(c.session(), again, c.pod())))
                .as(label).isEqualTo(SERIALIZATION.asYaml(c.rendered()));
    }

    private static List<String> providerIds(SidecarPlan plan) {
        return plan.sidecars().stream().map(s -> s.provider().id()).toList();
    }

    private static Map<String, Volume> volumes(Pod pod) {
        return pod.getSpec().getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
    }

    private static Map<String, String> readMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (Exception e) {
            throw new AssertionError("not a JSON object of strings: " + json, e);
        }
    }

    private static String label(Random random, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        b.append((char) ('a' + random.nextInt(26)));
        for (int i = 1; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String upperName(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
        StringBuilder b = new StringBuilder("X");
        for (int i = random.nextInt(12); i > 0; i--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** Values without '-', so they can never contain a credential id ({@code cred-…}) by accident. */
    private static String text(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/:=.";
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(30); i > 0; i--) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static <T> T pick(Random random, List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }
}
