package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.credentialapi.auth.AuthenticationException;
import io.ambientcode.credentialapi.auth.BearerAuthenticator;
import io.ambientcode.credentialapi.auth.KeySourceUnavailableException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every API request (all routes under the API need a bearer token; health, metrics and OpenAPI live
 * outside JAX-RS). Runs on the worker thread of the blocking endpoints, since a first JWKS fetch may block.
 */
public class AuthenticationFilter {

    private static final Logger LOG = Logger.getLogger(AuthenticationFilter.class);

    @Inject
    BearerAuthenticator authenticator;
    @Inject
    CurrentCaller current;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        try {
            current.set(authenticator.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
            return Optional.empty();
        } catch (AuthenticationException e) {
            LOG.debugf("Refused %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
            return Optional.of(Problems.of(e.code(), e.getMessage()));
        } catch (KeySourceUnavailableException e) {
            LOG.warnf("Refused %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
            return Optional.of(Problems.of(ErrorCode.TOKEN_KEYS_UNAVAILABLE, e.getMessage()));
        }
    }
}
