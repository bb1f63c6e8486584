package io.ambientcode.systemtests.deploy;

import io.ambientcode.systemtests.support.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The copies in {@code deploy/base/generated/}: which build output each one is. {@code main} refreshes them
 * ({@code ./mvnw -B package -DskipTests -Psync-deploy}); {@link DeployDriftTest} fails when they differ.
 */
public final class DeploySync {

    /** The CRD generated from the contracts model, as packaged in the contracts jar. */
    public static final String CRD_RESOURCE = "META-INF/fabric8/agenticsessions.ambient-code.io-v1.yml";

    /** One copy: its file under {@code deploy/base/generated} and where its content comes from. */
    public record Copy(String target, String description, Source source) {
        public byte[] expected(Path root) throws IOException {
            return source.read(root);
        }
    }

    @FunctionalInterface
    public interface Source {
        byte[] read(Path root) throws IOException;
    }

    private DeploySync() {
    }

    public static List<Copy> copies() {
        return List.of(
                generatedBy("token-server", "token-server.yml"),
                generatedBy("credential-api", "credential-api.yml"),
                generatedBy("control-plane", "control-plane.yml"),
                new Copy("agenticsessions.ambient-code.io-v1.yml", "contracts jar " + CRD_RESOURCE, root -> crd()));
    }

    public static Path generatedDirectory(Path root) {
        return root.resolve("deploy/base/generated");
    }

    private static Copy generatedBy(String module, String target) {
        String source = module + "/target/kubernetes/kubernetes.yml";
        return new Copy(target, source, root -> {
            Path file = root.resolve(source);
            if (!Files.exists(file)) {
                throw new IllegalStateException(source + " does not exist: package " + module + " first");
            }
            return Files.readAllBytes(file);
        });
    }

    /** The CRD from the classpath: the contracts jar this module is built against. */
    public static byte[] crd() {
        try (InputStream in = DeploySync.class.getClassLoader().getResourceAsStream(CRD_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CRD_RESOURCE + " is not on the classpath (contracts jar)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]).toAbsolutePath().normalize() : Repository.root();
        Path dir = generatedDirectory(root);
        Files.createDirectories(dir);
        for (Copy copy : copies()) {
            byte[] content = copy.expected(root);
            Path target = dir.resolve(copy.target());
            boolean changed = !Files.exists(target) || !java.util.Arrays.equals(Files.readAllBytes(target), content);
            Files.write(target, content);
            System.out.printf("deploy/base/generated/%s <- %s%s%n", copy.target(), copy.description(), changed ? " (updated)" : "");
        }
    }
}
