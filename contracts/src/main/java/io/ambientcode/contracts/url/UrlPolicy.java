package io.ambientcode.contracts.url;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URLs a sidecar may send its proof and session token to (ARCHITECTURE.md section 7): {@code http}/{@code https},
 * no userinfo, and a host that is loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) or a cluster-local
 * service name ending {@code .svc} or {@code .svc.cluster.local}. With external APIs allowed any host may be used,
 * but only over https (the session JWT travels in a header). The check is on the parsed host, so
 * {@code x.svc.evil.com} or {@code svc.cluster.local.evil.com} never pass.
 */
public final class UrlPolicy {

    /** One or more DNS labels before the cluster-local suffix. */
    private static final Pattern CLUSTER_LOCAL = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+svc(\\.cluster\\.local)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean allowExternal;

    private UrlPolicy(boolean allowExternal) {
        this.allowExternal = allowExternal;
    }

    /** The default: loopback and in-cluster services only. */
    public static UrlPolicy clusterLocal() {
        return new UrlPolicy(false);
    }

    /** {@code AMBIENT_ALLOW_EXTERNAL_API=true}: any host, https required unless loopback. */
    public static UrlPolicy allowingExternal() {
        return new UrlPolicy(true);
    }

    public static UrlPolicy of(boolean allowExternal) {
        return new UrlPolicy(allowExternal);
    }

    /**
     * Returns the parsed URL or throws {@link IllegalArgumentException} with a message naming {@code name} and the
     * rule broken. The value itself is echoed only when it carries no userinfo (which could hold a secret).
     */
    public URI check(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a valid URL");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException(name + " must not contain user information");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(name + " must use http or https: " + value);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(name + " has no host: " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(name + " must not have a query or fragment: " + value);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = isLoopback(host);
        if (loopback) {
            return uri;
        }
        boolean clusterLocal = !isIpLiteral(host) && CLUSTER_LOCAL.matcher(host).matches();
        if (clusterLocal) {
            return uri;
        }
        if (allowExternal) {
            if (!scheme.equals("https")) {
                throw new IllegalArgumentException(name + " must use https for a host outside loopback and the cluster: "
                        + value);
            }
            return uri;
        }
        if (isIpLiteral(host)) {
            throw new IllegalArgumentException(name + " must not be an IP address other than loopback: " + value);
        }
        throw new IllegalArgumentException(name + " must be loopback or a cluster service (*.svc, *.svc.cluster.local)"
                + " unless AMBIENT_ALLOW_EXTERNAL_API=true: " + value);
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            // Literal addresses only: getByName does no DNS lookup for a literal.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") || host.contains(":") || IPV4.matcher(host).matches();
    }
}
