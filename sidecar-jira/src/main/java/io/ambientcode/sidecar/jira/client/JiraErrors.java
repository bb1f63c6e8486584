package io.ambientcode.sidecar.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.tools.UpstreamException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a Jira error response into a short, readable message: Jira's {@code errorMessages} (general) and
 * {@code errors} (per field, rendered {@code field: message}), joined; a plain "rate limit exceeded" with the
 * {@code Retry-After} for 429. Bodies that are not Jira's JSON (a proxy's HTML page) are not echoed. Pure.
 */
public final class JiraErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PARTS = 8;

    private JiraErrors() {
    }

    public static UpstreamException toException(int status, String body, Optional<String> retryAfter) {
        if (status == 429) {
            return new UpstreamException(status, "rate limit exceeded"
                    + retryAfter.map(s -> "; retry after " + s.strip() + " s").orElse("; retry later"));
        }
        return new UpstreamException(status, message(body).orElse(reason(status)));
    }

    /** Jira's own words, when the body is Jira's error JSON. */
    static Optional<String> message(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        root.path("errorMessages").forEach(m -> {
            if (m.isTextual() && !m.asText().isBlank()) {
                parts.add(m.asText().strip());
            }
        });
        root.path("errors").fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + e.getValue().asText()));
        for (String single : new String[] { "message", "errorMessage" }) {
            if (parts.isEmpty() && root.path(single).isTextual() && !root.path(single).asText().isBlank()) {
                parts.add(root.path(single).asText().strip());
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", parts.subList(0, Math.min(parts.size(), MAX_PARTS))));
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "unauthorized (the credential was refused)";
            case 403 -> "forbidden (the credential lacks permission)";
            case 404 -> "not found";
            case 409 -> "conflict";
            default -> status >= 500 ? "Jira server error" : "request failed";
        };
    }
}
