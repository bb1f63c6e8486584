package io.ambientcode.acpctl.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes the config file: {@code $ACPCTL_CONFIG}, else {@code $XDG_CONFIG_HOME/acpctl/config.yaml}, else
 * {@code ~/.config/acpctl/config.yaml}. It may hold bearer tokens, so it is written atomically with mode 0600 (its
 * directory 0700 when acpctl creates it), and read errors never quote its content.
 */
@ApplicationScoped
public class ConfigStore {

    public static final String CONFIG_ENV = "ACPCTL_CONFIG";
    static final String XDG_CONFIG_HOME = "XDG_CONFIG_HOME";

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Inject
    Environment env;

    public Path path() {
        return env.get(CONFIG_ENV).map(Path::of).orElseGet(() -> env.get(XDG_CONFIG_HOME)
                .map(x -> Path.of(x, "acpctl", "config.yaml"))
                .orElseGet(() -> env.home().resolve(".config").resolve("acpctl").resolve("config.yaml")));
    }

    /** The stored config, or the defaults (a local context) when there is no file yet. */
    public CliConfig load() {
        Path file = path();
        if (!Files.exists(file)) {
            return CliConfig.defaults();
        }
        CliConfig config;
        try {
            config = YAML.readValue(file.toFile(), CliConfig.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw CliException.general("cannot read config file " + file + ": not a valid acpctl config" + where);
        } catch (IOException e) {
            throw CliException.general("cannot read config file " + file + ": " + e.getClass().getSimpleName());
        }
        if (config == null) {
            config = new CliConfig();
        }
        config.ensureLocal();
        return config;
    }

    public void save(CliConfig config) {
        Path file = path().toAbsolutePath();
        Path dir = file.getParent();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                setMode(dir, "rwx------");
            }
            Path tmp = Files.createTempFile(dir, ".config", ".tmp");
            try {
                setMode(tmp, "rw-------");
                YAML.writeValue(tmp.toFile(), config);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            setMode(file, "rw-------");
        } catch (IOException e) {
            throw CliException.general("cannot write config file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static void setMode(Path p, String mode) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user profile directory's ACLs apply instead.
        }
    }
}
