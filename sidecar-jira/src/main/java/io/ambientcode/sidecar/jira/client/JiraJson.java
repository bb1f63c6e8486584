package io.ambientcode.sidecar.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Slims Jira JSON for an agent: drops the REST plumbing that costs tokens and says nothing ({@code self} links,
 * avatar and icon URLs, {@code expand} hints) and renders Atlassian Document Format documents (v3 rich text) as plain
 * text, so Cloud and Server/DC answers look alike. Everything else is kept as Jira sent it. Pure.
 */
public final class JiraJson {

    private static final Set<String> NOISE = Set.of("self", "avatarUrls", "iconUrl", "expand", "avatarId");

    private JiraJson() {
    }

    public static JsonNode slim(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (Adf.isDoc(node)) {
            return JsonNodeFactory.instance.textNode(Adf.toText(node));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!NOISE.contains(e.getKey())) {
                    out.set(e.getKey(), slim(e.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(slim(child)));
            return out;
        }
        return node;
    }
}
