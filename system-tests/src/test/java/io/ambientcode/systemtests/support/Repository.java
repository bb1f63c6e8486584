package io.ambientcode.systemtests.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is (the surefire property {@code ambient.root}) and which version it builds. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("ambient.root", "..")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("contracts"))) {
            throw new IllegalStateException("not the repository root: " + root + " (set -Dambient.root)");
        }
        return root;
    }

    /** The project version; every image the deployment names is tagged with it. */
    public static String version() {
        String version = System.getProperty("project.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("system property project.version is not set (run through Maven)");
        }
        return version;
    }

    /** A module's packaged application, {@code <module>/target/quarkus-app/quarkus-run.jar}. */
    public static Path quarkusApp(String module) {
        return root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Directory for everything a run writes (logs, transcripts, the summary). */
    public static Path runDirectory() {
        Path dir = root().resolve("system-tests/target/system-tests");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dir;
    }
}
