package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.auth.KeySourceUnavailableException;
import io.ambientcode.credentialapi.service.ApiException;
import io.ambientcode.credentialapi.store.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one error shape: every failure becomes {@code application/problem+json} with a stable code. Framework
 * messages are not passed through (they may quote input); unexpected errors are logged by class and answered 500.
 */
public class ExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return Problems.of(e);
    }

    @ServerExceptionMapper
    public Response keysUnavailable(KeySourceUnavailableException e) {
        return Problems.of(503, "token_keys_unavailable", e.getMessage());
    }

    @ServerExceptionMapper
    public Response store(StoreException e) {
        LOG.errorf("Database failure: %s", e.getMessage());
        return Problems.of(503, "database_unavailable", "the database could not complete the request; retry later");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return switch (status) {
            case 400 -> Problems.of(400, "bad_request", "the request is malformed");
            case 404 -> Problems.of(404, "not_found", "no such resource");
            case 405 -> Problems.of(405, "method_not_allowed", "this method is not allowed on this resource");
            case 406 -> Problems.of(406, "not_acceptable", "the requested media type cannot be produced");
            case 413 -> Problems.of(413, "body_too_large", "the request body is too large");
            case 415 -> Problems.of(415, "unsupported_media_type", "send application/json");
            default -> {
                if (status >= 500) {
                    LOG.errorf("Request failed with %d (%s)", status, e.getClass().getName());
                }
                yield Problems.of(status, "http_" + status, "the request could not be completed");
            }
        };
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.errorf("Unexpected failure: %s", e.getClass().getName());
        LOG.debug("Unexpected failure stack", e);
        return Problems.of(500, "internal_error", "an unexpected error occurred");
    }
}
