package io.ambientcode.credentialapi.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares {@link TestEnvironment} for every {@code @QuarkusTest} of the main application (global test resource).
 * Applications with their own profile (local mode, the command line) disable global resources and bring their own.
 */
@QuarkusTestResource(TestEnvironment.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
