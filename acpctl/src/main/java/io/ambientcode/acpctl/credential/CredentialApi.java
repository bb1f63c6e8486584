package io.ambientcode.acpctl.credential;

import com.fasterxml.jackson.databind.JsonNode;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.http.PathSegments;
import io.ambientcode.acpctl.http.ServiceClient;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The credential API's user routes (ARCHITECTURE.md section 5), typed. Lists are read page by page until the
 * reported total; a credential token is sent only in the bodies of create and update, never in a URL or header.
 */
public final class CredentialApi {

    static final int PAGE_SIZE = 100;
    /** A bound on how many pages one list reads (100 000 items), so a misbehaving server cannot loop us forever. */
    static final int MAX_PAGES = 1000;

    private static final String CREDENTIALS = CredentialApiPaths.BASE + "/credentials";

    private final ServiceClient client;

    public CredentialApi(ServiceClient client) {
        this.client = client;
    }

    public Credential create(Map<String, Object> body) {
        return client.as(client.post(CREDENTIALS, body), Credential.class);
    }

    public List<Credential> list(String provider) {
        return all(CREDENTIALS, provider == null ? Map.of() : Map.of("provider", provider), Credential.class, Integer.MAX_VALUE);
    }

    public Credential get(String id) {
        return client.as(client.get(credential(id), Map.of()), Credential.class);
    }

    public Credential update(String id, Map<String, Object> patch) {
        return client.as(client.patch(credential(id), patch), Credential.class);
    }

    public void delete(String id, boolean force) {
        client.delete(credential(id), force ? Map.of("force", "true") : Map.of());
    }

    public List<AuditEntry> audit(String id, int limit) {
        return all(credential(id) + "/audit", Map.of(), AuditEntry.class, limit);
    }

    public Binding bind(String project, String credentialId, String agent) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("credential_id", checkId(credentialId, "credential id"));
        if (agent != null) {
            body.put("agent", agent);
        }
        return client.as(client.post(bindingsPath(project), body), Binding.class);
    }

    public List<Binding> bindings(String project) {
        return all(bindingsPath(project), Map.of(), Binding.class, Integer.MAX_VALUE);
    }

    public void unbind(String project, String bindingId) {
        client.delete(bindingsPath(project) + "/" + checkId(bindingId, "binding id"), Map.of());
    }

    public WhoAmI whoami() {
        return client.as(client.get(CredentialApiPaths.BASE + "/whoami", Map.of()), WhoAmI.class);
    }

    /** Ids go into URL paths: only the server's id alphabet is accepted. */
    public static String checkId(String id, String what) {
        if (id == null || !CredentialApiPaths.CREDENTIAL_ID.matcher(id).matches()) {
            throw CliException.usage((id == null ? what : "'" + id + "'") + " is not a valid " + what
                    + " (" + CredentialApiPaths.CREDENTIAL_ID.pattern() + ")");
        }
        return id;
    }

    private static String credential(String id) {
        return CREDENTIALS + "/" + checkId(id, "credential id");
    }

    private static String bindingsPath(String project) {
        return CredentialApiPaths.BASE + "/projects/" + PathSegments.encode(project, "project") + "/credential-bindings";
    }

    private <T> List<T> all(String path, Map<String, String> filter, Class<T> type, int limit) {
        List<T> items = new ArrayList<>();
        int size = Math.min(PAGE_SIZE, Math.max(1, limit));
        for (int page = 1; page <= MAX_PAGES && items.size() < limit; page++) {
            Map<String, String> query = new java.util.LinkedHashMap<>(filter);
            query.put("page", Integer.toString(page));
            query.put("size", Integer.toString(size));
            JsonNode body = client.get(path, query);
            List<T> got = items(body, n -> client.as(n, type));
            items.addAll(got);
            long total = body == null ? 0 : body.path("total").asLong(0);
            if (got.isEmpty() || got.size() < size || items.size() >= total) {
                break;
            }
        }
        return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
    }

    private static <T> List<T> items(JsonNode page, Function<JsonNode, T> convert) {
        List<T> out = new ArrayList<>();
        if (page != null && page.path("items").isArray()) {
            page.path("items").forEach(n -> out.add(convert.apply(n)));
        }
        return out;
    }
}
