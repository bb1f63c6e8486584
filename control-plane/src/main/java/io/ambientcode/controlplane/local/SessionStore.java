package io.ambientcode.controlplane.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.local.PrivateFiles;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.session.AgenticSession;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The local session registry on disk, so sessions survive a control-plane restart. One private directory per session
 * under {@code <data-dir>/sessions/<name>/} (contracts {@code LocalLayout}):
 * <ul>
 *   <li>{@code session.json}: the {@code AgenticSession} with its status, the same document a cluster stores;</li>
 *   <li>{@code <provider>.proof}: that sidecar's proof, the only place it is written (mode 0600);</li>
 *   <li>{@code <provider>.process.json}: pid, start time and ports of the running sidecar (re-adopted after a crash);</li>
 *   <li>{@code <provider>.log}: the sidecar's output; {@code <provider>.tmp/}: its private temporary directory.</li>
 * </ul>
 */
public final class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    static final String SESSION_FILE = "session.json";

    /** A sidecar process this control plane started: enough to find it again, and to tell it from a reused pid. */
    public record ProcessRecord(
            @JsonProperty("pid") long pid,
            @JsonProperty("started") String started,
            @JsonProperty("port") int port,
            @JsonProperty("management_port") int managementPort,
            @JsonProperty("jar") String jar) {
    }

    private final Path sessionsDir;

    public SessionStore(Path dataDir) {
        PrivateFiles.directory(dataDir);
        this.sessionsDir = PrivateFiles.directory(dataDir.resolve(LocalLayout.SESSIONS_DIR));
    }

    public Path sessionsDir() {
        return sessionsDir;
    }

    /** The session's private directory, created on first use. */
    public Path dir(String name) {
        return PrivateFiles.directory(sessionsDir.resolve(name));
    }

    /** Every stored session; a directory whose document cannot be read is skipped with a warning. */
    public List<AgenticSession> loadAll() {
        List<AgenticSession> sessions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(sessionsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path file = dir.resolve(SESSION_FILE);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    AgenticSession session = SERIALIZATION.unmarshal(Files.readString(file), AgenticSession.class);
                    if (session != null && session.getMetadata() != null
                            && dir.getFileName().toString().equals(session.getMetadata().getName())) {
                        sessions.add(session);
                    } else {
                        LOG.warnf("skipping %s: not a session stored under its own name", file);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("skipping %s: unreadable (%s)", file, e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sessionsDir, e);
        }
        return sessions;
    }

    public void save(AgenticSession session) {
        String name = session.getMetadata().getName();
        PrivateFiles.write(dir(name).resolve(SESSION_FILE), SERIALIZATION.asJson(session).getBytes(StandardCharsets.UTF_8));
    }

    public boolean exists(String name) {
        return Files.isRegularFile(sessionsDir.resolve(name).resolve(SESSION_FILE));
    }

    public void delete(String name) {
        PrivateFiles.deleteTree(sessionsDir.resolve(name));
    }

    public Path proofFile(String name, Provider provider) {
        return sessionsDir.resolve(name).resolve(provider.id() + ".proof");
    }

    public Path logFile(String name, Provider provider) {
        return sessionsDir.resolve(name).resolve(provider.id() + ".log");
    }

    public Path tmpDir(String name, Provider provider) {
        return sessionsDir.resolve(name).resolve(provider.id() + ".tmp");
    }

    private Path processFile(String name, Provider provider) {
        return sessionsDir.resolve(name).resolve(provider.id() + ".process.json");
    }

    /** The proofs on disk, provider id → proof; unreadable or missing files are simply absent. */
    public Map<String, String> readProofs(String name) {
        Map<String, String> proofs = new LinkedHashMap<>();
        for (Provider provider : Provider.values()) {
            Path file = proofFile(name, provider);
            if (Files.isRegularFile(file)) {
                try {
                    String proof = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    if (!proof.isEmpty()) {
                        proofs.put(provider.id(), proof);
                    }
                } catch (IOException e) {
                    LOG.warnf("session %s: proof file of %s unreadable (%s); a new proof will be made", name,
                            provider.id(), e.getClass().getSimpleName());
                }
            }
        }
        return proofs;
    }

    public void writeProof(String name, Provider provider, String proof) {
        dir(name);
        PrivateFiles.write(proofFile(name, provider), proof.getBytes(StandardCharsets.US_ASCII));
    }

    public void deleteProof(String name, Provider provider) {
        PrivateFiles.delete(proofFile(name, provider));
    }

    public Optional<ProcessRecord> readProcess(String name, Provider provider) {
        Path file = processFile(name, provider);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), ProcessRecord.class));
        } catch (IOException e) {
            LOG.warnf("session %s: process record of %s unreadable (%s)", name, provider.id(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public void writeProcess(String name, Provider provider, ProcessRecord record) {
        try {
            PrivateFiles.write(processFile(name, provider), JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteProcess(String name, Provider provider) {
        PrivateFiles.delete(processFile(name, provider));
    }
}
