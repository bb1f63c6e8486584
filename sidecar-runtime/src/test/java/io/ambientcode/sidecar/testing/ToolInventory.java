package io.ambientcode.sidecar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks every sidecar's tool inventory test makes (STYLE-EXAMPLES "one inventory test per MCP server"): the
 * listed tools are exactly the expected ones with truthful hints, and every class declaring tools passes the redacting
 * interceptor and returns {@code ToolResponse}. The per-sidecar parts (names, peer parameters) stay in each sidecar.
 */
public final class ToolInventory {

    private final Map<String, JsonNode> byName = new HashMap<>();

    private ToolInventory(JsonNode toolsListResult) {
        toolsListResult.path("tools").forEach(t -> byName.put(t.path("name").asText(), t));
    }

    /** From the {@code result} of {@code tools/list}. */
    public static ToolInventory of(JsonNode toolsListResult) {
        return new ToolInventory(toolsListResult);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public JsonNode tool(String name) {
        JsonNode tool = byName.get(name);
        assertThat(tool).as("tool " + name + " is listed").isNotNull();
        return tool;
    }

    /** Parameter names of a tool's input schema. */
    public Set<String> properties(String name) {
        Set<String> out = new HashSet<>();
        tool(name).path("inputSchema").path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Required parameters of a tool's input schema, in schema order. */
    public List<String> required(String name) {
        List<String> out = new ArrayList<>();
        tool(name).path("inputSchema").path("required").forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Exactly {@code readOnly} plus {@code writes} are listed; each has annotations; {@code readOnlyHint} is true for
     * exactly the read-only ones and {@code destructiveHint} for exactly {@code destructive} (read-only tools are
     * never destructive).
     */
    public ToolInventory assertHints(Set<String> readOnly, Set<String> writes, Set<String> destructive) {
        Set<String> expected = new HashSet<>(readOnly);
        expected.addAll(writes);
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(writes).containsAll(destructive);
        byName.forEach((name, tool) -> {
            JsonNode a = tool.path("annotations");
            assertThat(a.isObject()).as(name + " has annotations").isTrue();
            assertThat(a.path("readOnlyHint").asBoolean()).as(name + " readOnlyHint").isEqualTo(readOnly.contains(name));
            assertThat(a.path("destructiveHint").asBoolean()).as(name + " destructiveHint")
                    .isEqualTo(destructive.contains(name));
        });
        return this;
    }

    /**
     * The provider's tools table in docs/specs/sidecars.md is exactly what {@code tools/list} shows (names, and
     * {@code readOnlyHint}/{@code destructiveHint} as {@code yes}/{@code no}). Rows whose {@code listed} column says
     * anything but {@code always} name tools hidden with default settings: they must not be listed.
     *
     * @param specRows {@code SpecDocs.table("sidecars.md", provider.id() + " tool")} (contracts test-jar)
     */
    public ToolInventory assertMatchesSpec(Provider provider, List<Map<String, String>> specRows) {
        Map<String, Map<String, String>> listed = new LinkedHashMap<>();
        Set<String> hidden = new HashSet<>();
        for (Map<String, String> row : specRows) {
            String name = row.get(specColumn(provider));
            assertThat(name).as("docs/specs/sidecars.md: column '" + specColumn(provider) + "'").isNotNull();
            if (row.getOrDefault("listed", "always").equals("always")) {
                listed.put(name, row);
            } else {
                hidden.add(name);
            }
        }
        assertThat(byName.keySet()).as("tools/list against docs/specs/sidecars.md table '" + specColumn(provider) + "'")
                .containsExactlyInAnyOrderElementsOf(listed.keySet());
        assertThat(hidden).as("tools hidden by default, per docs/specs/sidecars.md").noneMatch(byName::containsKey);
        listed.forEach((name, row) -> {
            JsonNode a = tool(name).path("annotations");
            assertThat(yesNo(a.path("readOnlyHint").asBoolean())).as("docs/specs/sidecars.md: " + name + " read-only")
                    .isEqualTo(row.get("read-only"));
            assertThat(yesNo(a.path("destructiveHint").asBoolean())).as("docs/specs/sidecars.md: " + name + " destructive")
                    .isEqualTo(row.get("destructive"));
        });
        return this;
    }

    /**
     * The provider's tools table in docs/specs/sidecars.md is exactly what {@code toolClasses} declare, hidden tools
     * included: names and the annotations' {@code readOnlyHint}/{@code destructiveHint}.
     */
    public static void assertDeclaredMatchSpec(List<Class<?>> toolClasses, Provider provider,
            List<Map<String, String>> specRows) {
        Map<String, String> declared = new HashMap<>();
        for (Class<?> c : toolClasses) {
            for (Method m : c.getDeclaredMethods()) {
                Tool tool = m.getAnnotation(Tool.class);
                if (tool != null) {
                    declared.put(tool.name(), yesNo(tool.annotations().readOnlyHint()) + "/"
                            + yesNo(tool.annotations().destructiveHint()));
                }
            }
        }
        Map<String, String> documented = new HashMap<>();
        specRows.forEach(r -> documented.put(r.get(specColumn(provider)), r.get("read-only") + "/" + r.get("destructive")));
        assertThat(declared).as("@Tool declarations against docs/specs/sidecars.md table '" + specColumn(provider) + "'")
                .containsExactlyInAnyOrderEntriesOf(documented);
    }

    private static String specColumn(Provider provider) {
        return provider.id() + " tool";
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    /**
     * Every class declaring tools is annotated {@link SidecarTools} (a class without it would leak unredacted results)
     * and its tools return {@code ToolResponse}; together they declare exactly {@code expectedTools}.
     */
    public static void assertGuarded(List<Class<?>> toolClasses, Set<String> expectedTools) {
        Set<String> declared = toolClasses.stream().flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .map(m -> m.getAnnotation(Tool.class)).filter(Objects::nonNull).map(Tool::name)
                .collect(Collectors.toSet());
        assertThat(declared).containsExactlyInAnyOrderElementsOf(expectedTools);
        for (Class<?> c : toolClasses) {
            assertThat(c.isAnnotationPresent(SidecarTools.class)).as(c.getSimpleName()).isTrue();
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Tool.class)) {
                    assertThat(m.getReturnType().getSimpleName()).as(m.getName()).isEqualTo("ToolResponse");
                }
            }
        }
    }
}
