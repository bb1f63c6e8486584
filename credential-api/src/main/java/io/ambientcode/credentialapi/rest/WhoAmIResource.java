package io.ambientcode.credentialapi.rest;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.credentialapi.auth.ControlPlaneCaller;
import io.ambientcode.credentialapi.auth.UserCaller;
import io.ambientcode.credentialapi.service.ApiException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /whoami}: how the service sees a user or control-plane token. Session tokens are refused (token route only). */
@Path(CredentialApiPaths.BASE + "/whoami")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "identity")
public class WhoAmIResource {

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The authenticated caller (users and the control plane)")
    public WhoAmIView whoami() {
        if (caller.get() instanceof UserCaller user) {
            return new WhoAmIView(user.kind(), user.subject(), user.memberProjects(), user.platformAdmin());
        }
        if (caller.get() instanceof ControlPlaneCaller cp) {
            return new WhoAmIView(cp.kind(), cp.subject(), null, null);
        }
        throw ApiException.forbidden("session tokens may only read credential tokens");
    }
}
