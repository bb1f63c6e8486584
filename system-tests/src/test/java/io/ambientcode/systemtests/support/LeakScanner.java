package io.ambientcode.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Looks for secret values in text: as written, and after undoing JSON string escapes (a JSON log line or body could
 * otherwise hide {@code a/b} as {@code a\/b} or a PEM's line breaks as {@code \n}). Pure.
 */
public final class LeakScanner {

    /** A secret found somewhere: which secret (its label, never its value) and where. */
    public record Hit(String secretLabel, String source) {
    }

    private LeakScanner() {
    }

    public static List<Hit> scan(String source, String text, Map<String, String> secrets) {
        List<Hit> hits = new ArrayList<>();
        String unescaped = unescapeJson(text);
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (text.contains(secret.getKey()) || unescaped.contains(secret.getKey())) {
                hits.add(new Hit(secret.getValue(), source));
            }
        }
        return hits;
    }

    static String unescapeJson(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                sb.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case '/', '\\', '"' -> sb.append(n);
                case 'u' -> {
                    if (i + 4 < text.length()) {
                        try {
                            sb.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                            i += 4;
                        } catch (NumberFormatException e) {
                            sb.append("\\u");
                        }
                    } else {
                        sb.append("\\u");
                    }
                }
                default -> sb.append('\\').append(n);
            }
        }
        return sb.toString();
    }
}
