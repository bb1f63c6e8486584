package io.ambientcode.sidecar.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Base of each sidecar's one Quarkus test resource ("world"): starts the {@link FakeAmbient} for the provider and the
 * provider's fake upstream (a subclass's job), hands the sidecar the session environment pointing at them, and
 * captures the sidecar's log to {@link #LOG_FILE} through the redacting filter (with {@code io.ambientcode} at DEBUG)
 * so the leak scan can read every line. Every secret the world creates is recorded in {@link #SECRETS}.
 * One world per test JVM: the state is static, like the Quarkus application it feeds.
 */
public abstract class SidecarWorld implements QuarkusTestResourceLifecycleManager {

    public static final Path LOG_FILE = Path.of("target", "sidecar-test.log");

    /** Every secret value the suite used (credential values, derived secrets, the proof), for the leak scan. */
    public static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    /** The token server and credential API of this run. */
    public static FakeAmbient ambient;

    /**
     * Starts the upstream fakes and the {@link FakeAmbient} (assign {@link #ambient}) and returns the sidecar's
     * provider-specific configuration (upstream URLs, test-sized settings). The session environment and the log
     * capture are added by the base.
     */
    protected abstract Map<String, String> startWorld() throws Exception;

    /** Stops the upstream fakes; {@link #ambient} is closed by the base. */
    protected abstract void stopWorld();

    @Override
    public final Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            Files.deleteIfExists(LOG_FILE);
            config.putAll(startWorld());
        } catch (Exception e) {
            throw new IllegalStateException("the test world did not start", e);
        }
        if (ambient == null) {
            throw new IllegalStateException(getClass().getSimpleName() + ".startWorld() must create the FakeAmbient");
        }
        SECRETS.addAll(ambient.secrets());
        Map<String, String> all = new HashMap<>(ambient.env());
        all.putAll(config);
        all.putAll(logCapture());
        return all;
    }

    @Override
    public final void stop() {
        if (ambient != null) {
            ambient.close();
        }
        stopWorld();
    }

    /** Records a secret for the leak scan and returns it. */
    public static String secret(String value) {
        SECRETS.add(value);
        return value;
    }

    /** The sidecar's log to {@link #LOG_FILE}, through the same redacting filter as the console. */
    public static Map<String, String> logCapture() {
        return Map.of(
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE.toString(),
                "quarkus.log.file.filter", "ambient-redact",
                "quarkus.log.category.\"io.ambientcode\".level", "DEBUG");
    }
}
