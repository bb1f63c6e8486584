package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.jira.client.JiraJson;
import io.quarkiverse.mcp.server.ToolResponse;

/** Tool results: Jira's JSON, slimmed ({@link JiraJson}), compact. */
final class Results {

    static final ObjectMapper JSON = new ObjectMapper();

    private Results() {
    }

    static ToolResponse json(JsonNode node) {
        return ToolResponse.success(JiraJson.slim(node).toString());
    }

    static ToolResponse json(Object value) {
        return json(JSON.valueToTree(value));
    }
}
