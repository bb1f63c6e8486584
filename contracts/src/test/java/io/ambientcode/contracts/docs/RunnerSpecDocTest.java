package io.ambientcode.contracts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.testing.SpecDocs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/specs/runner.md states the runner's environment and the sidecar table; both must match the contracts. */
class RunnerSpecDocTest {

    @Test
    void sidecarTableMatchesTheProviderRegistry() {
        List<Map<String, String>> rows = SpecDocs.table("runner.md", "provider");
        assertThat(rows).extracting(r -> r.get("provider")).containsExactlyElementsOf(Provider.ids());
        for (Map<String, String> row : rows) {
            Provider p = Provider.byId(row.get("provider")).orElseThrow();
            assertThat(row.get("MCP server name")).isEqualTo(p.mcpServerName());
            assertThat(row.get("container")).isEqualTo(p.containerName());
            assertThat(row.get("URL from the runner")).isEqualTo(p.localMcpUrl());
        }
    }

    @Test
    void environmentTableNamesExactlyTheRunnerVariables() {
        List<String> documented = SpecDocs.table("runner.md", "variable").stream()
                .flatMap(r -> r.get("variable").contains("`") ? SpecDocs.codeSpans(r.get("variable")).stream()
                        : java.util.stream.Stream.of(r.get("variable")))
                .toList();
        assertThat(documented).containsExactly(RunnerEnv.SESSION_ID, RunnerEnv.CREDENTIAL_MCP_URLS,
                RunnerEnv.CREDENTIAL_SIDECAR_MODE, RunnerEnv.GIT_CONFIG_COUNT, RunnerEnv.GIT_CONFIG_KEY_PREFIX + "0",
                RunnerEnv.GIT_CONFIG_VALUE_PREFIX + "0");
        String gitRow = SpecDocs.table("runner.md", "variable").get(3).get("value");
        assertThat(gitRow).contains(RunnerEnv.gitInsteadOfKey(Provider.GITHUB.port())).contains(RunnerEnv.GITHUB_GIT_BASE);
        assertThat(Arrays.asList(SpecDocs.read("runner.md").split("\n")))
                .anyMatch(l -> l.contains(RunnerEnv.gitProxyBase()));
    }
}
