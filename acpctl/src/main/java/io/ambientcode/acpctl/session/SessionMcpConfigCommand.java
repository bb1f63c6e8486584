package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.output.OutputFormat;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.session.AgenticSession;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl session mcp-config NAME [--client claude|vscode|generic]}: ready-to-paste MCP client configuration
 * for the session's credential sidecars. The configuration holds URLs only; the credentials stay in the sidecars.
 */
@Command(name = "mcp-config", mixinStandardHelpOptions = true,
        description = { "Print MCP client configuration (JSON) for a session's credential sidecars.",
                "  claude:  {\"mcpServers\": {name: {\"type\": \"http\", \"url\": ...}}}  (Claude Desktop/Code, Cursor)",
                "  vscode:  {\"servers\": {name: {\"type\": \"http\", \"url\": ...}}}",
                "  generic: {name: url}",
                "In a cluster the URLs are localhost ports: run the kubectl port-forward printed on stderr." })
public class SessionMcpConfigCommand extends SessionBaseCommand {

    /** JSON by default: the output is meant to be pasted into a client's configuration file. */
    public enum Format {
        json,
        yaml
    }

    @Parameters(index = "0", paramLabel = "NAME", description = "Session name.")
    String name;

    @Option(names = "--client", paramLabel = "CLIENT", defaultValue = "claude",
            description = "Configuration shape: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    McpConfig.Client client;

    @Option(names = { "-o", "--output" }, paramLabel = "FORMAT", defaultValue = "json",
            description = "json or yaml (default: ${DEFAULT-VALUE}).")
    Format format;


    @Override
    protected void validate() {
        SessionNames.check(name);
    }

    @Override
    protected int run(SessionBackend backend) {
        AgenticSession s = backend.get(name);
        McpConfig.Servers found = McpConfig.servers(s, backend.local());
        found.skipped().forEach(reason -> note("warning: sidecar " + reason));
        if (found.servers().isEmpty()) {
            throw CliException.general("session " + name + " has no credential sidecars (phase "
                    + SessionTables.phase(s) + "): bind credentials to project " + s.getSpec().getProject()
                    + ", or wait for them: acpctl session wait " + name);
        }
        found.servers().stream().filter(v -> !v.ready())
                .forEach(v -> note("warning: sidecar " + v.provider() + " is not ready yet"
                        + (v.message() == null ? "" : " (" + v.message().replaceAll("\\p{Cntrl}", " ") + ")")));
        if (!backend.local()) {
            note("# reach the sidecars from this machine with: "
                    + McpConfig.portForwardHint(s, found.servers(), backend.namespace(), backend.kubeContext()));
        }
        Map<String, Object> config = McpConfig.render(client, found.servers());
        Printer.print(out(), format == Format.yaml ? OutputFormat.yaml : OutputFormat.json, config, null);
        return ExitCodes.OK;
    }
}
