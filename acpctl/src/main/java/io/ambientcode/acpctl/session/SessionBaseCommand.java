package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.ContextOptions;
import jakarta.inject.Inject;
import picocli.CommandLine.Mixin;

/**
 * A session command: checks its input first (so a usage error never contacts a cluster), then runs against the
 * context's backend and releases it.
 */
public abstract class SessionBaseCommand extends BaseCommand {

    @Mixin
    ContextOptions context;

    @Inject
    SessionBackends backends;

    @Override
    public final Integer call() {
        validate();
        try (SessionBackend backend = backends.forContext(context.name())) {
            return run(backend);
        }
    }

    /** Input checks that need no backend. */
    protected abstract void validate();

    protected abstract int run(SessionBackend backend);
}
