package io.ambientcode.acpctl.local;

import io.ambientcode.acpctl.cli.CliException;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The stand-in until local orchestration lands: a clear "not yet available" (exit 3) for up, down and status. */
@DefaultBean
@ApplicationScoped
public class UnavailableLocalServices implements LocalServices {

    static final String MESSAGE = " is not available yet in this build of acpctl (local mode is being added)";

    @Override
    public List<ServiceState> up(UpRequest request, Progress progress) {
        throw CliException.notAvailable("acpctl up" + MESSAGE);
    }

    @Override
    public List<ServiceState> down(Path dataDir, Duration timeout, Progress progress) {
        throw CliException.notAvailable("acpctl down" + MESSAGE);
    }

    @Override
    public List<ServiceState> status(Path dataDir) {
        throw CliException.notAvailable("acpctl status" + MESSAGE);
    }
}
