package io.ambientcode.controlplane.local;

import io.ambientcode.contracts.session.AgenticSession;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Local session management for {@code acpctl} ({@link LocalSessionRegistry#MANAGE_PREFIX}): create, list, get, stop
 * and delete {@code AgenticSession}s, the same documents a cluster stores. Callers present a user token of the local
 * development issuer; a user sees the sessions of projects they belong to (all of them as a platform admin), and
 * sessions of other projects do not exist for them (404). Errors are problem+json with a stable code.
 */
@Path(LocalSessionRegistry.MANAGE_PREFIX)
public class LocalSessionsResource {

    private static final Logger LOG = Logger.getLogger(LocalSessionsResource.class);
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final int MAX_BODY_CHARS = 256 * 1024;
    static final String API_VERSION = AgenticSession.GROUP + "/" + AgenticSession.VERSION;
    static final String KIND = "AgenticSession";

    @Inject
    LocalRuntimeService service;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return authenticated(authorization, (runtime, user) -> {
            if (body == null || body.isBlank()) {
                return LocalProblems.of(400, "malformed_session", "Bad Request", "the body must be an AgenticSession", null);
            }
            if (body.length() > MAX_BODY_CHARS) {
                return LocalProblems.of(413, "body_too_large", "Content Too Large",
                        "the body is larger than " + MAX_BODY_CHARS + " characters", null);
            }
            AgenticSession requested;
            try {
                com.fasterxml.jackson.databind.JsonNode tree = SERIALIZATION.unmarshal(body,
                        com.fasterxml.jackson.databind.JsonNode.class);
                if (tree == null || !tree.isObject()) {
                    return LocalProblems.of(400, "malformed_session", "Bad Request", "the body must be an AgenticSession",
                            null);
                }
                // The model fixes kind and apiVersion itself; what the caller sent is checked on the raw document.
                if (tree.hasNonNull("apiVersion") && !API_VERSION.equals(tree.get("apiVersion").asText())
                        || tree.hasNonNull("kind") && !KIND.equals(tree.get("kind").asText())) {
                    return LocalProblems.of(400, "malformed_session", "Bad Request",
                            "apiVersion/kind must be " + API_VERSION + "/" + KIND, "kind");
                }
                requested = SERIALIZATION.convertValue(tree, AgenticSession.class);
            } catch (RuntimeException e) {
                return LocalProblems.of(400, "malformed_session", "Bad Request", "the body is not an AgenticSession document",
                        null);
            }
            if (requested == null) {
                return LocalProblems.of(400, "malformed_session", "Bad Request", "the body must be an AgenticSession", null);
            }
            String project = requested.getSpec() == null ? null : requested.getSpec().getProject();
            if (!user.mayUse(project, platformAdminGroup())) {
                return LocalProblems.of(403, "forbidden", "Forbidden",
                        "you are not a member of project " + (project == null ? "(none)" : project), "spec.project");
            }
            AgenticSession created = runtime.create(requested);
            LOG.infof("session %s created by %s", created.getMetadata().getName(), user.subject());
            return json(201, created);
        });
    }

    @GET
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authenticated(authorization, (runtime, user) -> {
            List<AgenticSession> visible = runtime.list().stream().filter(s -> visibleTo(s, user)).toList();
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("apiVersion", API_VERSION);
            list.put("kind", KIND + "List");
            list.put("items", visible);
            return Response.ok(SERIALIZATION.asJson(list), MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @Path("{name}")
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("name") String name) {
        return authenticated(authorization, (runtime, user) -> visible(runtime, name, user)
                .map(s -> json(200, s))
                .orElseGet(() -> LocalProblems.notFound("session " + safe(name) + " not found")));
    }

    @POST
    @Path("{name}/stop")
    @Consumes(MediaType.WILDCARD)
    public Response stop(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("name") String name) {
        return authenticated(authorization, (runtime, user) -> {
            if (visible(runtime, name, user).isEmpty()) {
                return LocalProblems.notFound("session " + safe(name) + " not found");
            }
            AgenticSession stopped = runtime.stop(name);
            LOG.infof("session %s stopped by %s", name, user.subject());
            return json(200, stopped);
        });
    }

    @DELETE
    @Path("{name}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("name") String name) {
        return authenticated(authorization, (runtime, user) -> {
            if (visible(runtime, name, user).isEmpty()) {
                return LocalProblems.notFound("session " + safe(name) + " not found");
            }
            runtime.delete(name);
            LOG.infof("session %s deleted by %s", name, user.subject());
            return Response.noContent().build();
        });
    }

    private interface Action {
        Response run(LocalRuntime runtime, LocalUser user);
    }

    private Response authenticated(String authorization, Action action) {
        Optional<LocalRuntime> runtime = service.runtime();
        Optional<DevUserTokens> users = service.users();
        if (!service.isLocal() || runtime.isEmpty() || users.isEmpty()) {
            return LocalProblems.notFound("no local session management here");
        }
        LocalUser user;
        try {
            user = users.get().verify(authorization);
        } catch (DevUserTokens.Refused refused) {
            return LocalProblems.unauthorized("invalid_token", refused.getMessage());
        }
        try {
            return action.run(runtime.get(), user);
        } catch (LocalSessionException e) {
            return LocalProblems.of(e);
        }
    }

    private Optional<AgenticSession> visible(LocalRuntime runtime, String name, LocalUser user) {
        return runtime.get(name).filter(s -> visibleTo(s, user));
    }

    private boolean visibleTo(AgenticSession session, LocalUser user) {
        return user.mayUse(session.getSpec() == null ? null : session.getSpec().getProject(), platformAdminGroup());
    }

    private String platformAdminGroup() {
        return service.settings().map(LocalSettings::platformAdminGroup).orElseThrow();
    }

    private static Response json(int status, AgenticSession session) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(SERIALIZATION.asJson(session)).build();
    }

    /** Names are echoed only when they are plain DNS labels. */
    private static String safe(String name) {
        return name != null && LocalRuntime.NAME.matcher(name).matches() ? name : "(invalid name)";
    }
}
