package io.ambientcode.sidecar.k8s.tools;

import io.ambientcode.sidecar.k8s.client.Gvk;
import io.ambientcode.sidecar.k8s.client.KubeApi;
import io.ambientcode.sidecar.k8s.render.Events;
import io.ambientcode.sidecar.tools.SidecarTools;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** kubernetes-mcp-server's {@code namespaces_list} and {@code events_list} (toolset "core"). */
@Singleton
@SidecarTools
public class ClusterTools {

    @Inject
    KubeApi api;

    @Inject
    Output output;

    @Tool(name = "namespaces_list", description = "List all the Kubernetes namespaces in the current cluster",
            annotations = @Tool.Annotations(title = "Namespaces: List", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse namespacesList(
            @ToolArg(description = "Optional Kubernetes field selector to filter namespaces by field values (e.g. "
                    + "'metadata.name=default', 'status.phase=Active')", required = false) String fieldSelector) {
        return output.list(Gvk.NAMESPACE, api.list(Gvk.NAMESPACE, null, null, fieldSelector));
    }

    @Tool(name = "events_list", description = "List Kubernetes events (warnings, errors, state changes) for debugging and "
            + "troubleshooting in the current cluster from all namespaces",
            annotations = @Tool.Annotations(title = "Events: List", readOnlyHint = true, destructiveHint = false,
                    openWorldHint = true))
    public ToolResponse eventsList(
            @ToolArg(description = "Optional Namespace to retrieve the events from. If not provided, will list events "
                    + "from all namespaces", required = false) String namespace,
            @ToolArg(description = "Optional Kubernetes field selector to filter events by field values (e.g. "
                    + "'type=Warning', 'involvedObject.name=my-pod')", required = false) String fieldSelector) {
        KubeApi.Listed events = api.list(Gvk.EVENT, Args.namespace(namespace), null, fieldSelector);
        return output.text(Events.render(events.items()));
    }
}
