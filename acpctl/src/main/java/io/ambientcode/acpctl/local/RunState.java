package io.ambientcode.acpctl.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.local.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code acpctl up} started, in {@code <data-dir>/run/state.json} (plus {@code run/<service>.pid} for people and
 * scripts): pid and start time, so a later {@code down} or {@code status} (another acpctl process) finds the services
 * again and never mistakes a reused pid for one of them.
 */
final class RunState {

    static final String FILE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** One started service. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Running(
            @JsonProperty("pid") long pid,
            @JsonProperty("started") String started,
            @JsonProperty("port") int port,
            @JsonProperty("jar") String jar,
            @JsonProperty("log") String log) {

        /** The process, when it is still this one. */
        Optional<ProcessHandle> find() {
            return Processes.find(pid, started, jar);
        }
    }

    private RunState() {
    }

    static Map<String, Running> read(Path dataDir) {
        Path file = dataDir.resolve(LocalLayout.RUN_DIR).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(JSON.readValue(file.toFile(), new TypeReference<Map<String, Running>>() { }));
        } catch (IOException e) {
            // A damaged state file must not block down: the services it named are looked for by port instead.
            return new LinkedHashMap<>();
        }
    }

    static void write(Path dataDir, Map<String, Running> state) {
        Path run = PrivateFiles.directory(dataDir.resolve(LocalLayout.RUN_DIR));
        try {
            PrivateFiles.write(run.resolve(FILE), JSON.writeValueAsBytes(state));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (LocalService s : LocalService.values()) {
            Path pid = run.resolve(s.id() + ".pid");
            Running r = state.get(s.id());
            try {
                if (r == null) {
                    Files.deleteIfExists(pid);
                } else {
                    PrivateFiles.write(pid, (r.pid() + "\n").getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Running of(LocalService service, ProcessHandle handle, Path jar, Path log) {
        return new Running(handle.pid(), handle.info().startInstant().map(Instant::toString).orElse(""), service.port(),
                jar.toString(), log.toString());
    }
}
