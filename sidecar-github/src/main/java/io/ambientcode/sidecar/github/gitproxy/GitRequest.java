package io.ambientcode.sidecar.github.gitproxy;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A git smart-HTTP request the proxy accepts, parsed from the runner's path: {@code /git/{owner}/{repo}[.git]/info/refs
 * ?service=git-upload-pack|git-receive-pack} (GET), {@code .../git-upload-pack} and {@code .../git-receive-pack}
 * (POST). Everything else is refused, so the proxy can only ever reach repositories on the configured git host. Pure.
 */
public record GitRequest(String owner, String repo, String endpoint, Optional<String> service) {

    private static final Pattern PATH = Pattern.compile(
            "/git/([A-Za-z0-9_.-]{1,100})/([A-Za-z0-9_.-]{1,100}?)(?:\\.git)?/(info/refs|git-upload-pack|git-receive-pack)");
    private static final Pattern SERVICE = Pattern.compile("git-upload-pack|git-receive-pack");

    /** Parses, or empty when the request is not one the proxy forwards. */
    public static Optional<GitRequest> parse(String method, String path, String serviceParam) {
        Matcher m = PATH.matcher(path == null ? "" : path);
        if (!m.matches() || m.group(1).matches("\\.+") || m.group(2).matches("\\.+")) {
            return Optional.empty();
        }
        String endpoint = m.group(3);
        if (endpoint.equals("info/refs")) {
            if (!"GET".equals(method) || serviceParam == null || !SERVICE.matcher(serviceParam).matches()) {
                return Optional.empty();
            }
            return Optional.of(new GitRequest(m.group(1), m.group(2), endpoint, Optional.of(serviceParam)));
        }
        if (!"POST".equals(method)) {
            return Optional.empty();
        }
        return Optional.of(new GitRequest(m.group(1), m.group(2), endpoint, Optional.empty()));
    }

    /** The upstream URL on the git host. */
    public URI upstream(URI gitBase) {
        return URI.create(gitBase.toString().replaceAll("/+$", "") + "/" + owner + "/" + repo + ".git/" + endpoint
                + service.map(s -> "?service=" + s).orElse(""));
    }

    /** The git service this request belongs to (for error replies in the service's own media type). */
    public String serviceName() {
        return service.orElse(endpoint);
    }

    /** Part of a push ({@code git-receive-pack}, its advertisement included): what read-only mode refuses. */
    public boolean isPush() {
        return serviceName().equals("git-receive-pack");
    }

    public boolean isAdvertisement() {
        return endpoint.equals("info/refs");
    }
}
