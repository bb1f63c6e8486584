package io.ambientcode.acpctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.acpctl.support.TestWorld;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/acpctl} as a user runs it: the launcher script finds the packaged application (also through a symlink),
 * exit codes reach the shell, and a token arrives through a real stdin pipe.
 */
class LauncherIT {

    record Result(int exitCode, String out, String err) {
    }

    @TempDir
    Path tmp;
    Path launcher;
    Path config;

    @BeforeEach
    void locate() {
        launcher = Path.of(System.getProperty("acpctl.launcher", "bin/acpctl")).toAbsolutePath();
        config = tmp.resolve("config/config.yaml");
    }

    Result run(Path script, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("ACPCTL_CONFIG", config.toString());
        env.put("HOME", tmp.toString());
        env.put("AMBIENT_DATA_DIR", tmp.resolve("data").toString());
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("acpctl finished").isTrue();
        return new Result(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    void runsThePackagedApplicationAlsoThroughASymlink() throws Exception {
        Result version = run(launcher, null, "--version");
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("acpctl 0.1.0");
        assertThat(version.err()).isEmpty();

        Path link = Files.createSymbolicLink(tmp.resolve("acpctl"), launcher);
        Result viaLink = run(link, null, "config", "get-contexts", "-o", "json");
        assertThat(viaLink.exitCode()).as(viaLink.toString()).isZero();
        assertThat(viaLink.out()).contains("\"name\" : \"local\"");
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        Result noKey = run(launcher, null, "login");
        assertThat(noKey.exitCode()).isEqualTo(3);
        assertThat(noKey.err()).isEqualTo("error: no development issuer key at " + tmp.resolve("data/dev-issuer.pem")
                + ": run acpctl up first\n");

        Result usage = run(launcher, null, "credential", "get");
        assertThat(usage.exitCode()).isEqualTo(2);
    }

    @Test
    void aTokenPipedOnStdinIsStoredOwnerOnly() throws Exception {
        assertThat(run(launcher, null, "config", "set", "prod", "--credential-api-url", "https://ambient.example.com").exitCode())
                .isZero();
        String token = TestWorld.oidcToken("carol", Instant.now().plusSeconds(600));
        Result login = run(launcher, token + "\n", "login", "--context", "prod", "--token-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).contains("user:         carol").doesNotContain(token);
        assertThat(Files.readString(config)).contains(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }
}
