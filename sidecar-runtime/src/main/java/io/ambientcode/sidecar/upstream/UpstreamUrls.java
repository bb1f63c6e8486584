package io.ambientcode.sidecar.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;

/** Building upstream URLs from tool arguments, with every argument encoded. Pure. */
public final class UpstreamUrls {

    private UpstreamUrls() {
    }

    /**
     * {@code ?a=1&b=x} from the entries whose value is not null and not blank, keys and values URL-encoded, in the map's
     * order; an {@link Iterable} value repeats its key ({@code ?label=a&label=b}). Empty when nothing remains.
     */
    public static String query(Map<String, ?> query) {
        StringJoiner j = new StringJoiner("&", "?", "");
        j.setEmptyValue("");
        query.forEach((k, v) -> {
            Iterable<?> values = v instanceof Iterable<?> it ? it : Collections.singletonList(v);
            for (Object value : values) {
                if (value != null && !(value instanceof String s && s.isBlank())) {
                    j.add(encode(k) + "=" + encode(String.valueOf(value)));
                }
            }
        });
        return j.toString();
    }

    /**
     * One path segment (an owner, a branch, an issue key, a file id): every character that is not unreserved is
     * percent-encoded, slashes included, so an argument can never reach another path.
     *
     * @throws IllegalArgumentException when the value is empty (the tool error "invalid argument: ...")
     */
    public static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a required path parameter is empty");
        }
        return encode(value).replace("+", "%20");
    }

    /** A file path: each part encoded like a {@link #segment}, the slashes between them kept, leading slashes dropped. */
    public static String path(String value) {
        String p = value == null ? "" : value.replaceAll("^/+", "");
        StringJoiner j = new StringJoiner("/");
        for (String part : p.split("/", -1)) {
            j.add(encode(part).replace("+", "%20"));
        }
        return j.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
