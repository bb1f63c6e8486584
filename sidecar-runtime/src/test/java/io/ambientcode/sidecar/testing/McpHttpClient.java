package io.ambientcode.sidecar.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal MCP client over streamable HTTP (JSON-RPC POSTs to {@code /mcp} carrying the {@code Mcp-Session-Id}),
 * enough to drive any sidecar through the real protocol from JUnit: initialize, tools/list, tools/call. Every raw
 * response body is kept in {@link #TRANSCRIPT} so a leak scan can read everything the suite received.
 */
public final class McpHttpClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every raw MCP response body of the test JVM, for leak scans. */
    public static final Queue<String> TRANSCRIPT = new ConcurrentLinkedQueue<>();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final AtomicInteger ids = new AtomicInteger();
    private String sessionId;

    /** @param baseUrl the sidecar's base URL, e.g. {@code http://127.0.0.1:8092}; {@code /mcp} is appended */
    public McpHttpClient(String baseUrl) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/mcp");
    }

    public McpHttpClient initialize() {
        ObjectNode params = JSON.createObjectNode();
        params.put("protocolVersion", "2025-06-18");
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "junit").put("version", "0");
        HttpResponse<String> r = post(request("initialize", params));
        sessionId = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(JSON.createObjectNode().put("jsonrpc", "2.0").put("method", "notifications/initialized"));
        return this;
    }

    /** The {@code result} of tools/list. */
    public JsonNode listTools() {
        return result(post(request("tools/list", JSON.createObjectNode())));
    }

    /** The tool names of tools/list. */
    public java.util.Set<String> toolNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        listTools().path("tools").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    /** The {@code result} of tools/call: {@code {content:[{type,text}], isError}}. */
    public JsonNode call(String tool, Map<String, ?> args) {
        return result(post(request("tools/call", callParams(tool, args))));
    }

    /** The raw JSON-RPC reply of tools/call (for protocol-level error replies, e.g. an unknown tool). */
    public JsonNode callRaw(String tool, Map<String, ?> args) {
        return parse(post(request("tools/call", callParams(tool, args))));
    }

    /** The first text content of a tool result. */
    public static String text(JsonNode result) {
        return result.path("content").path(0).path("text").asText();
    }

    public static boolean isError(JsonNode result) {
        return result.path("isError").asBoolean(false);
    }

    private static ObjectNode callParams(String tool, Map<String, ?> args) {
        ObjectNode params = JSON.createObjectNode().put("name", tool);
        params.set("arguments", JSON.valueToTree(args));
        return params;
    }

    private ObjectNode request(String method, JsonNode params) {
        ObjectNode msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", method);
        msg.set("params", params);
        return msg;
    }

    private HttpResponse<String> post(JsonNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (sessionId != null) {
            b.header("Mcp-Session-Id", sessionId);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            TRANSCRIPT.add(r.body());
            if (r.statusCode() >= 400) {
                throw new IllegalStateException("MCP HTTP " + r.statusCode() + ": " + r.body());
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode result(HttpResponse<String> r) {
        JsonNode msg = parse(r);
        if (msg.has("error")) {
            throw new IllegalStateException("JSON-RPC error: " + msg.get("error"));
        }
        return msg.get("result");
    }

    /** Answers come as JSON or as a one-event SSE stream; both are accepted. */
    private static JsonNode parse(HttpResponse<String> r) {
        String body = r.body();
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        try {
            if (contentType.startsWith("text/event-stream")) {
                for (String line : body.split("\n")) {
                    if (line.startsWith("data:")) {
                        JsonNode n = JSON.readTree(line.substring(5).strip());
                        if (n.has("result") || n.has("error")) {
                            return n;
                        }
                    }
                }
                throw new IllegalStateException("no JSON-RPC reply in event stream: " + body);
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
