package io.ambientcode.sidecar.google.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.tools.UpstreamException;
import java.util.Optional;

/**
 * Turns a Google API error ({@code {"error": {"code", "message", "status", "errors": [{"reason"}]}}}) into a short
 * message: Google's {@code message} plus the first {@code reason}; rate limits say when to retry. Foreign bodies (a
 * proxy's HTML) are not echoed. Pure.
 */
public final class GoogleErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleErrors() {
    }

    public static UpstreamException toException(int status, String body, Optional<String> retryAfter) {
        Optional<String> message = message(body);
        if (status == 429 || message.map(m -> m.contains("rateLimitExceeded") || m.contains("userRateLimitExceeded"))
                .orElse(false)) {
            return new UpstreamException(status, "rate limit exceeded" + message.map(m -> " (" + m + ")").orElse("")
                    + retryAfter.map(s -> "; retry after " + s.strip() + " s").orElse("; retry later"));
        }
        return new UpstreamException(status, message.orElse(status >= 500 ? "Google server error" : "request failed"));
    }

    static Optional<String> message(String body) {
        try {
            JsonNode error = JSON.readTree(body == null ? "" : body).path("error");
            String message = error.path("message").asText("");
            String reason = error.path("errors").path(0).path("reason").asText("");
            if (message.isBlank() && error.isTextual()) {
                message = error.asText();
            }
            if (message.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(reason.isBlank() ? message.strip() : message.strip() + " (" + reason + ")");
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
