package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.jira.client.Adf;
import io.ambientcode.sidecar.jira.client.JiraSite;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns the friendly field values agents write (as mcp-atlassian accepts them) into what Jira's REST API wants:
 * rich text as ADF on Cloud and as a string on Server/DC; user fields from an email or name; named references
 * ({@code "priority": "High"}) as {@code {"name": ...}}; {@code parent}/{@code epicKey} as an issue key reference;
 * component and version lists by name. Anything else (custom fields, labels) passes as given. Pure apart from the
 * user lookup it is handed.
 */
final class IssueFields {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> RICH_TEXT = Set.of("description", "environment");
    private static final Set<String> USERS = Set.of("assignee", "reporter");
    private static final Set<String> NAMED = Set.of("priority", "issuetype", "resolution", "security");
    private static final Set<String> NAMED_LISTS = Set.of("components", "fixVersions", "versions");
    private static final Set<String> PARENT = Set.of("parent", "epicKey", "epic_link");

    private IssueFields() {
    }

    static ObjectNode normalize(Map<String, Object> fields, JiraSite site, Function<String, JsonNode> user) {
        ObjectNode out = F.objectNode();
        fields.forEach((name, value) -> {
            if (PARENT.contains(name) && value instanceof String key) {
                out.set("parent", F.objectNode().put("key", key));
            } else if (RICH_TEXT.contains(name) && value instanceof String text) {
                out.set(name, richText(text, site));
            } else if (USERS.contains(name) && value instanceof String who) {
                out.set(name, who.isBlank() ? F.nullNode() : user.apply(who));
            } else if (NAMED.contains(name) && value instanceof String named) {
                out.set(name, F.objectNode().put("name", named));
            } else if (NAMED_LISTS.contains(name) && (value instanceof String || value instanceof Collection<?>)) {
                out.set(name, named(value instanceof String s ? Args.csv(s) : (Collection<?>) value));
            } else if (name.equals("labels") && value instanceof String s) {
                ArrayNode labels = out.putArray(name);
                Args.csv(s).forEach(labels::add);
            } else {
                out.set(name, Results.JSON.valueToTree(value));
            }
        });
        return out;
    }

    /** Rich text in the site's dialect: an ADF document on Cloud (v3), the plain string on Server/DC (v2). */
    static JsonNode richText(String text, JiraSite site) {
        return site.cloud() ? Adf.fromText(text) : F.textNode(text);
    }

    private static ArrayNode named(Collection<?> values) {
        ArrayNode out = F.arrayNode();
        for (Object v : values) {
            if (v instanceof String s) {
                out.addObject().put("name", s);
            } else {
                out.add(Results.JSON.valueToTree(v));
            }
        }
        return out;
    }
}
