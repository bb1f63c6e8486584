package io.ambientcode.acpctl.support;

import io.ambientcode.acpctl.cli.Environment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A process environment of one test: its own home, config file and variables; nothing of the real user's. */
public class FakeEnvironment extends Environment {

    private final Map<String, String> vars = new HashMap<>();
    private final Path home;
    private final String user;

    public FakeEnvironment(Path home, String user) {
        this.home = home;
        this.user = user;
    }

    public FakeEnvironment set(String name, String value) {
        vars.put(name, value);
        return this;
    }

    @Override
    public Optional<String> get(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public String userName() {
        return user;
    }

    @Override
    public Path home() {
        return home;
    }
}
