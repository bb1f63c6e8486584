package io.ambientcode.credentialapi.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code credential-bindings:resolve} uses a custom-method colon (AIP-136 style). Some HTTP clients percent-encode
 * the colon; routing matches the literal segment, so {@code %3A} before {@code resolve} is normalized back.
 */
public class ColonPathFilter {

    private static final Pattern ENCODED = Pattern.compile("/credential-bindings%3[aA]resolve$");

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void normalize(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && ENCODED.matcher(raw).find()) {
            String path = ENCODED.matcher(raw).replaceFirst("/credential-bindings:resolve");
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        }
    }
}
