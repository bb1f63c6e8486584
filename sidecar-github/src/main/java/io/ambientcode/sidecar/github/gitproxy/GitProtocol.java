package io.ambientcode.sidecar.github.gitproxy;

import java.nio.charset.StandardCharsets;

/**
 * Git error replies. A git client shows an {@code ERR} packet as {@code remote error: <message>}, which is far
 * clearer than an HTTP status, and a 401 would make it ask for a password it does not have. Pure.
 */
public final class GitProtocol {

    private GitProtocol() {
    }

    /** One pkt-line: four hex digits of length (including themselves), then the payload. */
    public static byte[] pktLine(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String len = String.format("%04x", body.length + 4);
        byte[] out = new byte[body.length + 4];
        System.arraycopy(len.getBytes(StandardCharsets.US_ASCII), 0, out, 0, 4);
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    public static byte[] error(String message) {
        return pktLine("ERR " + message.replaceAll("[\\r\\n]+", " ") + "\n");
    }

    /** The media type git expects for a reply of this request. */
    public static String contentType(GitRequest request) {
        return "application/x-" + request.serviceName() + (request.isAdvertisement() ? "-advertisement" : "-result");
    }

    /** Short wording for an upstream status, as the runner's git will print it. */
    public static String describe(int status) {
        return switch (status) {
            case 401 -> "the git host refused the session's credential (401)";
            case 403 -> "the session's credential may not access this repository (403)";
            case 404 -> "repository not found on the git host, or no access (404)";
            default -> "the git host answered HTTP " + status;
        };
    }
}
