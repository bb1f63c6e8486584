package io.ambientcode.controlplane.credentials;

import io.ambientcode.contracts.credential.CredentialApiPaths;
import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.controlplane.status.SessionConditions;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which credentials a session gets: one per provider from the project's bindings (agent-level first), or
 * exactly the session's explicit ids, each of which must be bound to the project or agent. The credential API makes
 * that decision; this class checks that its reply is well-formed and keeps its promise (the explicit ids and nothing
 * else, one credential per provider), and turns refusals into condition reasons.
 */
@Singleton
public class CredentialResolver {

    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final CredentialApiClient client;

    @Inject
    public CredentialResolver(CredentialApiClient client) {
        this.client = client;
    }

    /**
     * @param explicitIds the session's {@code spec.credentials} (may be empty: resolve from bindings)
     * @throws CredentialApiUnavailableException when the credential API cannot answer now
     */
    public CredentialResolution resolve(String project, String agent, List<String> explicitIds)
            throws CredentialApiUnavailableException {
        List<String> requested = explicitIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(explicitIds));
        ResolveReply reply = client.resolve(project, agent, requested);
        if (reply instanceof ResolveReply.Ok ok) {
            return interpret(ok.bindings(), project, requested);
        }
        if (reply instanceof ResolveReply.Refused refused) {
            return refusal(refused, project);
        }
        return new CredentialResolution.Unresolved(SessionConditions.REASON_INVALID_API_REPLY,
                "credential API reply rejected: " + ((ResolveReply.Malformed) reply).why());
    }

    static CredentialResolution interpret(ResolvedBindings bindings, String project, List<String> requested) {
        Map<String, String> byProvider = new LinkedHashMap<>();
        List<ResolvedBindings.ResolvedCredential> entries = bindings.credentials() == null ? List.of() : bindings.credentials();
        for (ResolvedBindings.ResolvedCredential entry : entries) {
            if (entry == null || entry.provider() == null || !PROVIDER_ID.matcher(entry.provider()).matches()) {
                return invalid("an entry has no valid provider id");
            }
            if (entry.credentialId() == null || !CredentialApiPaths.CREDENTIAL_ID.matcher(entry.credentialId()).matches()) {
                return invalid("an entry for " + entry.provider() + " has no valid credential id");
            }
            if (byProvider.putIfAbsent(entry.provider(), entry.credentialId()) != null) {
                return invalid("two credentials for provider " + entry.provider());
            }
        }
        if (requested.isEmpty()) {
            return new CredentialResolution.Resolved(byProvider, byProvider.isEmpty()
                    ? "no credential bound to project " + project
                    : byProvider.size() + " credential" + (byProvider.size() == 1 ? "" : "s") + " resolved from bindings: "
                            + String.join(", ", byProvider.keySet()));
        }
        Set<String> returned = new LinkedHashSet<>(byProvider.values());
        List<String> unexpected = returned.stream().filter(id -> !requested.contains(id)).toList();
        if (!unexpected.isEmpty()) {
            return invalid("credentials returned that the session did not ask for: " + String.join(", ", unexpected));
        }
        List<String> missing = new ArrayList<>(requested.stream().filter(id -> !returned.contains(id)).toList());
        if (!missing.isEmpty()) {
            return new CredentialResolution.Unresolved(SessionConditions.REASON_CREDENTIAL_NOT_BOUND,
                    "not bound to project " + project + ": " + String.join(", ", missing));
        }
        return new CredentialResolution.Resolved(byProvider, requested.size() + " explicit credential"
                + (requested.size() == 1 ? "" : "s") + " bound to the project: " + String.join(", ", byProvider.keySet()));
    }

    static CredentialResolution.Unresolved refusal(ResolveReply.Refused refused, String project) {
        String code = refused.code() == null ? "" : " " + refused.code();
        return switch (refused.status()) {
            case 401 -> new CredentialResolution.Unresolved(SessionConditions.REASON_API_UNAUTHORIZED,
                    "credential API rejected the control plane's token (401" + code
                            + "); check that it trusts the control plane's public key");
            case 403 -> new CredentialResolution.Unresolved(SessionConditions.REASON_API_FORBIDDEN,
                    "credential API refused to resolve bindings for project " + project + " (403" + code + ")");
            case 404 -> new CredentialResolution.Unresolved(SessionConditions.REASON_PROJECT_NOT_FOUND,
                    "credential API does not know project " + project + " (404" + code + ")");
            case 422 -> new CredentialResolution.Unresolved(reason422(refused.code()),
                    "credential API rejected the session's credentials (422" + code + ")");
            default -> new CredentialResolution.Unresolved(SessionConditions.REASON_CREDENTIALS_REJECTED,
                    "credential API answered " + refused.status() + code);
        };
    }

    private static String reason422(String code) {
        if ("credential_not_bound".equals(code)) {
            return SessionConditions.REASON_CREDENTIAL_NOT_BOUND;
        }
        if ("duplicate_provider".equals(code)) {
            return SessionConditions.REASON_DUPLICATE_PROVIDER;
        }
        return SessionConditions.REASON_CREDENTIALS_REJECTED;
    }

    private static CredentialResolution.Unresolved invalid(String why) {
        return new CredentialResolution.Unresolved(SessionConditions.REASON_INVALID_API_REPLY,
                "credential API reply rejected: " + why);
    }
}
