package io.ambientcode.systemtests.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.systemtests.support.Repository;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The native build cannot run here (no GraalVM, no container runtime), so what keeps it correct is checked instead: the
 * -Pnative profile of the root pom, and the reflection registration of every JSON wire type in contracts (a plain
 * library, registered through the standard META-INF/native-image reflect-config.json that every native build reads).
 */
@Order(3)
class NativeImageConfigTest {

    private static final String CONFIG = "META-INF/native-image/io.ambientcode/contracts/reflect-config.json";
    /** Packages whose public records travel as JSON (provider's records are validation results, never serialized). */
    private static final Set<String> WIRE_PACKAGES = Set.of("crypto", "exchange", "credential", "problem", "session");

    @Test
    void everyContractsWireRecordIsRegisteredForReflection() throws Exception {
        Set<String> registered = new TreeSet<>();
        try (InputStream in = ExchangeReply.class.getClassLoader().getResourceAsStream(CONFIG)) {
            assertThat(in).as(CONFIG + " in the contracts jar").isNotNull();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                String name = entry.path("name").asText();
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                assertThat(entry.path("allDeclaredConstructors").asBoolean() && entry.path("allDeclaredMethods").asBoolean()
                        && entry.path("allDeclaredFields").asBoolean()).as("%s fully registered", name).isTrue();
                registered.add(type.getName());
            }
        }
        Set<String> wire = new TreeSet<>();
        for (String name : contractsClasses()) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            String pkg = type.getPackageName().substring("io.ambientcode.contracts.".length());
            if (type.isRecord() && java.lang.reflect.Modifier.isPublic(type.getModifiers()) && WIRE_PACKAGES.contains(pkg)) {
                wire.add(type.getName());
                for (var component : type.getRecordComponents()) {
                    if (component.getType().isEnum() && component.getType().getName().startsWith("io.ambientcode.")) {
                        wire.add(component.getType().getName());
                    }
                }
            }
        }
        assertThat(wire).as("wire records found").hasSizeGreaterThanOrEqualTo(7);
        assertThat(registered).as("registered for reflection (contracts " + CONFIG + ")").containsAll(wire);
    }

    @Test
    void rootPomHasTheNativeProfile() throws IOException {
        String pom = Files.readString(Repository.root().resolve("pom.xml"));
        assertThat(pom).contains("<id>native</id>").contains("<quarkus.native.enabled>true</quarkus.native.enabled>");
    }

    private static Set<String> contractsClasses() throws IOException, URISyntaxException {
        Path location = Path.of(ExchangeReply.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(location.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().filter(e -> e.getName().endsWith(".class"))
                        .forEach(e -> names.add(e.getName().replace('/', '.').replaceAll("\\.class$", "")));
            }
        }
        names.removeIf(n -> !n.startsWith("io.ambientcode.contracts.") || n.endsWith("module-info") || n.endsWith("package-info"));
        return names;
    }
}
