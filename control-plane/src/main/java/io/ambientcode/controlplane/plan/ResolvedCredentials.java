package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.provider.Provider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The credentials resolved for a session: provider id → credential id, one per provider, including providers that
 * have no sidecar (they are reported, never dropped). Iteration order is canonical: registry order for providers
 * with a sidecar, then the others alphabetically, so everything derived from it is deterministic.
 */
public record ResolvedCredentials(Map<String, String> byProvider) {

    /** Registry order first (the order of sidecars in a pod), then unknown providers by id. */
    public static final Comparator<String> CANONICAL_ORDER = Comparator
            .comparingInt((String id) -> Provider.byId(id).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
            .thenComparing(Comparator.naturalOrder());

    public static final ResolvedCredentials NONE = new ResolvedCredentials(Map.of());

    public ResolvedCredentials {
        List<String> providers = new ArrayList<>(byProvider.keySet());
        providers.sort(CANONICAL_ORDER);
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String provider : providers) {
            ordered.put(provider, byProvider.get(provider));
        }
        byProvider = Collections.unmodifiableMap(ordered);
    }

    public static ResolvedCredentials of(Map<String, String> byProvider) {
        return byProvider == null ? NONE : new ResolvedCredentials(byProvider);
    }

    public boolean isEmpty() {
        return byProvider.isEmpty();
    }
}
