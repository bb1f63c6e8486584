package io.ambientcode.sidecar.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.sidecar.tools.UpstreamException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds Jira users from what an agent knows about them (email, display name, username, account id, or {@code me}).
 * Cloud identifies users by account id (GDPR mode: no usernames); Server/DC by username.
 */
@Singleton
public class JiraUsers {

    /** Cloud account ids: 24 hex digits, or {@code <number>:<uuid>}. */
    static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-fA-F]{24}|\\d+:[0-9a-fA-F-]{36}");

    @Inject
    JiraClient jira;

    /** The user's profile. */
    public JsonNode profile(String identifier) {
        JiraSite site = jira.site();
        String id = identifier.strip();
        if (id.equalsIgnoreCase("me")) {
            return jira.get("/myself", Map.of());
        }
        if (site.cloud()) {
            return accountId(id).map(a -> jira.get("/user", Map.of("accountId", a)))
                    .orElseGet(() -> search(site, id));
        }
        return id.contains("@") ? search(site, id) : jira.get("/user", Map.of("username", id));
    }

    /** The value of a user field ({@code assignee}, {@code reporter}) for this identifier. */
    public ObjectNode fieldValue(String identifier) {
        JiraSite site = jira.site();
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        String id = identifier.strip();
        if (site.cloud()) {
            String account = accountId(id).orElseGet(() -> id.equalsIgnoreCase("me")
                    ? jira.get("/myself", Map.of()).path("accountId").asText()
                    : search(site, id).path("accountId").asText());
            return value.put("accountId", account);
        }
        if (id.contains("@") || id.equalsIgnoreCase("me")) {
            JsonNode user = id.equalsIgnoreCase("me") ? jira.get("/myself", Map.of()) : search(site, id);
            return value.put("name", user.path("name").asText());
        }
        return value.put("name", id);
    }

    static Optional<String> accountId(String id) {
        String stripped = id.regionMatches(true, 0, "accountid:", 0, "accountid:".length())
                ? id.substring("accountid:".length()) : id;
        return ACCOUNT_ID.matcher(stripped).matches() || !stripped.equals(id)
                ? Optional.of(stripped) : Optional.empty();
    }

    /** The best match of a user search: exact email, then exact display name, then the first hit. */
    private JsonNode search(JiraSite site, String id) {
        JsonNode users = jira.get("/user/search", Map.of(site.cloud() ? "query" : "username", id));
        if (!users.isArray() || users.isEmpty()) {
            throw new UpstreamException(404, "no Jira user matches '" + id + "'");
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        for (String field : new String[] { "emailAddress", "displayName", "name" }) {
            for (JsonNode u : users) {
                if (u.path(field).asText("").toLowerCase(Locale.ROOT).equals(wanted)) {
                    return u;
                }
            }
        }
        return users.get(0);
    }
}
