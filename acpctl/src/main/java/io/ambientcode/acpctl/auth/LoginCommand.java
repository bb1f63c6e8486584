package io.ambientcode.acpctl.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ambientcode.acpctl.cli.BaseCommand;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ContextOptions;
import io.ambientcode.acpctl.cli.Durations;
import io.ambientcode.acpctl.cli.Environment;
import io.ambientcode.acpctl.cli.ExitCodes;
import io.ambientcode.acpctl.cli.Terminal;
import io.ambientcode.acpctl.config.Contexts;
import io.ambientcode.acpctl.output.OutputOptions;
import io.ambientcode.acpctl.output.Printer;
import io.ambientcode.acpctl.output.Table;
import io.ambientcode.contracts.jwt.UserClaims;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code acpctl login}. Local contexts: mint a short-lived user token with the development issuer of the local data
 * directory. Cluster contexts: store an OIDC token read from a file, stdin or a hidden prompt (never argv). Either
 * way the token lands only in the config file (mode 0600) and is never printed.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = { "Log in to the current context (or --context NAME).",
                "Local:   acpctl login [--user NAME] [--project P]... [--group G]...",
                "Cluster: acpctl login --context prod --token-file ~/.cache/oidc-token   (or --token-stdin)" })
public class LoginCommand extends BaseCommand {

    @Mixin
    ContextOptions context;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Local: the subject of the token (default: your OS user name).")
    String user;

    @Option(names = "--group", paramLabel = "GROUP", description = "Local: a group claim to add (repeatable).")
    List<String> groups = new ArrayList<>();

    @Option(names = "--project", paramLabel = "PROJECT",
            description = "Local: make the user member and admin of PROJECT (adds project:P and project:P:admin; repeatable).")
    List<String> projects = new ArrayList<>();

    @Option(names = "--platform-admin", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Local: add the context's platform-admin group (default: yes; --no-platform-admin to omit).")
    boolean platformAdmin;

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Local: token lifetime (default 1h, at most 12h).")
    Duration ttl;

    @Mixin
    TokenInput tokenInput;

    @Mixin
    OutputOptions output;

    @Inject
    Contexts contexts;
    @Inject
    UserTokens tokens;
    @Inject
    Environment env;
    @Inject
    Terminal terminal;

    /** What login reports: who, which groups, until when. Never the token. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "context", "user", "groups", "expires_at" })
    public record LoginResult(
            @JsonProperty("context") String context,
            @JsonProperty("user") String user,
            @JsonProperty("groups") List<String> groups,
            @JsonProperty("expires_at") String expiresAt) {
    }

    @Override
    public Integer call() {
        Contexts.Selected selected = contexts.select(context.name());
        String token = selected.context().isLocal() ? loginLocal(selected) : loginCluster(selected);
        JwtText claims = JwtText.parse(token).orElseThrow();
        LoginResult result = new LoginResult(selected.name(), claims.subject(), claims.groups(),
                claims.expiresAt() == null ? null : claims.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        Printer.print(out(), output.format(), result, () -> Table.details()
                .field("context", result.context())
                .field("user", result.user())
                .field("groups", String.join(",", result.groups()))
                .field("expires-at", result.expiresAt()));
        return ExitCodes.OK;
    }

    private String loginLocal(Contexts.Selected selected) {
        if (tokenInput.given()) {
            throw CliException.usage("local contexts mint their own token: --token-stdin/--token-file/--token-prompt "
                    + "are for cluster contexts");
        }
        String subject = user != null ? user : env.userName();
        if (subject.isBlank() || !subject.matches("[^\\s\\p{Cntrl}]{1,256}")) {
            throw CliException.usage("--user must be a non-empty name without spaces");
        }
        Duration lifetime = ttl != null ? ttl : UserTokens.DEFAULT_TTL;
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || lifetime.compareTo(DevIssuer.MAX_TTL) > 0) {
            throw CliException.usage("--ttl must be between 1m and " + Durations.format(DevIssuer.MAX_TTL));
        }
        Set<String> all = new LinkedHashSet<>();
        for (String g : groups) {
            all.add(checkGroup(g));
        }
        for (String p : projects) {
            all.add(UserClaims.projectMemberGroup(checkGroup(p)));
            all.add(UserClaims.projectAdminGroup(p));
        }
        if (platformAdmin) {
            all.add(selected.context().platformAdminGroup());
        }
        return tokens.mintLocal(selected, subject, List.copyOf(all), lifetime);
    }

    private String loginCluster(Contexts.Selected selected) {
        if (user != null || !groups.isEmpty() || !projects.isEmpty() || ttl != null) {
            throw CliException.usage("--user, --group, --project and --ttl apply to local contexts; a cluster's "
                    + "identity comes from its OIDC token");
        }
        String token = tokenInput.read(terminal, "OIDC token for context " + selected.name(), true, null);
        JwtText claims = JwtText.parse(token)
                .orElseThrow(() -> CliException.usage("the token is not a JWT (three base64url parts)"));
        if (claims.expiresBefore(Instant.now())) {
            throw CliException.usage("the token expired at " + claims.expiresAt().truncatedTo(ChronoUnit.SECONDS)
                    + "; get a fresh one from your identity provider");
        }
        selected.stored().setToken(token);
        selected.stored().setUser(null);
        selected.stored().setGroups(null);
        selected.stored().setTokenTtl(null);
        contexts.save(selected.config());
        return token;
    }

    private static String checkGroup(String g) {
        if (g == null || g.isBlank() || !g.matches("[^\\s\\p{Cntrl}]{1,256}")) {
            throw CliException.usage("group and project names must be non-empty and without spaces");
        }
        return g;
    }
}
