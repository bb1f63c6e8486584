package io.ambientcode.sidecar.github.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.tools.UpstreamException;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a GitHub error response into a short message: GitHub's own {@code message}, the first validation error for a
 * 422, and a plain "rate limit exceeded" with the reset time for primary and secondary rate limits. Pure.
 */
public final class GitHubErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GitHubErrors() {
    }

    public static UpstreamException toException(int status, String body, Optional<Instant> rateLimitReset) {
        String message = message(body);
        boolean rateLimited = status == 429 || (status == 403 && (rateLimitReset.isPresent()
                || message.toLowerCase().contains("rate limit")));
        if (rateLimited) {
            return new UpstreamException(status, "rate limit exceeded"
                    + rateLimitReset.map(r -> "; resets at " + r).orElse("; retry later"));
        }
        return new UpstreamException(status, message);
    }

    /** The reset time, only when the primary limit is used up ({@code x-ratelimit-remaining: 0}). */
    static Optional<Instant> rateLimitReset(HttpHeaders headers) {
        if (!headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
            return Optional.empty();
        }
        return headers.firstValue("x-ratelimit-reset").flatMap(v -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static String message(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            String message = root.path("message").asText("");
            JsonNode errors = root.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                String detail = first.isTextual() ? first.asText()
                        : first.path("message").asText(first.path("code").asText("") + " " + first.path("field").asText(""));
                if (!detail.isBlank()) {
                    message = message + " (" + detail.strip() + ")";
                }
            }
            return message.isBlank() ? "no message" : message;
        } catch (Exception e) {
            return "no message";
        }
    }
}
