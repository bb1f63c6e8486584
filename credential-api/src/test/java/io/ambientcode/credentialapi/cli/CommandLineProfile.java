package io.ambientcode.credentialapi.cli;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The packaged application started with command-line arguments, against {@link CommandLineEnvironment}. */
public class CommandLineProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CommandLineEnvironment.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
