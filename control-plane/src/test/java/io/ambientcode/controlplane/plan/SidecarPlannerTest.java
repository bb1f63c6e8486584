package io.ambientcode.controlplane.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.controlplane.support.TestSettings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan's decisions, one at a time. */
class SidecarPlannerTest {

    private static final String KEY = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";

    private static SessionRequest request(List<EnvEntry> env, Map<String, SidecarSettings> sidecars) {
        return new SessionRequest("0f8c2a9e-1d2b-4c3d-9e8f-7a6b5c4d3e2f", "demo", "payments", null,
                "quay.io/x/runner:1", env, sidecars, null);
    }

    private static Map<String, String> env(List<EnvEntry> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.name(), e.value()));
        return map;
    }

    private static PlanCondition condition(SidecarPlan plan, String type) {
        return plan.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    @Test
    void sidecarsFollowTheRegistryWhateverTheResolveOrder() {
        Map<String, String> creds = new LinkedHashMap<>();
        creds.put("google", "cred-goog-0001");
        creds.put("github", "cred-gh-000001");
        creds.put("jira", "cred-jira-0001");
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(), Map.of()), ResolvedCredentials.of(creds),
                TestSettings.plan(KEY));
        assertThat(plan.sidecars()).extracting(PlannedSidecar::provider)
                .containsExactly(Provider.GITHUB, Provider.JIRA, Provider.GOOGLE);
        assertThat(plan.proofKeys()).containsExactly("github", "jira", "google");
        assertThat(plan.sidecars()).extracting(PlannedSidecar::port).containsExactly(8091, 8092, 8094);
        assertThat(plan.sidecars()).extracting(PlannedSidecar::managementPort).containsExactly(9091, 9092, 9094);
        assertThat(condition(plan, PlanCondition.SIDECARS_CONFIGURED).status()).isTrue();
    }

    @Test
    void runnerGetsUrlsSidecarModeAndTheGitRewriteOnly() {
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(new EnvEntry("LOG_LEVEL", "debug")), Map.of()),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001", "jira", "cred-jira-0001")), TestSettings.plan(KEY));
        assertThat(plan.runner().env()).extracting(EnvEntry::name).containsExactly(RunnerEnv.SESSION_ID,
                RunnerEnv.CREDENTIAL_SIDECAR_MODE, RunnerEnv.CREDENTIAL_MCP_URLS, RunnerEnv.GIT_CONFIG_COUNT,
                "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0", "LOG_LEVEL");
        Map<String, String> env = env(plan.runner().env());
        assertThat(env.get(RunnerEnv.CREDENTIAL_MCP_URLS))
                .isEqualTo("{\"github\":\"http://localhost:8091/mcp\",\"jira\":\"http://localhost:8092/mcp\"}");
        assertThat(env).containsEntry("GIT_CONFIG_KEY_0", "url.http://localhost:8091/git/.insteadOf")
                .containsEntry("GIT_CONFIG_VALUE_0", "https://github.com/");
    }

    @Test
    void withoutGithubThereIsNoGitRewriteAndWithoutCredentialsTheRunnerStillRunsInSidecarMode() {
        SidecarPlan jiraOnly = SidecarPlanner.plan(request(List.of(), Map.of()),
                ResolvedCredentials.of(Map.of("jira", "cred-jira-0001")), TestSettings.plan(KEY));
        assertThat(env(jiraOnly.runner().env())).doesNotContainKey(RunnerEnv.GIT_CONFIG_COUNT);

        SidecarPlan none = SidecarPlanner.plan(request(List.of(), Map.of()), ResolvedCredentials.NONE, TestSettings.plan(KEY));
        assertThat(env(none.runner().env())).containsEntry(RunnerEnv.CREDENTIAL_SIDECAR_MODE, "true")
                .containsEntry(RunnerEnv.CREDENTIAL_MCP_URLS, "{}");
        assertThat(condition(none, PlanCondition.SIDECARS_CONFIGURED).reason()).isEqualTo(PlanCondition.REASON_NO_CREDENTIALS);
    }

    @Test
    void eachSidecarGetsItsOwnCredentialIdAndProofFileOnly() {
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(), Map.of()),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001", "kubeconfig", "cred-k8s-00001")),
                TestSettings.plan(KEY));
        PlannedSidecar k8s = plan.sidecars().get(1);
        Map<String, String> env = env(k8s.env());
        assertThat(env).containsEntry(SidecarEnv.CREDENTIAL_IDS, "{\"kubeconfig\":\"cred-k8s-00001\"}")
                .containsEntry(SidecarEnv.CREDENTIAL_PROVIDER, "kubeconfig")
                .containsEntry(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE, "/var/run/ambient/proof/kubeconfig")
                .containsEntry(SidecarEnv.AMBIENT_CP_TOKEN_URL, TestSettings.TOKEN_URL)
                .containsEntry(SidecarEnv.AMBIENT_CP_TOKEN_PUBLIC_KEY, KEY)
                .containsEntry(SidecarEnv.AMBIENT_API_URL, TestSettings.API_URL)
                .doesNotContainKey(SidecarEnv.AMBIENT_ALLOW_EXTERNAL_API);
        assertThat(k8s.toString()).doesNotContain("cred-gh-000001");
    }

    @Test
    void noTokenServerMeansNoSidecarAndAConditionNamingTheMissingParts() {
        PlanSettings settings = new PlanSettings(TestSettings.allImages(), Optional.empty(), Optional.of(KEY),
                TestSettings.API_URL, false, ProofLocation.KUBERNETES);
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(), Map.of()),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001", "gitlab", "cred-gl-000001")), settings);
        assertThat(plan.sidecars()).isEmpty();
        PlanCondition c = condition(plan, PlanCondition.SIDECARS_CONFIGURED);
        assertThat(c.status()).isFalse();
        assertThat(c.reason()).isEqualTo(PlanCondition.REASON_TOKEN_SERVER_NOT_CONFIGURED);
        assertThat(c.message()).contains("URL").doesNotContain("public key").contains("github");
        assertThat(plan.unsupportedProviders()).containsExactly("gitlab");
        assertThat(env(plan.runner().env()).get(RunnerEnv.CREDENTIAL_MCP_URLS)).isEqualTo("{}");
        assertThat(plan.credentials()).containsOnlyKeys("github", "gitlab");
    }

    @Test
    void aMissingImageLeavesThatProviderOutAndSaysSo() {
        Map<Provider, String> images = new EnumMap<>(TestSettings.allImages());
        images.remove(Provider.JIRA);
        PlanSettings settings = new PlanSettings(images, Optional.of(TestSettings.TOKEN_URL), Optional.of(KEY),
                TestSettings.API_URL, true, ProofLocation.KUBERNETES);
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(), Map.of()),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001", "jira", "cred-jira-0001")), settings);
        assertThat(plan.sidecars()).extracting(PlannedSidecar::provider).containsExactly(Provider.GITHUB);
        PlanCondition c = condition(plan, PlanCondition.SIDECARS_CONFIGURED);
        assertThat(c.reason()).isEqualTo(PlanCondition.REASON_SIDECAR_IMAGE_MISSING);
        assertThat(c.message()).contains("jira");
        assertThat(env(plan.sidecars().get(0).env())).containsEntry(SidecarEnv.AMBIENT_ALLOW_EXTERNAL_API, "true");
    }

    @Test
    void reservedAndInvalidRunnerEnvIsDroppedAndOnlyNamesAreReported() {
        List<EnvEntry> env = List.of(
                new EnvEntry("GITHUB_TOKEN", "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                new EnvEntry("ambient_api_url", "http://elsewhere"),
                new EnvEntry("CREDENTIAL_IDS", "{\"github\":\"cred-gh-stolen1\"}"),
                new EnvEntry("GIT_CONFIG_PARAMETERS", "'url.x.insteadOf'='y'"),
                new EnvEntry("SESSION_ID", "another-session"),
                new EnvEntry("9LIVES", "secret-looking-value"),
                new EnvEntry("KEEP_ME", "yes"));
        SidecarPlan plan = SidecarPlanner.plan(request(env, Map.of()),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001")), TestSettings.plan(KEY));
        Map<String, String> runner = env(plan.runner().env());
        assertThat(runner).containsEntry("KEEP_ME", "yes").containsEntry(RunnerEnv.SESSION_ID,
                "0f8c2a9e-1d2b-4c3d-9e8f-7a6b5c4d3e2f").doesNotContainKeys("GITHUB_TOKEN", "ambient_api_url",
                "CREDENTIAL_IDS", "GIT_CONFIG_PARAMETERS", "9LIVES");
        PlanCondition c = condition(plan, PlanCondition.SPEC_ACCEPTED);
        assertThat(c.status()).isFalse();
        assertThat(c.message()).contains("GITHUB_TOKEN", "ambient_api_url", "CREDENTIAL_IDS", "GIT_CONFIG_PARAMETERS",
                "SESSION_ID", "1 runner env entry with an invalid name")
                .doesNotContain("ghp_", "elsewhere", "stolen", "9LIVES", "secret-looking");
    }

    @Test
    void sidecarSettingsBecomeToolEnvAndUnknownOnesAreReported() {
        Map<String, SidecarSettings> settings = new LinkedHashMap<>();
        settings.put("github", new SidecarSettings(true, true, List.of("get_me", "get_me", "bad,name"),
                List.of("delete_file")));
        settings.put("gitlab", new SidecarSettings(true, List.of(), List.of()));
        settings.put("Not A Provider!", SidecarSettings.NONE);
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(), settings),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001")), TestSettings.plan(KEY));
        assertThat(env(plan.sidecars().get(0).env())).containsEntry(SidecarEnv.MCP_READ_ONLY, "true")
                .containsEntry(SidecarEnv.MCP_DISABLE_DESTRUCTIVE, "true")
                .containsEntry(SidecarEnv.MCP_TOOLS, "get_me").containsEntry(SidecarEnv.MCP_EXCLUDE_TOOLS, "delete_file");
        assertThat(condition(plan, PlanCondition.SPEC_ACCEPTED).message())
                .contains("gitlab", "1 invalid key", "1 invalid tool name").doesNotContain("Not A Provider");
    }

    @Test
    void unsetSidecarModesAreLeftToTheSidecarsDefaults() {
        SidecarPlan plan = SidecarPlanner.plan(request(List.of(), Map.of("github", SidecarSettings.NONE)),
                ResolvedCredentials.of(Map.of("github", "cred-gh-000001")), TestSettings.plan(KEY));
        assertThat(env(plan.sidecars().get(0).env())).doesNotContainKeys(SidecarEnv.MCP_READ_ONLY,
                SidecarEnv.MCP_DISABLE_DESTRUCTIVE, SidecarEnv.MCP_TOOLS, SidecarEnv.MCP_EXCLUDE_TOOLS);
    }

    @Test
    void timeoutBecomesADeadline() {
        SessionRequest r = new SessionRequest("0f8c2a9e-1d2b-4c3d-9e8f-7a6b5c4d3e2f", "demo", "p", null, "img",
                List.of(), Map.of(), "1h30m");
        assertThat(SidecarPlanner.plan(r, ResolvedCredentials.NONE, TestSettings.plan(KEY)).deadlineSeconds())
                .hasValue(5400);
        assertThat(SessionTimeout.seconds("0s")).isEmpty();
        assertThat(SessionTimeout.seconds("")).isEmpty();
        assertThat(SessionTimeout.seconds("90s")).hasValue(90);
        assertThat(SessionTimeout.isWellFormed("1d")).isFalse();
    }

    @Test
    void proofsKeepExistingValuesAndOnlyFillGaps() {
        Map<String, String> proofs = Proofs.forKeys(List.of("github", "jira"), Map.of("github", "kept-value-000000000000"),
                () -> "fresh-value-00000000000000");
        assertThat(proofs).containsExactly(Map.entry("github", "kept-value-000000000000"),
                Map.entry("jira", "fresh-value-00000000000000"));
        assertThat(Proofs.forKeys(List.of("jira"), Map.of(), ProofSource.SECURE_RANDOM).get("jira")).matches("[A-Za-z0-9_-]{43}");
    }
}
