package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.provider.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where each provider's sidecar jar is, and the JVM options it ships. The local runtime's equivalent of the Kubernetes
 * runtime's image per provider: {@code <home>/sidecar-<x>/target/quarkus-app/quarkus-run.jar} unless configured
 * otherwise; the options come from {@code <module>/src/main/jvm/jvm.options} next to that jar's module (the same file
 * the container image uses), unless overridden for all sidecars. Looked up at plan time, so a sidecar built after the
 * control plane started is used by the next session.
 */
public final class SidecarJars {

    static final String JAR = "target/quarkus-app/quarkus-run.jar";
    static final String JVM_OPTIONS = "src/main/jvm/jvm.options";
    private static final String CONTAINER_PREFIX = "credential-";

    private final Optional<Path> home;
    private final Map<Provider, Path> overrides;
    private final Optional<List<String>> jvmOptionsOverride;

    public SidecarJars(Optional<Path> home, Map<Provider, Path> overrides, Optional<List<String>> jvmOptionsOverride) {
        this.home = home.map(p -> p.toAbsolutePath().normalize());
        this.overrides = overrides.isEmpty() ? Map.of() : new EnumMap<>(overrides);
        this.jvmOptionsOverride = jvmOptionsOverride.map(List::copyOf);
    }

    /** The module a provider's sidecar is built in: {@code sidecar-github}, …, {@code sidecar-k8s} for kubeconfig. */
    public static String moduleOf(Provider provider) {
        String container = provider.containerName();
        return "sidecar-" + (container.startsWith(CONTAINER_PREFIX) ? container.substring(CONTAINER_PREFIX.length()) : provider.id());
    }

    /** Where the jar is expected, whether or not it exists; empty when neither a home nor an override is configured. */
    public Optional<Path> expected(Provider provider) {
        Path override = overrides.get(provider);
        if (override != null) {
            return Optional.of(override.toAbsolutePath().normalize());
        }
        return home.map(h -> h.resolve(moduleOf(provider)).resolve(JAR));
    }

    /** The jar, when it exists now. */
    public Optional<Path> find(Provider provider) {
        return expected(provider).filter(Files::isRegularFile);
    }

    /** Every provider whose jar exists now, with its path (the plan's "images"). */
    public Map<Provider, String> available() {
        Map<Provider, String> jars = new EnumMap<>(Provider.class);
        for (Provider p : Provider.values()) {
            find(p).ifPresent(jar -> jars.put(p, jar.toString()));
        }
        return jars;
    }

    /** JVM options for a sidecar jar: the override, else the module's shipped {@code jvm.options}, else none. */
    public List<String> jvmOptions(Path jar) {
        if (jvmOptionsOverride.isPresent()) {
            return jvmOptionsOverride.get();
        }
        Path module = jar.getParent() == null || jar.getParent().getParent() == null
                || jar.getParent().getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
        if (module == null) {
            return List.of();
        }
        Path options = module.resolve(JVM_OPTIONS);
        if (!Files.isRegularFile(options)) {
            return List.of();
        }
        try {
            return Files.readAllLines(options).stream().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + options, e);
        }
    }
}
