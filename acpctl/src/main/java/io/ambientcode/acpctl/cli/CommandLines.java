package io.ambientcode.acpctl.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Builds the configured command line: one-line errors, exit codes, duration options, case-insensitive enums.
 * Quarkus' picocli runner executes the produced instance; tests build fresh ones the same way.
 */
@ApplicationScoped
public class CommandLines {

    @Inject
    PicocliCommandLineFactory factory;

    public CommandLine create() {
        ErrorHandlers handlers = new ErrorHandlers();
        return factory.create()
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Duration.class, new Durations())
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers);
    }

    @Produces
    @Dependent
    CommandLine commandLine() {
        return create();
    }
}
