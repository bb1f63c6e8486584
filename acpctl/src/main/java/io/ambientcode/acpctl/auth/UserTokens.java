package io.ambientcode.acpctl.auth;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.Durations;
import io.ambientcode.acpctl.config.ContextConfig;
import io.ambientcode.acpctl.config.Contexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The user's bearer token for a context's services. Local contexts re-mint an expiring token with the development
 * issuer, for the user and groups of the last {@code acpctl login}. Cluster contexts use the token stored by login,
 * or read the context's {@code token-file} each time (so an external OIDC helper can keep it fresh).
 */
@ApplicationScoped
public class UserTokens {

    /** A token this close to expiry is not sent: it could expire in flight. */
    static final Duration MARGIN = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    @Inject
    Contexts contexts;

    public String bearer(Contexts.Selected selected) {
        ContextConfig stored = selected.stored();
        Instant soon = Instant.now().plus(MARGIN);
        String token = stored.getToken();
        JwtText claims = JwtText.parse(token).orElse(null);
        if (token != null && (claims == null || !claims.expiresBefore(soon))) {
            return token;
        }
        if (selected.context().isLocal()) {
            if (stored.getUser() == null) {
                throw CliException.general("not logged in to context " + selected.name() + ": run acpctl login");
            }
            return mintLocal(selected, stored.getUser(), stored.getGroups() == null ? List.of() : stored.getGroups(),
                    stored.getTokenTtl() == null ? DEFAULT_TTL : Durations.parse(stored.getTokenTtl()));
        }
        if (stored.getTokenFile() != null) {
            return SecretText.fromFile(Path.of(stored.getTokenFile()));
        }
        if (token == null) {
            throw CliException.general("not logged in to context " + selected.name() + ": run acpctl login --context "
                    + selected.name() + " --token-file FILE (or --token-stdin)");
        }
        throw CliException.general("the token of context " + selected.name() + " expired at "
                + claims.expiresAt().truncatedTo(ChronoUnit.SECONDS) + ": run acpctl login --context " + selected.name());
    }

    /** Mints a development token, records the login in the context and saves the config (mode 0600). */
    public String mintLocal(Contexts.Selected selected, String user, List<String> groups, Duration ttl) {
        DevIssuer issuer = DevIssuer.load(selected.context().dataDirPath());
        String token = issuer.mint(user, groups, Instant.now(), ttl);
        ContextConfig stored = selected.stored();
        stored.setUser(user);
        stored.setGroups(groups);
        stored.setTokenTtl(Durations.format(ttl));
        stored.setToken(token);
        contexts.save(selected.config());
        return token;
    }
}
