package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.service.ErrorCode;
import io.ambientcode.credentialapi.config.ApiConfig;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a declared body over the limit before anything reads it (413). Bodies without a length are checked when
 * read ({@link JsonInput}); beyond {@code quarkus.http.limits.max-body-size} the HTTP layer itself refuses them.
 */
public class BodyLimitFilter {

    /** Looked up lazily: filters are created during static init, before runtime configuration mappings exist. */
    @Inject
    Instance<ApiConfig> api;

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                return Optional.of(Problems.of(ErrorCode.INVALID_HEADER, "Content-Length is not a number"));
            }
            int max = api.get().maxBodyBytes();
            if (declared > max) {
                return Optional.of(tooLarge(max));
            }
        }
        return Optional.empty();
    }

    static Response tooLarge(int max) {
        return Problems.of(ErrorCode.BODY_TOO_LARGE, "request bodies are limited to " + max + " bytes");
    }
}
