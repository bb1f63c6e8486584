package io.ambientcode.acpctl.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the claims of a compact JWT without verifying it: only to show who a stored token names and when it
 * expires, and to notice an expired token before a server has to refuse it. The services verify signatures.
 */
public record JwtText(String subject, Instant expiresAt, List<String> groups, String issuer) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims of a compact JWS, or empty when the text is not one (the text itself never appears in errors). */
    public static Optional<JwtText> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            Instant exp = claims.path("exp").canConvertToLong() ? Instant.ofEpochSecond(claims.path("exp").asLong()) : null;
            List<String> groups = new ArrayList<>();
            claims.path("groups").forEach(g -> groups.add(g.asText()));
            return Optional.of(new JwtText(text(claims, "sub"), exp, List.copyOf(groups), text(claims, "iss")));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** True when the token has expired by {@code instant} (a token without {@code exp} never does). */
    public boolean expiresBefore(Instant instant) {
        return expiresAt != null && !expiresAt.isAfter(instant);
    }

    private static String text(JsonNode claims, String name) {
        JsonNode n = claims.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
