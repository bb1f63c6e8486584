package io.ambientcode.controlplane.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.session.LocalSessionRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The session registry the token server asks in local mode ({@link LocalSessionRegistry}): {@code GET
 * /local/v1/sessions/{sessionId}} with {@code Authorization: Bearer <registry key>}. 200 with the session's view
 * (phase, project, credentials, and the proofs while it is live), 404 for an unknown session, 401 for a missing or wrong
 * key. Served only by the local runtime, only to loopback callers; the Kubernetes runtime answers 404.
 */
@Path("/local/v1/sessions")
public class LocalRegistryResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LocalRuntimeService service;

    @Context
    HttpServerRequest request;

    @GET
    @Path("{sessionId}")
    public Response session(@PathParam("sessionId") String sessionId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws JsonProcessingException {
        Optional<RegistryKey> key = service.registryKey();
        Optional<LocalRuntime> runtime = service.runtime();
        if (!service.isLocal() || key.isEmpty() || runtime.isEmpty()) {
            return LocalProblems.notFound("no local session registry here");
        }
        if (!fromLoopback()) {
            return LocalProblems.of(403, "loopback_only", "Forbidden", "the session registry answers loopback callers only",
                    null);
        }
        if (!key.get().matches(authorization)) {
            return LocalProblems.unauthorized("invalid_registry_key", "the registry key is missing or wrong");
        }
        if (sessionId == null || !ExchangeAssertion.SESSION_ID.matcher(sessionId).matches()) {
            return LocalProblems.notFound("no such session");
        }
        Optional<LocalSessionRegistry.View> view = runtime.get().view(sessionId);
        if (view.isEmpty()) {
            return LocalProblems.notFound("no such session");
        }
        return Response.ok(JSON.writeValueAsString(view.get()), MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").build();
    }

    private boolean fromLoopback() {
        if (request == null || request.remoteAddress() == null) {
            return false;
        }
        String host = request.remoteAddress().hostAddress();
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
