package io.ambientcode.credentialapi.service;

import io.ambientcode.contracts.credential.ResolvedBindings;
import io.ambientcode.contracts.credential.ResolvedBindings.ResolvedCredential;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.credentialapi.store.BindingRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which credentials a session of (project, agent) gets, from the bindings that apply to it (project-level ones and
 * that agent's). Pure; the semantics are those of {@link ResolvedBindings}: one credential per provider, agent-level
 * beats project-level, earliest binding {@code created_at} (then id) wins within a level.
 */
public final class BindingResolver {

    /** Agent-level first, then oldest, then lowest id: the order in which bindings win. */
    static final Comparator<BindingRecord> PRECEDENCE = Comparator
            .comparing((BindingRecord b) -> b.isAgentLevel() ? 0 : 1)
            .thenComparing(BindingRecord::createdAt)
            .thenComparing(BindingRecord::id);

    private BindingResolver() {
    }

    /** Automatic resolution: the winning binding of every provider. */
    public static ResolvedBindings resolve(String project, String agent, List<BindingRecord> applicable) {
        Map<String, BindingRecord> winners = new LinkedHashMap<>();
        applicable.stream().sorted(PRECEDENCE).forEach(b -> winners.putIfAbsent(b.provider(), b));
        return new ResolvedBindings(project, agent, ordered(winners.values()));
    }

    /**
     * Explicit resolution: exactly the requested credentials, each of which must be bound to the project or the agent
     * (422 {@code credential_not_bound}), at most one per provider (422 {@code duplicate_provider}).
     */
    public static ResolvedBindings explicit(String project, String agent, List<BindingRecord> applicable,
            List<String> requestedIds) {
        Map<String, BindingRecord> byProvider = new LinkedHashMap<>();
        for (String id : new LinkedHashSet<>(requestedIds)) {
            Optional<BindingRecord> binding = applicable.stream()
                    .filter(b -> b.credentialId().equals(id))
                    .min(PRECEDENCE);
            if (binding.isEmpty()) {
                throw new ApiException(ErrorCode.CREDENTIAL_NOT_BOUND,
                        "credential " + id + " is not bound to this project or agent", "credential");
            }
            BindingRecord previous = byProvider.putIfAbsent(binding.get().provider(), binding.get());
            if (previous != null) {
                throw new ApiException(ErrorCode.DUPLICATE_PROVIDER,
                        "two requested credentials have provider " + binding.get().provider(), "credential");
            }
        }
        return new ResolvedBindings(project, agent, ordered(byProvider.values()));
    }

    /** Providers in registry order (the order of sidecars in a pod), then storable-only providers by id. */
    private static List<ResolvedCredential> ordered(Iterable<BindingRecord> winners) {
        List<String> order = Provider.ids();
        List<BindingRecord> sorted = new ArrayList<>();
        winners.forEach(sorted::add);
        sorted.sort(Comparator
                .comparing((BindingRecord b) -> order.contains(b.provider()) ? order.indexOf(b.provider()) : order.size())
                .thenComparing(BindingRecord::provider));
        return sorted.stream()
                .map(b -> new ResolvedCredential(b.provider(), b.credentialId(), b.id(),
                        b.isAgentLevel() ? ResolvedCredential.LEVEL_AGENT : ResolvedCredential.LEVEL_PROJECT))
                .toList();
    }
}
