package io.ambientcode.sidecar.k8s.kubeconfig;

import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the kubeconfig credential (the document, verbatim, in memory) into a fabric8 client configuration without
 * touching the file system or the environment:
 * <ul>
 * <li>parsed from the string, never written to a file; the configuration starts from {@link Config#empty()} (no
 * auto-configuration: no {@code ~/.kube/config}, no service account, no {@code KUBERNETES_*} variables);</li>
 * <li>refused when it would make the client read local files ({@code certificate-authority},
 * {@code client-certificate}, {@code client-key}, {@code tokenFile}: the sidecar's files, such as its proof, are not
 * the user's to read) or run a program ({@code exec} credential plugins run at parse time in fabric8);</li>
 * <li>refused when no current context leads to a cluster with an http(s) server (fabric8 would otherwise fall back
 * to {@code https://kubernetes.default.svc}, the pod's own cluster).</li>
 * </ul>
 * Error messages name fields and contexts only: the parser's own message may quote the document and is dropped.
 */
public final class KubeconfigParser {

    private KubeconfigParser() {
    }

    /** Client tunables that do not come from the kubeconfig. */
    public record Limits(Duration connectTimeout, Duration requestTimeout) {
    }

    public static KubeTarget parse(String document, Limits limits) {
        FabricIsolation.apply();
        io.fabric8.kubernetes.api.model.Config model = model(document);
        NamedContext context = currentContext(model);
        Context ctx = context.getContext();
        Cluster cluster = cluster(model, ctx.getCluster(), context.getName());
        String server = server(cluster, context.getName());
        if (notBlank(cluster.getCertificateAuthority())) {
            throw new InvalidKubeconfigException("cluster '" + ctx.getCluster() + "' refers to a certificate-authority "
                    + "file; put the CA into certificate-authority-data (the sidecar reads no local files)");
        }
        if (notBlank(ctx.getUser())) {
            checkUser(user(model, ctx.getUser(), context.getName()), ctx.getUser());
        }

        Config config = Config.empty();
        KubeConfigUtils.merge(config, context.getName(), model);
        if (!server.equals(stripSlash(config.getMasterUrl()))) {
            throw new InvalidKubeconfigException("context '" + context.getName() + "' did not resolve to its cluster");
        }
        if (config.getAuthProvider() == null && notBlank(config.getAutoOAuthToken())) {
            // A static token: fabric8 would answer a 401 by retrying with the very same token. As an explicit token
            // it is not retried, and the 401 reaches the runtime, which fetches the credential again (I7).
            config.setOauthToken(config.getAutoOAuthToken());
            config.setAutoOAuthToken(null);
        }
        config.setNamespace(notBlank(ctx.getNamespace()) ? ctx.getNamespace() : "default");
        config.setConnectionTimeout(millis(limits.connectTimeout()));
        config.setRequestTimeout(millis(limits.requestTimeout()));
        // A tool call fails fast and says why; fabric8's default retries an unreachable server for seconds.
        config.setRequestRetryBackoffLimit(0);
        config.setHttp2Disable(true);
        config.setUserAgent("ambient-credential-k8s");
        // the proxy and TLS settings from the environment never apply (Config.empty() read none)
        config.setNoProxy(new String[0]);
        return new KubeTarget(config, context.getName(), server, config.getNamespace());
    }

    private static io.fabric8.kubernetes.api.model.Config model(String document) {
        if (document == null || document.isBlank()) {
            throw new InvalidKubeconfigException("the credential holds no kubeconfig document");
        }
        io.fabric8.kubernetes.api.model.Config model;
        try {
            model = KubeConfigUtils.parseConfigFromString(document);
        } catch (RuntimeException e) {
            throw new InvalidKubeconfigException("the credential is not a parseable kubeconfig document (YAML or JSON)");
        }
        if (model == null) {
            throw new InvalidKubeconfigException("the credential is not a parseable kubeconfig document (YAML or JSON)");
        }
        return model;
    }

    private static NamedContext currentContext(io.fabric8.kubernetes.api.model.Config model) {
        List<NamedContext> contexts = Optional.ofNullable(model.getContexts()).orElse(List.of()).stream()
                .filter(Objects::nonNull).toList();
        if (contexts.isEmpty()) {
            throw new InvalidKubeconfigException("the kubeconfig has no contexts");
        }
        String current = model.getCurrentContext();
        NamedContext chosen;
        if (notBlank(current)) {
            chosen = contexts.stream().filter(c -> current.equals(c.getName())).findFirst()
                    .orElseThrow(() -> new InvalidKubeconfigException("current-context '" + current + "' is not defined"));
        } else if (contexts.size() == 1) {
            chosen = contexts.get(0); // what a user with one context means
        } else {
            throw new InvalidKubeconfigException("the kubeconfig has " + contexts.size()
                    + " contexts and no current-context");
        }
        if (chosen.getContext() == null || !notBlank(chosen.getContext().getCluster())) {
            throw new InvalidKubeconfigException("context '" + chosen.getName() + "' names no cluster");
        }
        return chosen;
    }

    private static Cluster cluster(io.fabric8.kubernetes.api.model.Config model, String name, String context) {
        return Optional.ofNullable(model.getClusters()).orElse(List.of()).stream()
                .filter(c -> c != null && name.equals(c.getName())).map(NamedCluster::getCluster).filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new InvalidKubeconfigException("cluster '" + name + "' of context '" + context
                        + "' is not defined"));
    }

    private static String server(Cluster cluster, String context) {
        String server = cluster.getServer();
        if (!notBlank(server)) {
            throw new InvalidKubeconfigException("the cluster of context '" + context + "' has no server");
        }
        URI uri;
        try {
            uri = URI.create(server.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidKubeconfigException("the server of context '" + context + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new InvalidKubeconfigException("the server of context '" + context + "' must be an http(s) URL");
        }
        if (uri.getUserInfo() != null) {
            throw new InvalidKubeconfigException("the server of context '" + context + "' must not carry user info");
        }
        return stripSlash(server.strip());
    }

    private static AuthInfo user(io.fabric8.kubernetes.api.model.Config model, String name, String context) {
        return Optional.ofNullable(model.getUsers()).orElse(List.of()).stream()
                .filter(u -> u != null && name.equals(u.getName())).map(NamedAuthInfo::getUser).filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new InvalidKubeconfigException("user '" + name + "' of context '" + context
                        + "' is not defined"));
    }

    private static void checkUser(AuthInfo user, String name) {
        if (user.getExec() != null) {
            throw new InvalidKubeconfigException("user '" + name + "' uses an exec credential plugin; the sidecar runs "
                    + "no programs from a credential (use a token or client certificate)");
        }
        String file = notBlank(user.getTokenFile()) ? "tokenFile"
                : notBlank(user.getClientCertificate()) ? "client-certificate"
                : notBlank(user.getClientKey()) ? "client-key" : null;
        if (file != null) {
            throw new InvalidKubeconfigException("user '" + name + "' refers to a " + file + " file; embed the value ("
                    + "token, client-certificate-data, client-key-data): the sidecar reads no local files");
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String stripSlash(String s) {
        return s == null ? "" : s.replaceAll("/+$", "");
    }
}
