package io.ambientcode.acpctl.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.http.PathSegments;
import io.ambientcode.acpctl.http.ServiceClient;
import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sessions of the local suite, through the control plane's local management API
 * ({@link LocalSessionRegistry#MANAGE_PREFIX}), authenticated with the development user token. The documents are
 * the same {@code AgenticSession} a cluster stores.
 */
public final class LocalSessionBackend implements SessionBackend {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final ServiceClient client;
    private final String baseUrl;

    public LocalSessionBackend(ServiceClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = baseUrl;
    }

    @Override
    public AgenticSession create(AgenticSession session) {
        JsonNode body = SERIALIZATION.convertValue(session, JsonNode.class);
        return session(client.post(LocalSessionRegistry.MANAGE_PREFIX, body));
    }

    /** The list answer may be a JSON array or a Kubernetes-style list object with {@code items}. */
    @Override
    public List<AgenticSession> list() {
        JsonNode body = client.get(LocalSessionRegistry.MANAGE_PREFIX, Map.of());
        JsonNode items = body == null ? null : body.isArray() ? body : body.get("items");
        List<AgenticSession> out = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(n -> out.add(session(n)));
        }
        return out;
    }

    @Override
    public AgenticSession get(String name) {
        return session(client.get(path(name), Map.of()));
    }

    /** The stop answer may carry the session or nothing (202/204); then the session is read back. */
    @Override
    public AgenticSession stop(String name) {
        JsonNode answer = client.post(path(name) + "/stop", Map.of());
        return answer != null && answer.isObject() && answer.has("metadata") ? session(answer) : get(name);
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public String where() {
        return "the local control plane at " + baseUrl;
    }

    private static String path(String name) {
        return LocalSessionRegistry.MANAGE_PREFIX + "/" + PathSegments.encode(name, "session name");
    }

    private static AgenticSession session(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw CliException.general("the local control plane answered without a session");
        }
        try {
            return SERIALIZATION.convertValue(node, AgenticSession.class);
        } catch (IllegalArgumentException e) {
            throw CliException.general("the local control plane answered a session acpctl does not understand");
        }
    }
}
