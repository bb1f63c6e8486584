package io.ambientcode.sidecar.k8s.tools;

import io.ambientcode.sidecar.k8s.K8sConfig;
import io.ambientcode.sidecar.k8s.client.Gvk;
import io.ambientcode.sidecar.k8s.client.KubeApi;
import io.ambientcode.sidecar.k8s.client.KubeSession;
import io.ambientcode.sidecar.k8s.render.Rendering;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.ambientcode.sidecar.tools.UpstreamException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** kubernetes-mcp-server's pod tools (toolset "core"), same names and parameters. */
@Singleton
@SidecarTools
public class PodTools {

    static final int DEFAULT_TAIL_LINES = 100;

    @Inject
    KubeApi api;

    @Inject
    Output output;

    @Inject
    K8sConfig config;

    @Tool(name = "pods_list", description = "List all the Kubernetes pods in the current cluster from all namespaces",
            annotations = @Tool.Annotations(title = "Pods: List", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse podsList(
            @ToolArg(description = "Optional Kubernetes label selector (e.g. 'app=myapp,env=prod' or 'app in "
                    + "(myapp,yourapp)'), use this option when you want to filter the pods by label", required = false)
            String labelSelector,
            @ToolArg(description = "Optional Kubernetes field selector to filter pods by field values (e.g. "
                    + "'status.phase=Running', 'spec.nodeName=node1')", required = false) String fieldSelector) {
        return output.list(Gvk.POD, api.list(Gvk.POD, null, labelSelector, fieldSelector));
    }

    @Tool(name = "pods_list_in_namespace", description = "List all the Kubernetes pods in the specified namespace in the "
            + "current cluster",
            annotations = @Tool.Annotations(title = "Pods: List in Namespace", readOnlyHint = true,
                    destructiveHint = false, openWorldHint = true))
    public ToolResponse podsListInNamespace(
            @ToolArg(description = "Namespace to list pods from") String namespace,
            @ToolArg(description = "Optional Kubernetes label selector (e.g. 'app=myapp,env=prod' or 'app in "
                    + "(myapp,yourapp)'), use this option when you want to filter the pods by label", required = false)
            String labelSelector,
            @ToolArg(description = "Optional Kubernetes field selector to filter pods by field values (e.g. "
                    + "'status.phase=Running', 'spec.nodeName=node1')", required = false) String fieldSelector) {
        String ns = Args.namespace(Args.required("namespace", namespace));
        return output.list(Gvk.POD, api.list(Gvk.POD, ns, labelSelector, fieldSelector));
    }

    @Tool(name = "pods_get", description = "Get a Kubernetes Pod in the current or provided namespace with the provided name",
            annotations = @Tool.Annotations(title = "Pods: Get", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse podsGet(
            @ToolArg(description = "Namespace to get the Pod from", required = false) String namespace,
            @ToolArg(description = "Name of the Pod") String name) {
        return output.object(Gvk.POD, api.get(Gvk.POD, Args.namespace(namespace), Args.name("name", name)));
    }

    @Tool(name = "pods_delete", description = "Delete a Kubernetes Pod in the current or provided namespace with the "
            + "provided name",
            annotations = @Tool.Annotations(title = "Pods: Delete", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = true))
    public ToolResponse podsDelete(
            @ToolArg(description = "Namespace to delete the Pod from", required = false) String namespace,
            @ToolArg(description = "Name of the Pod to delete") String name) {
        api.delete(Gvk.POD, Args.namespace(namespace), Args.name("name", name), null);
        return output.text("Pod deleted successfully");
    }

    @Tool(name = "pods_log", description = "Get the logs of a Kubernetes Pod in the current or provided namespace with "
            + "the provided name",
            annotations = @Tool.Annotations(title = "Pods: Log", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse podsLog(
            @ToolArg(description = "Namespace to get the Pod logs from", required = false) String namespace,
            @ToolArg(description = "Name of the Pod to get the logs from") String name,
            @ToolArg(description = "Name of the Pod container to get the logs from (Optional)", required = false)
            String container,
            @ToolArg(description = "Number of lines to retrieve from the end of the logs (Optional, default: 100)",
                    required = false) Integer tail,
            @ToolArg(description = "Return previous terminated container logs (Optional)", required = false)
            Boolean previous) {
        String pod = Args.name("name", name);
        String ns = Args.namespace(namespace);
        int lines = tail == null ? DEFAULT_TAIL_LINES : tail;
        if (lines < 0) {
            throw new IllegalArgumentException("tail must be 0 or more");
        }
        return output.text(api.call(Gvk.POD, "read logs", s -> {
            PodResource p = s.client().pods().inNamespace(ns(s, ns)).withName(pod);
            var selected = container == null || container.isBlank() ? p : p.inContainer(container.strip());
            var terminated = Boolean.TRUE.equals(previous) ? selected.terminated() : selected;
            String log = lines == 0 ? terminated.getLog() : terminated.tailingLines(lines).getLog();
            return log == null || log.isEmpty()
                    ? "The pod " + pod + " in namespace " + ns(s, ns) + " has not logged any message yet"
                    : log;
        }));
    }

    @Tool(name = "pods_exec", description = "Execute a command in a Kubernetes Pod (shell access, run commands in "
            + "container) in the current or provided namespace with the provided name and command",
            annotations = @Tool.Annotations(title = "Pods: Exec", readOnlyHint = false, destructiveHint = true,
                    openWorldHint = true))
    public ToolResponse podsExec(
            @ToolArg(description = "Namespace of the Pod where the command will be executed", required = false)
            String namespace,
            @ToolArg(description = "Name of the Pod where the command will be executed") String name,
            @ToolArg(description = "Command to execute in the Pod container. The first item is the command to be run, "
                    + "and the rest are the arguments to that command. Example: [\"ls\", \"-l\", \"/tmp\"]")
            List<String> command,
            @ToolArg(description = "Name of the Pod container where the command will be executed (Optional)",
                    required = false) String container) {
        // The filter hides the tool already; this guard holds even if a filter were misconfigured.
        if (!config.allowExec()) {
            throw new ToolCallException("pods_exec is disabled in this sidecar (ambient.k8s.allow-exec=false)");
        }
        String pod = Args.name("name", name);
        String ns = Args.namespace(namespace);
        if (command == null || command.isEmpty() || command.stream().anyMatch(c -> c == null)) {
            throw new IllegalArgumentException("command must be a non-empty array of strings");
        }
        int limit = api.maxOutputBytes();
        Result result = api.call(Gvk.POD, "exec", s -> exec(s, ns(s, ns), pod, container, command, limit));
        String out = result.stdout().isEmpty() ? result.stderr() : result.stdout();
        if (out.isEmpty()) {
            out = "The executed command in pod " + pod + " in namespace " + result.namespace()
                    + " has not produced any output";
        }
        if (result.exitCode() != null && result.exitCode() != 0) {
            return ToolResponse.error(Rendering.capped("command exited with code " + result.exitCode() + "\n" + out,
                    api.maxOutputBytes()));
        }
        return output.text(out);
    }

    record Result(String namespace, String stdout, String stderr, Integer exitCode) {
    }

    private Result exec(KubeSession s, String ns, String pod, String container, List<String> command, int limit) {
        BoundedOutput out = new BoundedOutput(limit);
        BoundedOutput err = new BoundedOutput(limit);
        PodResource p = s.client().pods().inNamespace(ns).withName(pod);
        // without a container, fabric8 picks the kubectl.kubernetes.io/default-container annotation, else the first
        var target = container == null || container.isBlank() ? p : p.inContainer(container.strip());
        try (ExecWatch watch = target.writingOutput(out).writingError(err).exec(command.toArray(String[]::new))) {
            Integer code;
            try {
                code = watch.exitCode().get(config.execTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new UpstreamException(0, "the command did not finish within " + config.execTimeout().toSeconds()
                        + " s");
            } catch (ExecutionException e) {
                throw new UpstreamException(0, "the exec stream failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException(0, "interrupted");
            }
            return new Result(ns, out.text(), err.text(), code);
        }
    }


    private static String ns(KubeSession s, String ns) {
        return ns != null ? ns : s.defaultNamespace();
    }

    /** Keeps at most {@code limit} bytes of a stream (a chatty command cannot fill the sidecar's memory). */
    static final class BoundedOutput extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int limit;
        private boolean cut;

        BoundedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = limit - buffer.size();
            if (room <= 0) {
                cut = true;
                return;
            }
            int n = Math.min(room, len);
            buffer.write(b, off, n);
            cut |= n < len;
        }

        synchronized String text() {
            String s = buffer.toString(StandardCharsets.UTF_8);
            return cut ? s + "\n# [output cut at " + limit + " bytes]" : s;
        }
    }
}
