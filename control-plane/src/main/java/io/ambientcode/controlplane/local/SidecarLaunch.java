package io.ambientcode.controlplane.local;

import io.ambientcode.controlplane.plan.EnvEntry;
import io.ambientcode.controlplane.plan.PlannedSidecar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A planned sidecar rendered as a local process (pure): {@code java <jvm options> -jar <jar>} and an environment made of
 * the plan's env, the ports the local runtime picked, and a few neutral variables of the control plane's own
 * environment. The proof travels only as a file path ({@code AMBIENT_SIDECAR_PROOF_FILE}, from the plan): never in argv
 * (visible to every local user) and never in the environment.
 *
 * @param command the argv
 * @param environment the complete environment (nothing else is inherited)
 */
public record SidecarLaunch(List<String> command, Map<String, String> environment) {

    /** Inherited from the control plane: how to find programs and format text, nothing that configures a sidecar. */
    static final Set<String> INHERITED = Set.of("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "USER", "LOGNAME", "HOME",
            "JAVA_HOME");
    static final String HTTP_HOST = "QUARKUS_HTTP_HOST";
    static final String HTTP_PORT = "QUARKUS_HTTP_PORT";
    static final String MANAGEMENT_HOST = "QUARKUS_MANAGEMENT_HOST";
    static final String MANAGEMENT_PORT = "QUARKUS_MANAGEMENT_PORT";
    static final String LOOPBACK = io.ambientcode.contracts.local.LocalLayout.LOOPBACK;

    public SidecarLaunch {
        command = List.copyOf(command);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * @param java the java launcher
     * @param jvmOptions the sidecar's JVM options
     * @param tmpDir the sidecar's private temporary directory (its {@code /tmp} in a pod)
     * @param port the loopback port for MCP (and git)
     * @param managementPort the loopback port for health and metrics
     * @param parentEnv the control plane's environment, of which only {@link #INHERITED} names are kept
     */
    public static SidecarLaunch of(PlannedSidecar sidecar, Path java, List<String> jvmOptions, Path tmpDir, int port,
            int managementPort, Map<String, String> parentEnv) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-jar");
        command.add(sidecar.image());

        Map<String, String> env = new LinkedHashMap<>();
        parentEnv.forEach((name, value) -> {
            if (INHERITED.contains(name)) {
                env.put(name, value);
            }
        });
        env.put("TMPDIR", tmpDir.toString());
        for (EnvEntry entry : sidecar.env()) {
            env.put(entry.name(), entry.value());
        }
        // Everything on loopback: on a laptop there is no kubelet that needs to reach the management interface.
        env.put(HTTP_HOST, LOOPBACK);
        env.put(HTTP_PORT, Integer.toString(port));
        env.put(MANAGEMENT_HOST, LOOPBACK);
        env.put(MANAGEMENT_PORT, Integer.toString(managementPort));
        // Readable logs in the session directory (the prod profile would write JSON).
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return new SidecarLaunch(command, env);
    }

    /** Names only: values may be long (the public key) and are not for logs. */
    @Override
    public String toString() {
        return "SidecarLaunch[" + command.get(command.size() - 1) + ", env " + environment.keySet() + "]";
    }
}
