package io.ambientcode.acpctl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.acpctl.support.CliTestBase;
import io.ambientcode.acpctl.support.Run;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree as a whole: help, version, usage errors, the scaffolded local commands, completion. */
@QuarkusTest
class CliBasicsTest extends CliTestBase {

    @Test
    void helpListsCommandsAndDocumentsExitCodes() {
        Run r = cli.run("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("up", "down", "status", "login", "config", "credential", "session", "completion")
                .contains("Exit codes:", "2  usage error", "3  not available", "4  not found", "5  conflict");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionNamesTheBuild() {
        Run r = cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("acpctl ").doesNotContain("unknown");
    }

    @Test
    void everyCommandHasHelpThatExitsZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(commandLines.create(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(25);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: acpctl");
        }
    }

    @Test
    void groupsWithoutASubcommandPrintUsageAndExitTwo() {
        for (String group : List.of("credential", "session", "config")) {
            Run r = cli.run(group);
            assertThat(r.exitCode()).as(group).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("Usage: acpctl " + group);
        }
        Run top = cli.run();
        assertThat(top.exitCode()).isEqualTo(2);
        assertThat(top.err()).startsWith("Usage: acpctl");
    }

    @Test
    void usageErrorsAreOneLineWithExitTwo() {
        Run unknownOption = cli.run("credential", "list", "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.out()).isEmpty();
        assertThat(unknownOption.err()).isEqualTo("error: Unknown option: '--bogus' (see: acpctl credential list --help)\n");

        Run missing = cli.run("credential", "create", "x");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1);
        assertThat(missing.err()).startsWith("error: Missing required option: '--provider=PROVIDER'");

        Run badDuration = cli.run("session", "wait", "s1", "--timeout", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err().lines()).hasSize(1);
        assertThat(badDuration.err()).contains("'soon' is not a duration");

        Run badEnum = cli.run("config", "get-contexts", "-o", "xml");
        assertThat(badEnum.exitCode()).isEqualTo(2);
        assertThat(badEnum.err()).contains("-o", "xml").contains("table, json, yaml");
    }

    @Test
    void localServicesOnADataDirectoryWhereNothingRuns() throws Exception {
        Path dir = world.dataDir;
        Run status = cli.run("status", "--data-dir", dir.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).containsPattern("token-server\\s+stopped\\s+http://127.0.0.1:8180")
                .containsPattern("credential-api\\s+stopped\\s+http://127.0.0.1:8181")
                .containsPattern("control-plane\\s+stopped\\s+http://127.0.0.1:8190");
        Run json = cli.run("status", "-o", "json", "--data-dir", dir.toString());
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).findValuesAsText("state"))
                .containsExactly("stopped", "stopped", "stopped");
        Run down = cli.run("down", "--data-dir", dir.toString());
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(down.err()).isEmpty();
    }

    @Test
    void upNamesTheServiceThatIsNotBuilt() {
        world.env.set("AMBIENT_HOME", tmp.resolve("empty-home").toString());
        Run r = cli.run("up", "--data-dir", world.dataDir.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: token-server is not built (no " + tmp.resolve("empty-home")
                .resolve("token-server/target/quarkus-app/quarkus-run.jar") + "): run ./mvnw -B package -DskipTests in "
                + tmp.resolve("empty-home") + "\n");
    }

    @Test
    void upRefusesAClusterContext() {
        assertThat(cli.run("config", "set", "prod", "--credential-api-url", "https://api.example.com").exitCode()).isZero();
        Run r = cli.run("up", "--context", "prod");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: context prod is a cluster context; local mode needs a local one\n");
    }

    @Test
    void completionScriptsCoverTheCommandTree() {
        for (String shell : List.of("bash", "zsh")) {
            Run r = cli.run("completion", shell);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).contains("complete -F", "acpctl", "credential", "mcp-config", "get-contexts",
                    "--token-stdin", "bashcompinit");
            assertThat(r.err()).isEmpty();
        }
        Run fish = cli.run("completion", "fish");
        assertThat(fish.exitCode()).isEqualTo(2);
        assertThat(fish.err()).contains("fish").contains("bash, zsh");
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandName().equals(name)) {
                return; // an alias of a command already visited
            }
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, out);
        });
    }
}
