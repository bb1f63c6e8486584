package io.ambientcode.systemtests.kubernetes.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ambientcode.systemtests.support.Captured;
import io.ambientcode.systemtests.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runner's MCP client: JSON-RPC over streamable HTTP to a URL from CREDENTIAL_MCP_URLS (initialize, tools/list,
 * tools/call). Every reply is kept for the leak scan as a tool result.
 */
public final class McpClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String provider;
    private final URI endpoint;
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    public McpClient(String provider, String url) {
        this.provider = provider;
        this.endpoint = URI.create(url);
    }

    public McpClient initialize() {
        ObjectNode params = Http.JSON.createObjectNode().put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "system-tests-runner").put("version", "1");
        HttpResponse<String> r = post(request("initialize", params), "initialize");
        session = r.headers().firstValue("Mcp-Session-Id").orElseThrow(() -> new AssertionError("no Mcp-Session-Id from " + endpoint));
        post(Http.JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"), "initialized");
        return this;
    }

    public Set<String> toolNames() {
        Set<String> names = new TreeSet<>();
        result(post(request("tools/list", Http.JSON.createObjectNode()), "tools/list")).path("tools")
                .forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    /** The CallToolResult of a tool call. */
    public JsonNode call(String tool, Map<String, ?> arguments) {
        ObjectNode params = Http.JSON.createObjectNode().put("name", tool);
        params.set("arguments", Http.JSON.valueToTree(arguments));
        return result(post(request("tools/call", params), "tool " + tool));
    }

    /** All text contents of a tool result, joined. */
    public static String text(JsonNode result) {
        StringBuilder sb = new StringBuilder();
        result.path("content").forEach(c -> sb.append(c.path("text").asText()).append('\n'));
        return sb.toString().strip();
    }

    public static boolean isError(JsonNode result) {
        return result.path("isError").asBoolean(false);
    }

    private ObjectNode request(String method, JsonNode params) {
        ObjectNode msg = Http.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        msg.set("params", params);
        return msg;
    }

    private HttpResponse<String> post(JsonNode body, String what) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Captured.add("mcp " + provider + " " + what, r.body());
            if (r.statusCode() >= 400) {
                throw new AssertionError("MCP " + what + " at " + endpoint + ": HTTP " + r.statusCode() + " " + r.body());
            }
            return r;
        } catch (IOException e) {
            throw new AssertionError("MCP " + what + " at " + endpoint + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode result(HttpResponse<String> r) {
        JsonNode msg = parse(r);
        if (msg.has("error")) {
            throw new AssertionError("JSON-RPC error: " + msg.get("error"));
        }
        return msg.get("result");
    }

    /** A reply is JSON or a one-event SSE stream. */
    private static JsonNode parse(HttpResponse<String> r) {
        try {
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                for (String line : r.body().split("\n")) {
                    if (line.startsWith("data:")) {
                        JsonNode n = Http.JSON.readTree(line.substring(5).strip());
                        if (n.has("result") || n.has("error")) {
                            return n;
                        }
                    }
                }
                throw new AssertionError("no JSON-RPC reply in the event stream: " + r.body());
            }
            return Http.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("unparseable MCP reply: " + r.body(), e);
        }
    }
}
