package io.ambientcode.sidecar.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.sidecar.testing.FakeAmbient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the benchmarks start and call: a packaged sidecar (its {@code quarkus-run.jar} and the JVM options it ships in
 * {@code src/main/jvm/jvm.options}) with the environment of a session whose fakes are running, its simple tool and the
 * same request sent straight to the fake upstream; or the floor, a bare Quarkus application with only
 * {@code quarkus-vertx-http} ({@code bench/floor-app}).
 *
 * @param provider     the provider id, or {@code floor}
 * @param jar          the packaged application
 * @param jvmOptions   the options shipped with it (none for the floor)
 * @param tool         the simple tool called 1,000 times (none for the floor: it answers a trivial POST)
 * @param upstreamPath the upstream request that tool makes, for the overhead comparison
 * @param upstreamAuth the Authorization header the sidecar sends with it
 */
public record BenchTarget(String provider, Path jar, List<String> jvmOptions, String tool, String upstreamPath,
        String upstreamAuth) {

    static final ObjectMapper JSON = new ObjectMapper();

    public static final List<String> SIDECARS = List.of("github", "jira", "google", "kubeconfig");

    public boolean isFloor() {
        return provider.equals("floor");
    }

    /** The Maven module of a provider's sidecar. */
    static String module(String provider) {
        return provider.equals("kubeconfig") ? "sidecar-k8s" : "sidecar-" + provider;
    }

    /** The sidecar of {@code provider} as packaged in {@code repo}, or the floor app. */
    public static BenchTarget of(Path repo, String provider, String credentialToken) {
        if (provider.equals("floor")) {
            return new BenchTarget("floor", repo.resolve("bench/floor-app/target/quarkus-app/quarkus-run.jar"), List.of(),
                    null, null, null);
        }
        Path module = repo.resolve(module(provider));
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        List<String> options = shippedOptions(module.resolve("src/main/jvm/jvm.options"));
        return switch (provider) {
            case "github" -> new BenchTarget(provider, jar, options, "get_me", "/user", "Bearer " + credentialToken);
            case "jira" -> new BenchTarget(provider, jar, options, "jira_get_all_projects", "/rest/api/3/project",
                    "Basic " + java.util.Base64.getEncoder().encodeToString(("bench@example.com:" + credentialToken)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            case "google" -> new BenchTarget(provider, jar, options, "list_gmail_labels", "/gmail/v1/users/me/labels",
                    "Bearer " + credentialToken);
            case "kubeconfig" -> new BenchTarget(provider, jar, options, "namespaces_list", "/api/v1/namespaces",
                    "Bearer " + credentialToken);
            default -> throw new IllegalArgumentException("unknown target " + provider);
        };
    }

    /** The options a module ships: one per line, {@code #} comments and blank lines skipped. */
    public static List<String> shippedOptions(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The credential value the fake credential API serves for this provider and the token the upstream expects:
     * a token for github/jira, a kubeconfig for the cluster at {@code upstream}, an authorized_user JSON for google
     * (whose access token is {@code credentialToken}).
     */
    public String credential(String upstream, String credentialToken) {
        return switch (provider) {
            case "kubeconfig" -> """
                    apiVersion: v1
                    kind: Config
                    current-context: bench
                    clusters:
                    - name: target
                      cluster:
                        server: %s
                    contexts:
                    - name: bench
                      context: {cluster: target, user: agent, namespace: default}
                    users:
                    - name: agent
                      user:
                        token: %s
                    """.formatted(upstream, credentialToken);
            case "google" -> JSON.createObjectNode().put("type", "authorized_user")
                    .put("client_id", "bench.apps.googleusercontent.com")
                    .put("client_secret", "cs-" + UUID.randomUUID()).put("refresh_token", "rt-" + UUID.randomUUID())
                    .toString();
            default -> credentialToken;
        };
    }

    /** The session's fakes for this sidecar, its credential pointing at {@code upstream}. */
    public FakeAmbient ambient(String upstream, String credentialToken) throws IOException {
        String url = provider.equals("github") || provider.equals("jira") ? upstream : null;
        FakeAmbient ambient = new FakeAmbient(provider, credential(upstream, credentialToken), url, 0);
        if (provider.equals("jira")) {
            ambient.credentialApi.setEmail("bench@example.com");
        }
        return ambient;
    }

    /** The sidecar environment: the session contract plus the provider's upstream endpoints where they are config. */
    public Map<String, String> env(FakeAmbient ambient, String upstream) {
        Map<String, String> env = new HashMap<>(ambient.env());
        if (provider.equals("google")) {
            env.put("AMBIENT_GOOGLE_TOKEN_URL", upstream + "/token");
            env.put("AMBIENT_GOOGLE_GMAIL_URL", upstream);
            env.put("AMBIENT_GOOGLE_DRIVE_URL", upstream);
        }
        return env;
    }
}
