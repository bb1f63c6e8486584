package io.ambientcode.systemtests.resilience;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.kubernetes.harness.Database;
import io.ambientcode.systemtests.kubernetes.harness.ImageCatalog;
import io.ambientcode.systemtests.kubernetes.harness.JavaProcess;
import io.ambientcode.systemtests.kubernetes.harness.Kubelet;
import io.ambientcode.systemtests.kubernetes.harness.McpClient;
import io.ambientcode.systemtests.kubernetes.harness.Runner;
import io.ambientcode.systemtests.kubernetes.harness.RunningPod;
import io.ambientcode.systemtests.kubernetes.harness.Services;
import io.ambientcode.systemtests.kubernetes.harness.Sessions;
import io.ambientcode.systemtests.kubernetes.harness.SidecarContainer;
import io.ambientcode.systemtests.kubernetes.harness.Users;
import io.ambientcode.systemtests.kubernetes.providers.GitHubScenario;
import io.ambientcode.systemtests.support.Repository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the resilience scenarios share, started once: the Kubernetes path's pieces (mock API server, token server,
 * credential API, control plane as real processes, the kubelet) with the GitHub fake as the only upstream, the
 * credential API on a PostgreSQL server of its own ({@link PrivatePostgres}) so it can be restarted, and one running
 * session of alice's with a GitHub sidecar. Differences from the Kubernetes path, each a configuration a deployer has:
 * <ul>
 * <li>session tokens live {@value #TOKEN_LIFETIME_SECONDS} s, so the sidecar refreshes every half lifetime (30 s) and a
 * 60 s outage spans refreshes;</li>
 * <li>the GitHub sidecar image carries {@code -Dambient.sidecar.upstream.request-timeout=3s} (the configured bound of
 * one upstream request; the default is 30 s, longer than the 10 s slow upstream of scenario 5);</li>
 * <li>sidecars reach the services directly, not through recording taps.</li>
 * </ul>
 */
public final class ResilienceWorld implements AutoCloseable {

    public static final long TOKEN_LIFETIME_SECONDS = 60;
    public static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(3);
    public static final String PROJECT = "alpha";
    public static final String SESSION = "resilient-session";

    private static ResilienceWorld instance;
    private static RuntimeException startFailure;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private PrivatePostgres postgres;
    private Database database;
    private GitHubScenario github;
    private Services services;
    private Sessions sessions;
    private Users.User alice;
    private String credentialId;
    private RunningPod pod;

    private ResilienceWorld() {
        try {
            start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void start() {
        JavaProcess.useLogDirectory(logDirectory());
        Optional<Path> bin = PrivatePostgres.binaries();
        postgres = bin.map(PrivatePostgres::start).orElse(null);
        track(postgres);
        database = postgres != null ? postgres.database("ambient_resilience") : Database.onLocalServer("ambient_resilience");
        github = track(new GitHubScenario());
        List<String> githubImage = new ArrayList<>(github.imageOptions());
        githubImage.add("-Dambient.sidecar.upstream.request-timeout=" + UPSTREAM_TIMEOUT.toSeconds() + "s");
        ImageCatalog images = ImageCatalog.fromRepository(Map.of(Provider.GITHUB, githubImage));
        services = track(Services.start(images, new Services.Options(database, Duration.ofSeconds(TOKEN_LIFETIME_SECONDS), false)));
        sessions = new Sessions(services.cluster().client(), new Kubelet(services.cluster().client(), images),
                Services.SESSIONS_NAMESPACE);
        alice = services.users().admin("alice", PROJECT);
        credentialId = alice.createCredential(github.newCredential(alice.subject()));
        alice.bind(PROJECT, credentialId);
        sessions.create(SESSION, PROJECT, null);
        pod = track(sessions.start(SESSION));
    }

    private <T extends AutoCloseable> T track(T c) {
        if (c != null) {
            closeables.add(0, c);
        }
        return c;
    }

    public static synchronized ResilienceWorld get() {
        if (startFailure != null) {
            throw new IllegalStateException("the resilience world failed to start (see the first failure)", startFailure);
        }
        if (instance == null) {
            try {
                instance = new ResilienceWorld();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    /** Stops everything and prints the summary table. */
    public static synchronized void shutdown() {
        try {
            if (instance != null) {
                instance.close();
                instance = null;
            }
        } finally {
            ResilienceSummary.print();
        }
    }

    public static Path logDirectory() {
        return Repository.root().resolve("system-tests/target/resilience/logs");
    }

    /** The private PostgreSQL server, empty when this machine has no PostgreSQL server binaries. */
    public Optional<PrivatePostgres> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Database database() {
        return database;
    }

    public GitHubScenario github() {
        return github;
    }

    public Services services() {
        return services;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Users.User alice() {
        return alice;
    }

    public String credentialId() {
        return credentialId;
    }

    public RunningPod pod() {
        return pod;
    }

    /** The session's GitHub sidecar. */
    public SidecarContainer sidecar() {
        return pod.sidecar(Provider.GITHUB).orElseThrow();
    }

    /** A new initialized MCP session with the GitHub sidecar at the URL the runner was given. */
    public McpClient mcp() {
        return new Runner(pod).mcp(Provider.GITHUB);
    }

    /** The sidecar's MCP URL as the runner reaches it. */
    public String mcpUrl() {
        return pod.mcpUrls().get(Provider.GITHUB.id());
    }

    /** The sidecar's readiness endpoint (management port). */
    public String sidecarReadinessUrl() {
        var probe = sidecar().spec().getReadinessProbe().getHttpGet();
        return sidecar().url(probe.getPort().getIntVal()) + probe.getPath();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }
}
