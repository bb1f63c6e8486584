package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.support.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The "registry" the kubelet pulls from: a sidecar image name ({@code quay.io/ambient-code/<container>:<version>}) is
 * the packaged module {@code sidecar-<x>}: its quarkus-run.jar, the JVM options it ships
 * ({@code src/main/jvm/jvm.options}), the ports it listens on by its own configuration, and options baked into the test
 * image (only where a sidecar's upstream endpoints are image configuration rather than credential data: Google).
 */
public final class ImageCatalog {

    /** What an image runs. {@code listenProperties}: Quarkus property → the port the application binds by default. */
    public record SidecarImage(Provider provider, String image, String module, Path jar, List<String> jvmOptions,
            Map<String, Integer> listenProperties) {
    }

    private static final String REGISTRY = "quay.io/ambient-code/";
    private static final List<String> LISTEN_PROPERTIES = List.of("quarkus.http.port", "quarkus.management.port");

    private final Map<String, SidecarImage> images = new LinkedHashMap<>();

    private ImageCatalog() {
    }

    /** Every sidecar module of the reactor; {@code bakedOptions} adds JVM options per provider (test image config). */
    public static ImageCatalog fromRepository(Map<Provider, List<String>> bakedOptions) {
        ImageCatalog catalog = new ImageCatalog();
        for (Provider p : Provider.values()) {
            if (!moduleInReactor(moduleOf(p))) {
                continue;
            }
            String module = moduleOf(p);
            Path jar = Repository.quarkusApp(module);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(module + " is a module of the build but " + jar + " does not exist; package it first");
            }
            List<String> options = new ArrayList<>(shippedJvmOptions(module));
            options.addAll(bakedOptions.getOrDefault(p, List.of()));
            catalog.images.put(imageOf(p), new SidecarImage(p, imageOf(p), module, jar, options, listenPorts(module)));
        }
        return catalog;
    }

    public static String imageOf(Provider p) {
        return REGISTRY + p.containerName() + ":" + Repository.version();
    }

    /** {@code credential-github} → {@code sidecar-github}, {@code credential-k8s} → {@code sidecar-k8s}. */
    public static String moduleOf(Provider p) {
        return "sidecar-" + p.containerName().substring("credential-".length());
    }

    /** Whether the root pom lists the module: a provider's flows run once its sidecar is part of the build. */
    public static boolean moduleInReactor(String module) {
        try {
            String pom = Files.readString(Repository.root().resolve("pom.xml"));
            return pom.contains("<module>" + module + "</module>") && Files.isDirectory(Repository.root().resolve(module));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Provider> providers() {
        return images.values().stream().map(SidecarImage::provider).toList();
    }

    public Map<String, SidecarImage> images() {
        return Map.copyOf(images);
    }

    public Optional<SidecarImage> resolve(String image) {
        return Optional.ofNullable(images.get(image));
    }

    private static List<String> shippedJvmOptions(String module) {
        Path file = Repository.root().resolve(module).resolve("src/main/jvm/jvm.options");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ports the application binds by its own configuration (its packaged application.properties). */
    private static Map<String, Integer> listenPorts(String module) {
        Path file = Repository.root().resolve(module).resolve("target/classes/application.properties");
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String key : LISTEN_PROPERTIES) {
            String value = props.getProperty(key);
            if (value != null) {
                ports.put(key, Integer.parseInt(value.strip()));
            }
        }
        return ports;
    }
}
