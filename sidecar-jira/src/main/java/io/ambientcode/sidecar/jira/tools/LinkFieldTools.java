package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.credential.CredentialChanged;
import io.ambientcode.sidecar.jira.client.JiraClient;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Toolsets {@code jira_links} and {@code jira_fields} (mcp-atlassian names and parameters). */
@Singleton
@SidecarTools
public class LinkFieldTools {

    @Inject
    JiraOps ops;

    @Inject
    JiraClient jira;

    /** The site's field list, cached until a refresh is asked for or the credential changes. */
    private volatile JsonNode fieldCache;

    void forgetFields(@Observes CredentialChanged change) {
        fieldCache = null;
    }

    @Tool(name = "jira_create_issue_link", description = "Create a link between two Jira issues.",
            annotations = @Tool.Annotations(title = "Create Issue Link", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = true))
    public ToolResponse createIssueLink(
            @ToolArg(description = "The link type, e.g. 'Duplicate', 'Blocks', 'Relates'") String link_type,
            @ToolArg(description = "The key of the inward issue (e.g., 'PROJ-123')") String inward_issue_key,
            @ToolArg(description = "The key of the outward issue (e.g., 'PROJ-456')") String outward_issue_key,
            @ToolArg(description = "Comment to add to the link", required = false) String comment,
            @ToolArg(description = "Comment visibility as JSON, e.g. {\"type\":\"group\",\"value\":\"jira-users\"}",
                    required = false) String comment_visibility) {
        ObjectNode link = JsonNodeFactory.instance.objectNode();
        link.putObject("type").put("name", Args.required("link_type", link_type));
        link.putObject("inwardIssue").put("key", ops.issueKey(inward_issue_key));
        link.putObject("outwardIssue").put("key", ops.issueKey(outward_issue_key));
        if (comment != null && !comment.isBlank()) {
            ObjectNode c = link.putObject("comment");
            c.set("body", IssueFields.richText(comment, jira.site()));
            Map<String, Object> visibility = Args.jsonObject("comment_visibility", comment_visibility);
            if (!visibility.isEmpty()) {
                c.set("visibility", Results.JSON.valueToTree(visibility));
            }
        }
        jira.send("POST", "/issueLink", Map.of(), link);
        return Results.json(Map.of("success", true, "message", "Link '" + link_type + "' created between "
                + inward_issue_key.strip() + " and " + outward_issue_key.strip()));
    }

    @Tool(name = "jira_get_issue_link_types", description = "Get all available issue link types.",
            annotations = @Tool.Annotations(title = "Get Issue Link Types", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getIssueLinkTypes(
            @ToolArg(description = "Filter link types by name substring (case-insensitive)", required = false)
            String name_filter) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        String filter = name_filter == null ? "" : name_filter.strip().toLowerCase(Locale.ROOT);
        for (JsonNode t : jira.get("/issueLinkType", Map.of()).path("issueLinkTypes")) {
            if (t.path("name").asText().toLowerCase(Locale.ROOT).contains(filter)) {
                out.addObject().put("id", t.path("id").asText()).put("name", t.path("name").asText())
                        .put("inward", t.path("inward").asText()).put("outward", t.path("outward").asText());
            }
        }
        return Results.json(out);
    }

    @Tool(name = "jira_get_link_types", description = "Get all available issue link types (mcp-atlassian's current "
            + "name of jira_get_issue_link_types).",
            annotations = @Tool.Annotations(title = "Get Link Types", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse getLinkTypes(
            @ToolArg(description = "Filter link types by name substring (case-insensitive)", required = false)
            String name_filter) {
        return getIssueLinkTypes(name_filter);
    }

    @Tool(name = "jira_search_fields", description = "Search Jira fields (standard and custom) by keyword, fuzzy; "
            + "lists the first fields when the keyword is empty.",
            annotations = @Tool.Annotations(title = "Search Fields", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse searchFields(
            @ToolArg(description = "Keyword for fuzzy search (empty: the first 'limit' fields)", defaultValue = "")
            String keyword,
            @ToolArg(description = "Maximum number of results", defaultValue = "10") int limit,
            @ToolArg(description = "Whether to reload the field list from Jira", defaultValue = "false") boolean refresh) {
        int max = Args.range("limit", limit, 1, 500, 10);
        JsonNode fields = fieldCache;
        if (fields == null || refresh) {
            fields = jira.get("/field", Map.of());
            fieldCache = fields;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        FieldMatch.rank(fields, keyword == null ? "" : keyword).stream().limit(max).forEach(f -> out.addObject()
                .put("id", f.path("id").asText()).put("name", f.path("name").asText())
                .put("custom", f.path("custom").asBoolean(false))
                .put("type", f.path("schema").path("type").asText(null)));
        return Results.json(out);
    }

    /** Fuzzy ranking of fields by keyword. Pure. */
    static final class FieldMatch {

        private FieldMatch() {
        }

        static List<JsonNode> rank(JsonNode fields, String keyword) {
            String k = keyword.strip().toLowerCase(Locale.ROOT);
            List<JsonNode> all = new ArrayList<>();
            fields.forEach(all::add);
            if (k.isEmpty()) {
                return all;
            }
            List<JsonNode> hits = new ArrayList<>();
            for (JsonNode f : all) {
                if (score(f, k) > 0) {
                    hits.add(f);
                }
            }
            hits.sort(Comparator.comparingInt((JsonNode f) -> score(f, k)).reversed()
                    .thenComparing(f -> f.path("name").asText()));
            return hits;
        }

        /** 4 exact name or id, 3 name prefix, 2 substring of name or id, 1 letters in order; 0 no match. */
        static int score(JsonNode field, String k) {
            String name = field.path("name").asText().toLowerCase(Locale.ROOT);
            String id = field.path("id").asText().toLowerCase(Locale.ROOT);
            if (name.equals(k) || id.equals(k)) {
                return 4;
            }
            if (name.startsWith(k)) {
                return 3;
            }
            if (name.contains(k) || id.contains(k)) {
                return 2;
            }
            int at = 0;
            for (char c : name.toCharArray()) {
                if (at < k.length() && c == k.charAt(at)) {
                    at++;
                }
            }
            return at == k.length() ? 1 : 0;
        }
    }
}
