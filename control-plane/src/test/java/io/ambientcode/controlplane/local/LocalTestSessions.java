package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.RunnerSpec;
import io.ambientcode.controlplane.plan.PlanSettings;
import io.ambientcode.controlplane.plan.ProofLocation;
import io.ambientcode.controlplane.support.TestKeys;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Shared pieces of the local runtime's tests: a session document, settings with short delays, a token server key. */
final class LocalTestSessions {

    /** One token-server exchange key per test run (3072 bits: the least sidecars accept). */
    static final String EXCHANGE_KEY = Pem.toSpkiPem(TestKeys.rsa(3072).getPublic());

    private LocalTestSessions() {
    }

    static AgenticSession session(String name, String project) {
        AgenticSession s = new AgenticSession();
        s.setMetadata(new ObjectMetaBuilder().withName(name).build());
        AgenticSessionSpec spec = new AgenticSessionSpec();
        spec.setProject(project);
        RunnerSpec runner = new RunnerSpec();
        runner.setImage("local");
        spec.setRunner(runner);
        s.setSpec(spec);
        s.setStatus(null);
        return s;
    }

    /** Fast supervision: 200 ms ticks, restarts after 300 ms doubling to 2 s, given up after 3 in a row. */
    static LocalSettings settings(Path dataDir, Path home) {
        PlanSettings plan = new PlanSettings(Map.of(), Optional.of("http://127.0.0.1:8180/token"), Optional.empty(),
                "http://127.0.0.1:8181", false, ProofLocation.KUBERNETES);
        return new LocalSettings(dataDir, LocalSettings.currentJava(), new SidecarJars(Optional.of(home), Map.of(),
                Optional.empty()), plan, new RestartBackoff(Duration.ofMillis(300), Duration.ofSeconds(2),
                Duration.ofSeconds(60), 3), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(1), io.ambientcode.contracts.jwt.UserClaims.DEFAULT_PLATFORM_ADMIN_GROUP);
    }

    /** A process's environment, name → value (values may span lines). */
    static Map<String, String> environment(long pid) {
        try {
            Map<String, String> env = new java.util.LinkedHashMap<>();
            for (String entry : new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"))).split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return env;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String procFile(long pid, String name) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), name))).replace('\0', '\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
