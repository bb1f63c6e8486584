package io.ambientcode.controlplane.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The control plane as {@code acpctl up} runs it: the {@code local} profile (so the development issuer is trusted and the
 * local runtime may run), nothing of the test profile's Kubernetes settings.
 */
public class LocalProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "local";
    }

    /** Every line of the run, plain text and DEBUG for the control plane, for the leak scan. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG_FILE,
                "quarkus.log.file.json.enabled", "false",
                "quarkus.log.file.rotation.rotate-on-boot", "false",
                "quarkus.log.category.\"io.ambientcode\".level", "DEBUG");
    }

    public static final String LOG_FILE = "target/control-plane-local-test.log";
}
