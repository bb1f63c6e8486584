package io.ambientcode.acpctl.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Local mode's service orchestration (issue 7): token-server, credential-api and the control plane with its local
 * runtime, each a child process bound to 127.0.0.1 on the ports of {@code LocalLayout}, sharing one data directory.
 *
 * <p>{@link ProcessLocalServices} runs them as detached processes of this machine; the commands depend only on this
 * interface.
 */
public interface LocalServices {

    /** What {@code acpctl up} asks for. */
    record UpRequest(Path dataDir, Duration timeout) {
    }

    /**
     * Starts whatever is not running yet and waits until every service is ready (idempotent: a second call finds them
     * running). A service that fails to start is reported with its log tail, and the ones started are stopped.
     *
     * @return the state of every service once ready
     * @throws io.ambientcode.acpctl.cli.CliException with the exit code and one-line message on failure
     */
    List<ServiceState> up(UpRequest request, Progress progress);

    /** Stops every service started for the data directory; leaves no process behind. */
    List<ServiceState> down(Path dataDir, Duration timeout, Progress progress);

    /** The state of every service of the data directory, without changing anything. */
    List<ServiceState> status(Path dataDir);
}
