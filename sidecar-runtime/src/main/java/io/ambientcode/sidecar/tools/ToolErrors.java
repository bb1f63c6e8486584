package io.ambientcode.sidecar.tools;

/** The wording of tool errors, in one place so every sidecar reads alike. Pure. */
public final class ToolErrors {

    private ToolErrors() {
    }

    /** {@code "GitHub API error 404: Not Found"}; status 0 means the upstream could not be reached. */
    public static String upstream(String upstreamName, UpstreamException e) {
        if (e.status() == 0) {
            return upstreamName + " unreachable: " + e.getMessage();
        }
        return upstreamName + " error " + e.status() + ": " + e.getMessage();
    }

    public static String invalidArgument(String message) {
        return "invalid argument: " + message;
    }

    public static String internal(String toolName) {
        return "internal error in tool " + toolName + " (details are in the sidecar log)";
    }
}
