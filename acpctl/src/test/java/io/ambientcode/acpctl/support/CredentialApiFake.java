package io.ambientcode.acpctl.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Response bodies exactly as the credential API writes them (its {@code rest} package: CredentialView, BindingView,
 * AuditEntryView, PageView, and contracts' Problem with {@code application/problem+json}), for WireMock stubs.
 */
public final class CredentialApiFake {

    public static final String BASE = "/api/ambient/v1";
    public static final ObjectMapper JSON = new ObjectMapper();

    private CredentialApiFake() {
    }

    /** A server-generated id: UUID version 7 text, like the credential API's. */
    public static String newId() {
        UUID r = UUID.randomUUID();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (r.getMostSignificantBits() & 0x0FFFL);
        return new UUID(msb, r.getLeastSignificantBits()).toString();
    }

    /** Timestamps as the service renders them: Instant.toString of a microsecond-truncated instant. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
    }

    public static ObjectNode credential(String id, String name, String provider, String url, String owner) {
        String at = now();
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id);
        c.put("name", name);
        c.put("provider", provider);
        if (url != null) {
            c.put("url", url);
        }
        c.set("metadata", JSON.createObjectNode());
        c.put("owner", owner);
        c.put("created_at", at);
        c.put("updated_at", at);
        c.put("token_set_at", at);
        return c;
    }

    public static ObjectNode binding(String id, String project, String agent, String credentialId, String provider,
            String createdBy) {
        ObjectNode b = JSON.createObjectNode();
        b.put("id", id);
        b.put("project", project);
        if (agent != null) {
            b.put("agent", agent);
        }
        b.put("credential_id", credentialId);
        b.put("provider", provider);
        b.put("created_by", createdBy);
        b.put("created_at", now());
        return b;
    }

    public static ObjectNode auditEntry(String action, String outcome, String actorKind, String actor, String sessionId) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", newId());
        a.put("at", now());
        a.put("action", action);
        a.put("outcome", outcome);
        a.put("actor_kind", actorKind);
        a.put("actor", actor);
        if (sessionId != null) {
            a.put("session_id", sessionId);
            a.put("provider", "github");
            a.put("project", "demo");
        }
        return a;
    }

    public static ObjectNode page(List<? extends com.fasterxml.jackson.databind.JsonNode> items, int page, int size, long total) {
        ObjectNode p = JSON.createObjectNode();
        ArrayNode a = p.putArray("items");
        items.forEach(a::add);
        p.put("page", page);
        p.put("size", size);
        p.put("total", total);
        return p;
    }

    public static ObjectNode whoami(String subject, boolean platformAdmin) {
        ObjectNode w = JSON.createObjectNode();
        w.put("kind", "user");
        w.put("subject", subject);
        w.putArray("projects").add("demo");
        w.put("platform_admin", platformAdmin);
        return w;
    }

    public static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    /** A problem+json answer, as the service's Problems class writes it. */
    public static ResponseDefinitionBuilder problem(int status, String code, String title, String detail, String field) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "https://ambient-code.io/problems/" + code);
        p.put("title", title);
        p.put("status", status);
        p.put("code", code);
        p.put("detail", detail);
        if (field != null) {
            p.put("field", field);
        }
        ResponseDefinitionBuilder r = aResponse().withStatus(status)
                .withHeader("Content-Type", "application/problem+json")
                .withHeader("Cache-Control", "no-store")
                .withBody(p.toString());
        if (status == 401) {
            r.withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        return r;
    }
}
