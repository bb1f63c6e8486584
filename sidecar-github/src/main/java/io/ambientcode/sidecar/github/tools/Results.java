package io.ambientcode.sidecar.github.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkiverse.mcp.server.ToolResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers shared by the GitHub tools. */
final class Results {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 100;

    private Results() {
    }

    static ToolResponse json(JsonNode node) {
        return ToolResponse.success(node == null ? "null" : node.toString());
    }

    static ToolResponse text(String text) {
        return ToolResponse.success(text);
    }

    /** {@code page}/{@code per_page} query parameters, defaults 1 and 30, per_page capped at 100. */
    static Map<String, Object> paging(Integer page, Integer perPage) {
        Map<String, Object> q = new LinkedHashMap<>();
        int p = page == null ? 1 : page;
        int pp = perPage == null ? DEFAULT_PER_PAGE : perPage;
        if (p < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (pp < 1 || pp > MAX_PER_PAGE) {
            throw new IllegalArgumentException("perPage must be between 1 and " + MAX_PER_PAGE);
        }
        q.put("page", p);
        q.put("per_page", pp);
        return q;
    }

    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required parameter: " + name);
        }
        return value;
    }

    static <T> T required(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing required parameter: " + name);
        }
        return value;
    }

    /** The non-null entries, in order: request bodies of update tools send only what was given. */
    static Map<String, Object> nonNull(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }
}
