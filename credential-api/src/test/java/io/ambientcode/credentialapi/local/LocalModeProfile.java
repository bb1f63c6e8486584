package io.ambientcode.credentialapi.local;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The {@code local} configuration profile, exactly as {@code acpctl up} runs the service, in its own data directory. */
public class LocalModeProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "local";
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalModeEnvironment.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
