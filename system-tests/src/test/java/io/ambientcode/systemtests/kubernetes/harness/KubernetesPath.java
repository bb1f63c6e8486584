package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.systemtests.kubernetes.providers.ProviderScenario;
import io.ambientcode.systemtests.kubernetes.providers.Scenarios;
import io.ambientcode.systemtests.support.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole Kubernetes path, started once per test run and shared by every test class: the fake upstreams, the three
 * services, the kubelet, two users, and session "alpha" of project alpha with one sidecar per built provider, running.
 * A second session in project beta is started on first use.
 */
public final class KubernetesPath implements AutoCloseable {

    /** Short on purpose: the session-stop flow watches a sidecar's token run out. */
    public static final Duration SESSION_TOKEN_LIFETIME = Duration.ofSeconds(30);
    public static final String ALPHA = "alpha";
    public static final String BETA = "beta";

    private static KubernetesPath instance;
    private static boolean shutDown;
    /** A failed start is not retried by every test class (each attempt costs minutes); they all report it. */
    private static RuntimeException startFailure;

    private final List<ProviderScenario> scenarios;
    private final ImageCatalog images;
    private final Services services;
    private final Sessions sessions;
    private final Users.User alice;
    private final Users.User bob;
    private final Map<Provider, String> aliceCredentials = new LinkedHashMap<>();
    private final List<RunningPod> pods = new ArrayList<>();
    private final RunningPod alpha;
    private RunningPod beta;
    private String bobCredential;

    private KubernetesPath() {
        scenarios = Scenarios.startAvailable();
        if (scenarios.isEmpty()) {
            throw new IllegalStateException("no sidecar module is part of the build: nothing to test end to end");
        }
        Map<Provider, List<String>> baked = new LinkedHashMap<>();
        scenarios.forEach(s -> baked.put(s.provider(), s.imageOptions()));
        images = ImageCatalog.fromRepository(baked);
        services = Services.start(images, SESSION_TOKEN_LIFETIME);
        Kubelet kubelet = new Kubelet(services.cluster().client(), images);
        sessions = new Sessions(services.cluster().client(), kubelet, Services.SESSIONS_NAMESPACE);
        Users users = services.users();
        alice = users.admin("alice", ALPHA);
        bob = users.admin("bob", BETA);
        for (ProviderScenario s : scenarios) {
            String id = alice.createCredential(s.newCredential(alice.subject()));
            alice.bind(ALPHA, id);
            aliceCredentials.put(s.provider(), id);
        }
        sessions.create("alpha-session", ALPHA, null);
        alpha = track(sessions.start("alpha-session"));
    }

    /** The shared instance, started on first use. */
    public static synchronized KubernetesPath get() {
        if (shutDown) {
            throw new IllegalStateException("the Kubernetes path was already shut down (its leak scan ran); order tests before LeakScanTest");
        }
        if (startFailure != null) {
            throw new IllegalStateException("the Kubernetes path failed to start (see the first failure)", startFailure);
        }
        if (instance == null) {
            try {
                instance = new KubernetesPath();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    public static synchronized boolean started() {
        return instance != null;
    }

    private RunningPod track(RunningPod pod) {
        pods.add(pod);
        return pod;
    }

    public List<ProviderScenario> scenarios() {
        return scenarios;
    }

    /** The providers with flows in this run, in registry order. */
    public List<Provider> providers() {
        return scenarios.stream().map(ProviderScenario::provider).toList();
    }

    public ProviderScenario scenario(Provider p) {
        return scenarios.stream().filter(s -> s.provider() == p).findFirst().orElseThrow();
    }

    public ImageCatalog images() {
        return images;
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

    public Users.User bob() {
        return bob;
    }

    public Map<Provider, String> aliceCredentials() {
        return aliceCredentials;
    }

    public RunningPod alpha() {
        return alpha;
    }

    public AgenticSession alphaSession() {
        return sessions.get("alpha-session");
    }

    /** Session "beta" of project beta: bob's credential for the first provider, started on first use. */
    public synchronized RunningPod beta() {
        if (beta == null) {
            ProviderScenario s = scenarios.get(0);
            bobCredential = bob.createCredential(s.newCredential(bob.subject()));
            bob.bind(BETA, bobCredential);
            sessions.create("beta-session", BETA, null);
            beta = track(sessions.start("beta-session"));
        }
        return beta;
    }

    public AgenticSession betaSession() {
        return sessions.get("beta-session");
    }

    public Optional<String> bobCredential() {
        return Optional.ofNullable(bobCredential);
    }

    /** Provider-less checks pick the first scenario's provider (github when it is built). */
    public Provider firstProvider() {
        return scenarios.get(0).provider();
    }

    public Exchanger exchanger() {
        return new Exchanger(services.tokenServerUrl() + "/token", services.exchangePublicKey());
    }

    public List<JavaProcess> allProcesses() {
        List<JavaProcess> all = new ArrayList<>(services.processes());
        pods.forEach(p -> p.sidecars().forEach(s -> all.add(s.process())));
        return all;
    }

    @Override
    public void close() {
        pods.forEach(RunningPod::close);
        services.close();
        scenarios.forEach(ProviderScenario::close);
    }

    /** Closes the shared instance (end of the run) and prints the summary table. */
    public static synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        try {
            if (instance != null) {
                instance.close();
            }
        } finally {
            Summary.print();
        }
    }
}
