package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.problem.Problem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.credentialapi.auth.SessionCaller;
import io.ambientcode.credentialapi.config.ApiConfig;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.service.CredentialService;
import io.ambientcode.credentialapi.service.PageRequest;
import io.ambientcode.credentialapi.service.TokenDeliveryService;
import io.ambientcode.credentialapi.store.CredentialRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /credentials}: metadata for users, tokens for session tokens only (ARCHITECTURE.md section 5). */
@Path(CredentialApiPaths.BASE + "/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "credentials")
public class CredentialResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    CurrentCaller caller;
    @Inject
    CredentialService service;
    @Inject
    TokenDeliveryService tokens;
    @Inject
    ApiConfig api;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a credential (you become its owner); the token is write-only")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestSchemas.CredentialCreate.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "400", description = "Invalid input; code and field say what",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "You already have a credential with this name")
    @APIResponse(responseCode = "413", description = "Body larger than 64 KiB")
    public Response create(byte[] body, @jakarta.ws.rs.core.Context UriInfo uri) {
        var user = caller.user();
        CredentialRecord created = service.create(user, CredentialRequests.create(JsonInput.object(body, api.maxBodyBytes())));
        return withEtag(Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(CredentialView.of(created)), created).build();
    }

    @GET
    @Operation(summary = "List credentials you own or that are bound to your projects (all, for platform admins)")
    @APIResponse(responseCode = "200", description = "A page of credentials")
    public PageView<CredentialView> list(@QueryParam("page") String page, @QueryParam("size") String size,
            @QueryParam("provider") String provider) {
        var user = caller.user();
        PageRequest request = PageRequest.parse(page, size, api.defaultPageSize(), api.maxPageSize());
        if (provider != null && Provider.storableShape(provider).isEmpty()) {
            throw ApiException.badRequest(ErrorCode.INVALID_QUERY_PARAMETER, "provider is not a known provider", "provider");
        }
        return PageView.of(service.list(user, Optional.ofNullable(provider), request), request, CredentialView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a credential's metadata")
    @APIResponse(responseCode = "200", description = "The credential; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CredentialView.class)))
    @APIResponse(responseCode = "404", description = "No such credential, or not visible to you")
    public Response get(@PathParam("id") String id) {
        var user = caller.user();
        CredentialRecord record = service.get(user, PathParams.id(id, "id"));
        return withEtag(Response.ok(CredentialView.of(record)), record).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, MERGE_PATCH })
    @Operation(summary = "Change a credential you own (JSON merge patch); optimistic locking via If-Match")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestSchemas.CredentialPatchBody.class)))
    @APIResponse(responseCode = "200", description = "The updated credential")
    @APIResponse(responseCode = "409", description = "Changed concurrently (version_conflict) or name taken")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version")
    public Response patch(@PathParam("id") String id, byte[] body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        var user = caller.user();
        String validId = PathParams.id(id, "id");
        var patch = CredentialRequests.patch(JsonInput.object(body, api.maxBodyBytes()));
        CredentialRecord updated = service.patch(user, validId, patch, PathParams.ifMatch(ifMatch));
        return withEtag(Response.ok(CredentialView.of(updated)), updated).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a credential you own; if bound, only with force=true (removes its bindings too)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Still bound (credential_bound)")
    public Response delete(@PathParam("id") String id, @QueryParam("force") String force,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        var user = caller.user();
        service.delete(user, PathParams.id(id, "id"), PathParams.flag(force, "force"), PathParams.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/token")
    @Produces({ Jwe.MEDIA_TYPE, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "Session tokens only: the credential's token as a JWE to the token's cnf.jwk")
    @APIResponse(responseCode = "200", description = "Compact JWE (ECDH-ES+A256KW, A256GCM) of CredentialTokenPayload",
            content = @Content(mediaType = Jwe.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Every denial (users, owners and admins included)")
    public Response token(@PathParam("id") String id) {
        if (!(caller.get() instanceof SessionCaller session)) {
            throw ApiException.notFound("credential");
        }
        String jwe = tokens.deliver(session, PathParams.id(id, "id"));
        return Response.ok(jwe, Jwe.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "The credential's audit trail, newest first (owner or platform admin)")
    @APIResponse(responseCode = "200", description = "A page of audit entries")
    public PageView<AuditEntryView> audit(@PathParam("id") String id, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var user = caller.user();
        PageRequest request = PageRequest.parse(page, size, api.defaultPageSize(), api.maxPageSize());
        return PageView.of(service.auditTrail(user, PathParams.id(id, "id"), request), request, AuditEntryView::of);
    }

    private static Response.ResponseBuilder withEtag(Response.ResponseBuilder r, CredentialRecord record) {
        return r.header(HttpHeaders.ETAG, CredentialView.etag(record));
    }
}
