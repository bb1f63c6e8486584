package io.ambientcode.acpctl.cli;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What acpctl reads from the process environment: variables, the OS user name and the home directory. One bean, so
 * tests can give each run its own home and config file without touching the real ones.
 */
@ApplicationScoped
public class Environment {

    public Optional<String> get(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String userName() {
        return System.getProperty("user.name", "user");
    }

    /**
     * {@code $HOME} when it is set to an absolute path, as every Unix tool does, else the JVM's {@code user.home} (which
     * comes from the password database and ignores {@code HOME}).
     */
    public Path home() {
        return get("HOME").map(Path::of).filter(Path::isAbsolute).orElseGet(() -> Path.of(System.getProperty("user.home")));
    }
}
