package io.ambientcode.credentialapi.bench;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The benchmark's application: the test environment, without the test-only DEBUG file log and access log. */
public class BenchProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.access-log.enabled", "false",
                "quarkus.log.file.enabled", "false",
                "quarkus.log.category.\"io.ambientcode\".level", "INFO");
    }
}
