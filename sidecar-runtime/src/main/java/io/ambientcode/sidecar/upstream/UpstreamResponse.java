package io.ambientcode.sidecar.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ambientcode.sidecar.tools.UpstreamException;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An upstream answer as {@link UpstreamHttp} read it: status, at most {@code max-response-bytes} of body
 * ({@code truncated} when there was more) and the headers. What an error status means is the provider client's
 * business (each upstream words its errors differently).
 */
public record UpstreamResponse(int status, byte[] body, boolean truncated, HttpHeaders headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as UTF-8 text (what was read of it). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean isRedirect() {
        return status >= 300 && status < 400;
    }

    /**
     * The body as JSON; an empty body (204) is JSON null.
     *
     * @param notJson the tool error (status 502) when the body is not JSON, or was cut at the size limit
     */
    public JsonNode json(String notJson) {
        if (truncated) {
            throw new UpstreamException(502, notJson + " (the answer is larger than the sidecar reads)");
        }
        if (body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? NullNode.getInstance() : node;
        } catch (IOException e) {
            throw new UpstreamException(502, notJson);
        }
    }
}
