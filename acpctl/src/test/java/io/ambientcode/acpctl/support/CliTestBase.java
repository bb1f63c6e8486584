package io.ambientcode.acpctl.support;

import io.ambientcode.acpctl.cli.CommandLines;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the in-application CLI tests: a fresh {@link TestWorld} per test, installed into the one Quarkus test
 * application all test classes share, and a {@link Cli} to run commands with.
 */
public abstract class CliTestBase {

    @Inject
    protected CommandLines commandLines;

    @TempDir
    protected Path tmp;

    protected TestWorld world;
    protected Cli cli;

    @BeforeEach
    void newWorld() {
        world = new TestWorld(tmp).install();
        cli = new Cli(commandLines);
    }

    /** Sets the local context up against the given fakes and logs in as alice (dev issuer key present). */
    protected void localLoggedIn(String credentialApiUrl, String controlPlaneUrl, String... loginArgs) {
        world.withDevIssuerKey();
        Run set = cli.run("config", "set", "local", "--data-dir", world.dataDir.toString(),
                "--credential-api-url", credentialApiUrl, "--control-plane-url", controlPlaneUrl);
        if (set.exitCode() != 0) {
            throw new IllegalStateException("config set failed: " + set);
        }
        String[] args = new String[loginArgs.length + 1];
        args[0] = "login";
        System.arraycopy(loginArgs, 0, args, 1, loginArgs.length);
        Run login = cli.run(args);
        if (login.exitCode() != 0) {
            throw new IllegalStateException("login failed: " + login);
        }
    }
}
