package io.ambientcode.sidecar.jira.tools;

import static io.ambientcode.sidecar.upstream.UpstreamUrls.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.jira.JiraConfig;
import io.ambientcode.sidecar.jira.client.JiraClient;
import io.ambientcode.sidecar.jira.client.JiraSite;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Operations more than one tool needs: search, transitions, comments, worklogs, key checks. */
@Singleton
class JiraOps {

    /** mcp-atlassian's default field set for reads. */
    static final String DEFAULT_FIELDS = "summary,description,status,assignee,reporter,labels,versions,priority,created,"
            + "updated,issuetype";

    @Inject
    JiraClient jira;

    @Inject
    JiraConfig config;

    private volatile Pattern issueKey;
    private volatile Pattern projectKey;

    String issueKey(String value) {
        Pattern p = issueKey;
        if (p == null) {
            issueKey = p = Pattern.compile(config.issueKeyPattern());
        }
        return Args.key("issue_key", value, p);
    }

    String projectKey(String name, String value) {
        Pattern p = projectKey;
        if (p == null) {
            projectKey = p = Pattern.compile(config.projectKeyPattern());
        }
        return Args.key(name, value, p);
    }

    String issuePath(String key) {
        return "/issue/" + segment(key);
    }

    /**
     * JQL search in the site's dialect: Cloud's {@code POST /search/jql} pages with {@code nextPageToken} (it has no
     * offsets and no total), Server/DC's {@code GET /search} with {@code startAt}.
     */
    ObjectNode search(String jql, String fields, int limit, int startAt, String expand, String pageToken) {
        JiraSite site = jira.site();
        List<String> fieldList = fields == null || fields.isBlank() ? Args.csv(DEFAULT_FIELDS) : Args.csv(fields);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        JsonNode answer;
        if (site.cloud()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jql", jql);
            body.put("fields", fieldList);
            body.put("maxResults", limit);
            if (expand != null && !expand.isBlank()) {
                body.put("expand", expand);
            }
            if (pageToken != null && !pageToken.isBlank()) {
                body.put("nextPageToken", pageToken);
            }
            answer = jira.send("POST", "/search/jql", Map.of(), body);
            out.put("total", answer.path("total").asInt(-1));
            out.put("start_at", 0);
        } else {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("jql", jql);
            q.put("startAt", startAt);
            q.put("maxResults", limit);
            q.put("fields", String.join(",", fieldList));
            q.put("expand", expand);
            answer = jira.get("/search", q);
            out.put("total", answer.path("total").asInt(-1));
            out.put("start_at", answer.path("startAt").asInt(startAt));
        }
        out.put("max_results", limit);
        ArrayNode issues = out.putArray("issues");
        for (JsonNode issue : answer.path("issues")) {
            ObjectNode copy = issue.deepCopy();
            copy.put("url", site.browse(issue.path("key").asText()));
            issues.add(copy);
        }
        if (answer.hasNonNull("nextPageToken")) {
            out.put("next_page_token", answer.path("nextPageToken").asText());
        }
        return out;
    }

    JsonNode transitions(String key) {
        return jira.get(issuePath(key) + "/transitions", Map.of());
    }

    /** A transition id from an id or a (case-insensitive) name; unknown ones name what is available. */
    String resolveTransition(String key, String idOrName) {
        String wanted = Args.required("transition_id", idOrName);
        List<String> available = new ArrayList<>();
        for (JsonNode t : transitions(key).path("transitions")) {
            String id = t.path("id").asText();
            String name = t.path("name").asText();
            if (id.equals(wanted) || name.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return id;
            }
            available.add(id + " (" + name + ")");
        }
        throw new IllegalArgumentException("transition '" + wanted + "' is not available for " + key
                + "; available: " + (available.isEmpty() ? "none" : String.join(", ", available)));
    }

    JsonNode addComment(String key, String body, String visibilityJson) {
        ObjectNode comment = JsonNodeFactory.instance.objectNode();
        comment.set("body", IssueFields.richText(Args.required("body", body), jira.site()));
        Map<String, Object> visibility = Args.jsonObject("visibility", visibilityJson);
        if (!visibility.isEmpty()) {
            if (!visibility.containsKey("type") || !visibility.containsKey("value")) {
                throw new IllegalArgumentException("visibility needs \"type\" (group or role) and \"value\"");
            }
            comment.set("visibility", Results.JSON.valueToTree(visibility));
        }
        return jira.send("POST", issuePath(key) + "/comment", Map.of(), comment);
    }

    JsonNode addWorklog(String key, String timeSpent, String comment, String started, String remainingEstimate) {
        ObjectNode worklog = JsonNodeFactory.instance.objectNode().put("timeSpent", Args.required("time_spent", timeSpent));
        if (comment != null && !comment.isBlank()) {
            worklog.set("comment", IssueFields.richText(comment, jira.site()));
        }
        if (started != null && !started.isBlank()) {
            worklog.put("started", started.strip());
        }
        Map<String, Object> q = new LinkedHashMap<>();
        if (remainingEstimate != null && !remainingEstimate.isBlank()) {
            q.put("adjustEstimate", "new");
            q.put("newEstimate", remainingEstimate.strip());
        }
        return jira.send("POST", issuePath(key) + "/worklog", q, worklog);
    }
}
