package io.ambientcode.sidecar.tools;

/**
 * An upstream API answered with an error, or could not be reached (status 0 for timeouts and connection failures).
 * Thrown by provider clients; {@link SidecarToolInterceptor} turns it into an MCP tool error
 * ({@code isError: true}) carrying the status and this short message, redacted. Status 401 is special: see
 * {@link io.ambientcode.sidecar.credential.CredentialScope}. Never put an upstream body here unshortened.
 */
public class UpstreamException extends RuntimeException {

    private static final int MAX_MESSAGE = 300;

    private final int status;

    public UpstreamException(int status, String shortMessage) {
        super(shorten(shortMessage), null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    private static String shorten(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
