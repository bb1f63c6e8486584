package io.ambientcode.contracts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.RunnerEnv;
import io.ambientcode.contracts.session.SidecarEnv;
import io.ambientcode.contracts.testing.SpecDocs;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/specs/sidecars.md against the code: the overview table against the provider registry and each sidecar module's
 * application.properties, the environment table against {@link SidecarEnv}, the endpoints table against
 * {@link SidecarEnv}'s paths, the runtime's defaults and the route registrations, and the git rewrite against
 * {@link RunnerEnv}. The tools tables are checked by each sidecar's {@code ToolInventoryTest}, the git proxy table by
 * sidecar-github's {@code GitProxySpecDocTest}.
 */
class SidecarsSpecDocTest {

    private static final String DOC = "sidecars.md";

    @Test
    void overviewTableMatchesTheRegistryAndEachSidecarsConfiguration() throws IOException {
        List<Map<String, String>> rows = SpecDocs.table(DOC, "provider");
        assertThat(rows).extracting(r -> r.get("provider")).containsExactlyElementsOf(Provider.ids());
        for (Map<String, String> row : rows) {
            Provider p = Provider.byId(row.get("provider")).orElseThrow();
            assertThat(row.get("container")).as(p.id()).isEqualTo(p.containerName());
            assertThat(row.get("MCP port")).as(p.id()).isEqualTo(Integer.toString(p.port()));
            assertThat(row.get("management port")).as(p.id()).isEqualTo(Integer.toString(p.managementPort()));
            assertThat(row.get("MCP server name")).as(p.id()).isEqualTo(p.mcpServerName());

            Properties app = properties(root().resolve(row.get("module")).resolve("src/main/resources/application.properties"));
            assertThat(app.getProperty("quarkus.http.port")).as(p.id() + " MCP port").isEqualTo(Integer.toString(p.port()));
            assertThat(app.getProperty("quarkus.management.port")).as(p.id() + " management port")
                    .isEqualTo(Integer.toString(p.managementPort()));
            assertThat(app.getProperty("quarkus.http.host")).as(p.id() + " MCP binding").isEqualTo("127.0.0.1");
            assertThat(app.getProperty("quarkus.mcp.server.server-info.name")).as(p.id()).isEqualTo(p.mcpServerName());
            assertThat(app.getProperty("quarkus.application.name")).as(p.id()).isEqualTo(p.containerName());
        }
    }

    /** Every variable of the contract is documented, and every documented variable is one. */
    @Test
    void environmentTableNamesExactlyTheSidecarEnvVariables() throws IllegalAccessException {
        List<String> documented = SpecDocs.table(DOC, "variable").stream().map(r -> r.get("variable")).toList();
        assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(variables());
        for (Map<String, String> row : SpecDocs.table(DOC, "variable")) {
            assertThat(row.get("required")).as(row.get("variable")).isIn("yes", "no");
        }
        String proofRow = SpecDocs.table(DOC, "variable").stream()
                .filter(r -> r.get("variable").equals(SidecarEnv.AMBIENT_SIDECAR_PROOF_FILE)).findFirst().orElseThrow()
                .get("meaning");
        assertThat(proofRow).contains(SidecarEnv.proofFile("<provider>"));
    }

    @Test
    void endpointsTableMatchesTheRuntime() throws IOException {
        Map<String, Map<String, String>> byPath = SpecDocs.table(DOC, "path").stream()
                .collect(Collectors.toMap(r -> r.get("path"), r -> r));
        Properties runtime = properties(root().resolve(
                "sidecar-runtime/src/main/resources/META-INF/microprofile-config.properties"));
        String mcp = runtime.getProperty("quarkus.mcp.server.http.root-path");
        String managementHost = runtime.getProperty("quarkus.management.host");

        assertThat(byPath).containsKeys(mcp, mcp + "/sse", SidecarEnv.READINESS_PATH, SidecarEnv.LIVENESS_PATH,
                "/q/metrics", "POST /refresh", "/git/{owner}/{repo}.git/...");
        for (String path : List.of(mcp, mcp + "/sse", "POST /refresh", "/git/{owner}/{repo}.git/...")) {
            assertThat(byPath.get(path).get("port")).as(path).startsWith("MCP port");
            assertThat(byPath.get(path).get("bound to")).as(path).isEqualTo("127.0.0.1");
        }
        for (String path : List.of(SidecarEnv.READINESS_PATH, SidecarEnv.LIVENESS_PATH, "/q/metrics")) {
            assertThat(byPath.get(path).get("port")).as(path).isEqualTo("management port");
            assertThat(byPath.get(path).get("bound to")).as(path).isEqualTo(managementHost);
        }
        assertThat(runtime.getProperty("quarkus.management.enabled")).isEqualTo("true");
        assertThat(byPath).hasSize(7);

        // The two routes the runtime and the github sidecar register by hand.
        assertThat(source("sidecar-runtime", "io/ambientcode/sidecar/http/RefreshRoute.java"))
                .contains("router.route(HttpMethod.POST, \"/refresh\")");
        assertThat(source("sidecar-github", "io/ambientcode/sidecar/github/gitproxy/GitProxyRoute.java"))
                .contains("router.route(\"/git/*\")");
    }

    /** The problem codes of {@code POST /refresh} named in the document are exactly the ones RefreshRoute answers. */
    @Test
    void refreshErrorCodesAreTheRoutes() throws IOException {
        String route = source("sidecar-runtime", "io/ambientcode/sidecar/http/RefreshRoute.java");
        List<String> codes = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Problem\\.of\\([^,]+, \"([a-z_]+)\"").matcher(route);
        while (m.find()) {
            codes.add(m.group(1));
        }
        assertThat(codes).containsExactly("refresh_too_early", "refresh_failed");
        String doc = SpecDocs.read(DOC);
        assertThat(doc).contains("429 `refresh_too_early`", "503 `refresh_failed`", "502 `refresh_failed`");
    }

    /** Where sidecars.md repeats runner.md's git rewrite, both come from RunnerEnv. */
    @Test
    void gitRewriteIsTheRunnersOne() {
        String doc = SpecDocs.read(DOC);
        assertThat(doc).contains("GIT_CONFIG_KEY_0=" + RunnerEnv.gitInsteadOfKey(Provider.GITHUB.port()))
                .contains("GIT_CONFIG_VALUE_0=" + RunnerEnv.GITHUB_GIT_BASE)
                .contains(RunnerEnv.gitProxyBase());
    }

    /** Each provider has its section and its tools table (the rows are checked by the sidecar's ToolInventoryTest). */
    @Test
    void everyProviderHasItsToolsTable() {
        List<String> lines = Arrays.asList(SpecDocs.read(DOC).split("\n"));
        for (Provider p : Provider.values()) {
            assertThat(lines).as(p.id()).contains("## " + p.id());
            assertThat(SpecDocs.table(DOC, p.id() + " tool")).as(p.id()).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("read-only")).isIn("yes", "no"));
        }
    }

    /** The environment variable names among SidecarEnv's constants (the others are paths). */
    private static List<String> variables() throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : SidecarEnv.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String value = (String) f.get(null);
                if (!value.startsWith("/")) {
                    assertThat(value).as(f.getName()).isEqualTo(f.getName());
                    out.add(value);
                }
            }
        }
        return out;
    }

    private static Path root() {
        return SpecDocs.path(DOC).getParent().getParent().getParent();
    }

    private static String source(String module, String file) throws IOException {
        return Files.readString(root().resolve(module).resolve("src/main/java").resolve(file));
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
