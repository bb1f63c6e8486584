package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.credentialapi.auth.ControlPlaneCaller;
import io.ambientcode.credentialapi.config.ApiConfig;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.service.BindingService;
import io.ambientcode.credentialapi.service.PageRequest;
import io.ambientcode.credentialapi.store.BindingRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /projects/{project}/credential-bindings}: bindings for users, resolution for the control plane. */
@Path(CredentialApiPaths.BASE + "/projects/{project}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credential-bindings")
public class BindingResource {

    @Inject
    CurrentCaller caller;
    @Inject
    BindingService service;
    @Inject
    ApiConfig api;

    @POST
    @Path("credential-bindings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bind a credential you own to a project you administer (optionally to one agent)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestSchemas.BindingCreate.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = BindingView.class)))
    @APIResponse(responseCode = "409", description = "Already bound (duplicate_binding)")
    public Response create(@PathParam("project") String project, byte[] body, @Context UriInfo uri) {
        var user = caller.user();
        String p = PathParams.name(project, "project");
        BindingRecord created = service.create(user, p, CredentialRequests.binding(JsonInput.object(body, api.maxBodyBytes())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(BindingView.of(created))
                .build();
    }

    @GET
    @Path("credential-bindings")
    @Operation(summary = "List a project's bindings (members and platform admins)")
    public PageView<BindingView> list(@PathParam("project") String project, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var user = caller.user();
        String p = PathParams.name(project, "project");
        PageRequest request = PageRequest.parse(page, size, api.defaultPageSize(), api.maxPageSize());
        return PageView.of(service.list(user, p, request), request, BindingView::of);
    }

    @DELETE
    @Path("credential-bindings/{id}")
    @Operation(summary = "Remove a binding (project admins, platform admins, or the credential's owner)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("project") String project, @PathParam("id") String id) {
        var user = caller.user();
        service.delete(user, PathParams.name(project, "project"), PathParams.id(id, "id"));
        return Response.noContent().build();
    }

    @GET
    @Path("credential-bindings:resolve")
    @Operation(summary = "Control plane only: the credentials a session of this project and agent gets (ids only)")
    @APIResponse(responseCode = "200", description = "Resolved bindings",
            content = @Content(schema = @Schema(implementation = ResolvedBindings.class)))
    @APIResponse(responseCode = "422", description = "Explicit credentials not bound (credential_not_bound) "
            + "or two of one provider (duplicate_provider)")
    public ResolvedBindings resolve(@PathParam("project") String project, @QueryParam("agent") String agent,
            @QueryParam("credential") List<String> credentials) {
        if (!(caller.get() instanceof ControlPlaneCaller)) {
            throw ApiException.forbidden("resolving bindings is for the control plane");
        }
        String p = PathParams.name(project, "project");
        String a = PathParams.optionalQueryName(agent, "agent");
        List<String> ids = credentials == null ? List.of() : credentials;
        if (ids.size() > api.maxResolveCredentials()) {
            throw ApiException.badRequest(ErrorCode.INVALID_QUERY_PARAMETER,
                    "at most " + api.maxResolveCredentials() + " credential parameters", "credential");
        }
        for (String id : ids) {
            if (!io.ambientcode.credentialapi.service.Names.isId(id)) {
                throw ApiException.badRequest(ErrorCode.INVALID_QUERY_PARAMETER, "credential is not a credential id", "credential");
            }
        }
        return service.resolve(p, a, ids);
    }
}
