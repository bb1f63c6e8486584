package io.ambientcode.controlplane.support;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.SidecarSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The session of the golden file: all four providers with sidecars, some sidecar settings, a timeout. */
public final class GoldenSession {

    public static final String NAMESPACE = "golden";
    public static final String NAME = "research-42";
    public static final String PROJECT = "payments";
    public static final String AGENT = "reviewer";
    /** Credential ids as the credential API resolves them (registry order on purpose shuffled). */
    public static final Map<String, String> CREDENTIALS = orderedMap(
            "google", "cred-goog-000001",
            "kubeconfig", "cred-k8s-0000001",
            "jira", "cred-jira-000001",
            "github", "cred-gh-00000001");

    private GoldenSession() {
    }

    public static AgenticSession session() {
        AgenticSession s = Sessions.session(NAMESPACE, NAME, PROJECT);
        s.getSpec().setAgent(AGENT);
        s.getSpec().setTimeout("2h");
        s.getSpec().getRunner().setEnv(List.of(
                new RunnerEnvVar("LOG_LEVEL", "debug"),
                new RunnerEnvVar("TASK", "review the open pull requests")));
        SidecarSpec jira = new SidecarSpec();
        jira.setReadOnly(true);
        SidecarSpec github = new SidecarSpec();
        github.setTools(List.of("get_file_contents", "list_pull_requests", "create_pull_request"));
        github.setExcludeTools(List.of("delete_file"));
        s.getSpec().setSidecars(orderedMapOf("github", github, "jira", jira));
        return s;
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static Map<String, SidecarSpec> orderedMapOf(String k1, SidecarSpec v1, String k2, SidecarSpec v2) {
        Map<String, SidecarSpec> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
