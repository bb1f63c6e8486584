package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.provider.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Lays out an "ambient home" with the fake sidecar where the local runtime looks for real ones:
 * {@code <home>/sidecar-<x>/target/quarkus-app/quarkus-run.jar} plus the module's {@code src/main/jvm/jvm.options}.
 */
public final class FakeSidecarJar {

    /** Small and quick: the fake needs no more. */
    public static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m",
            "-Xshare:auto");

    private FakeSidecarJar() {
    }

    /** Creates the home with a jar for each given provider; returns the home. */
    public static Path home(Path home, Provider... providers) {
        try {
            for (Provider provider : providers) {
                Path module = home.resolve(SidecarJars.moduleOf(provider));
                Path jar = module.resolve(SidecarJars.JAR);
                Files.createDirectories(jar.getParent());
                write(jar);
                Path options = module.resolve(SidecarJars.JVM_OPTIONS);
                Files.createDirectories(options.getParent());
                Files.write(options, JVM_OPTIONS);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeSidecar.class.getName());
        String entry = FakeSidecar.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                var in = FakeSidecar.class.getClassLoader().getResourceAsStream(entry)) {
            if (in == null) {
                throw new IllegalStateException("compiled " + entry + " not found on the test classpath");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }
}
