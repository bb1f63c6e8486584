package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.credential.CredentialApi;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.AgenticSessionSpec;
import io.ambientcode.contracts.session.RunnerEnvVar;
import io.ambientcode.contracts.session.RunnerSpec;
import io.ambientcode.contracts.session.SidecarSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code acpctl session create NAME --project P}: an {@code AgenticSession}. Credentials come from the project's
 * bindings (or explicit {@code --credential} ids); they never pass through this command or the runner.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = { "Create an agent session. Its sidecars get the credentials bound to the project (or agent).",
                "  acpctl session create demo --project demo",
                "  acpctl session create review --project team-a --agent reviewer --image quay.io/acme/runner:1 "
                        + "--read-only github" })
public class SessionCreateCommand extends SessionBaseCommand {

    /** What a local session records as its runner: the local runtime starts sidecars only; your MCP client is the agent. */
    static final String LOCAL_RUNNER_IMAGE = "local";

    @Parameters(index = "0", paramLabel = "NAME", description = "Session name (a DNS label).")
    String name;

    @Option(names = "--project", required = true, paramLabel = "PROJECT", description = "Project (bindings are resolved for it).")
    String project;

    @Option(names = "--agent", paramLabel = "AGENT", description = "Agent name (its bindings beat project bindings).")
    String agent;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Runner image (required in a cluster; local sessions run no runner).")
    String image;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "Runner environment variable (repeatable). Never a secret: values shaped like tokens are refused.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--credential", paramLabel = "ID",
            description = "Use exactly these credential ids (each must be bound; repeatable). Default: resolve bindings.")
    List<String> credentials = new ArrayList<>();

    @Option(names = "--read-only", paramLabel = "PROVIDER", split = ",",
            description = "Only read-only tools for these providers (repeatable or comma-separated).")
    List<String> readOnly = new ArrayList<>();

    @Option(names = "--disable-destructive", paramLabel = "PROVIDER", split = ",",
            description = "Hide the tools annotated destructive for these providers (repeatable or comma-separated).")
    List<String> disableDestructive = new ArrayList<>();

    @Option(names = "--tools", paramLabel = "PROVIDER=TOOL[,TOOL...]", description = "Allow only these tools of a provider.")
    Map<String, String> tools = new LinkedHashMap<>();

    @Option(names = "--exclude-tools", paramLabel = "PROVIDER=TOOL[,TOOL...]", description = "Hide these tools of a provider.")
    Map<String, String> excludeTools = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Maximum run time, e.g. 30m, 2h, 1h30m.")
    String timeout;

    @Mixin
    OutputOptions output;

    /** Per-provider sidecar settings, checked in validate(). */
    private Map<String, SidecarSpec> sidecarSpecs;

    @Override
    protected void validate() {
        SessionNames.check(name);
        checkDnsLabel("--project", project);
        if (agent != null) {
            checkDnsLabel("--agent", agent);
        }
        if (timeout != null && (timeout.isEmpty() || !timeout.matches("([0-9]+h)?([0-9]+m)?([0-9]+s)?"))) {
            throw CliException.usage("--timeout must look like 30m, 2h or 1h30m");
        }
        credentials.forEach(id -> CredentialApi.checkId(id, "credential id"));
        SecretRedactor shapes = SecretRedactor.shapesOnly();
        env.forEach((k, v) -> {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw CliException.usage("--env name " + k + " is not a valid environment variable name");
            }
            if (v != null && shapes.containsSecret(v)) {
                throw CliException.usage("--env " + k + " looks like a secret; credentials belong in the credential API "
                        + "(acpctl credential create), never in a runner's environment");
            }
        });
        sidecarSpecs = sidecarSpecs();
    }

    @Override
    protected int run(SessionBackend backend) {
        String runnerImage = image;
        if (runnerImage == null) {
            if (!backend.local()) {
                throw CliException.usage("--image is required for a session in a cluster");
            }
            runnerImage = LOCAL_RUNNER_IMAGE;
        }
        AgenticSession session = new AgenticSession();
        session.setMetadata(new ObjectMetaBuilder().withName(name).build());
        AgenticSessionSpec spec = new AgenticSessionSpec();
        spec.setProject(project);
        spec.setAgent(agent);
        RunnerSpec runner = new RunnerSpec();
        runner.setImage(runnerImage);
        if (!env.isEmpty()) {
            runner.setEnv(env.entrySet().stream().map(e -> new RunnerEnvVar(e.getKey(), e.getValue())).toList());
        }
        spec.setRunner(runner);
        if (!credentials.isEmpty()) {
            spec.setCredentials(credentials);
        }
        if (!sidecarSpecs.isEmpty()) {
            spec.setSidecars(sidecarSpecs);
        }
        spec.setTimeout(timeout);
        session.setSpec(spec);
        // The model initializes an empty status; what a user creates has none (the control plane writes it).
        session.setStatus(null);
        AgenticSession created = backend.create(session);
        Printer.print(out(), output.format(), created, () -> SessionTables.session(created));
        return ExitCodes.OK;
    }

    private Map<String, SidecarSpec> sidecarSpecs() {
        Set<String> providers = new LinkedHashSet<>();
        readOnly.forEach(p -> providers.add(checkProvider("--read-only", p)));
        disableDestructive.forEach(p -> providers.add(checkProvider("--disable-destructive", p)));
        tools.keySet().forEach(p -> providers.add(checkProvider("--tools", p)));
        excludeTools.keySet().forEach(p -> providers.add(checkProvider("--exclude-tools", p)));
        Map<String, SidecarSpec> out = new LinkedHashMap<>();
        for (String p : providers) {
            SidecarSpec s = new SidecarSpec();
            if (readOnly.contains(p)) {
                s.setReadOnly(true);
            }
            if (disableDestructive.contains(p)) {
                s.setDisableDestructive(true);
            }
            if (tools.containsKey(p)) {
                s.setTools(toolList(tools.get(p)));
            }
            if (excludeTools.containsKey(p)) {
                s.setExcludeTools(toolList(excludeTools.get(p)));
            }
            out.put(p, s);
        }
        return out;
    }

    private static String checkProvider(String option, String provider) {
        if (!Provider.isSupported(provider)) {
            throw CliException.usage(option + ": " + provider + " is not a provider with a sidecar ("
                    + String.join(", ", Provider.ids()) + ")");
        }
        return provider;
    }

    private static List<String> toolList(String csv) {
        List<String> list = Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            throw CliException.usage("a tool list must name at least one tool");
        }
        return list;
    }

    private static void checkDnsLabel(String option, String value) {
        if (!value.matches(SessionNames.PATTERN)) {
            throw CliException.usage(option + " must be a lower-case DNS label (" + SessionNames.PATTERN + ")");
        }
    }
}
