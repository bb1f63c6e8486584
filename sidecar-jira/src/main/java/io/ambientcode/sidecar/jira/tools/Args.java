package io.ambientcode.sidecar.jira.tools;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Argument checks shared by the Jira tools; each failure is an {@link IllegalArgumentException} (a tool error). */
final class Args {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Args() {
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required parameter: " + name);
        }
        return value.strip();
    }

    /** A value matching the key pattern (issue or project key); also keeps path segments clean. */
    static String key(String name, String value, Pattern pattern) {
        String v = required(name, value);
        if (!pattern.matcher(v).matches()) {
            throw new IllegalArgumentException(name + " '" + v + "' does not look like a Jira key (" + pattern.pattern() + ")");
        }
        return v;
    }

    /** A JSON object given as a string (mcp-atlassian's {@code fields}/{@code additional_fields} parameters). */
    static Map<String, Object> jsonObject(String name, String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            Map<String, Object> map = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            if (map == null) {
                throw new IllegalArgumentException(name + " must be a JSON object");
            }
            return map;
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException(name + " is not a valid JSON object");
        }
    }

    /** {@code "a, b,c"} → [a, b, c]. */
    static List<String> csv(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static int range(String name, Integer value, int min, int max, int fallback) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return v;
    }
}
