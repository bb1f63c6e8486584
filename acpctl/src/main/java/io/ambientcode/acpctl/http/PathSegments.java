package io.ambientcode.acpctl.http;

import io.ambientcode.acpctl.cli.CliException;
import java.nio.charset.StandardCharsets;

/**
 * Puts user input into URL paths safely: every byte outside the RFC 3986 unreserved set is percent-encoded, and
 * {@code .}/{@code ..} are refused, so an argument can never name another route.
 */
public final class PathSegments {

    private PathSegments() {
    }

    public static String encode(String segment, String what) {
        if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw CliException.usage(what + " must not be empty, '.' or '..'");
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
