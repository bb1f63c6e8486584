package io.ambientcode.controlplane.config;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.url.UrlPolicy;
import io.ambientcode.controlplane.kubernetes.PodSettings;
import io.ambientcode.controlplane.plan.PlanSettings;
import io.ambientcode.controlplane.plan.ProofLocation;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration turned into what the plan and the pod renderer need, validated once: a bad value stops the
 * service at start-up with the property named (invariant I6) instead of producing sidecars that crash-loop.
 * Missing token-server configuration is not an error: sessions then run without sidecars and say why.
 */
@Singleton
public class SessionSettings {

    private static final String PREFIX = "ambient.control-plane.";
    /** What the sidecars accept for the token server's exchange key (sidecar-runtime's environment check). */
    static final int MIN_EXCHANGE_KEY_BITS = io.ambientcode.contracts.exchange.ExchangeCodec.MIN_EXCHANGE_KEY_BITS;
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");

    private final PlanSettings plan;
    private final PodSettings pod;
    private final int crashLoopRestartLimit;

    @Inject
    public SessionSettings(ControlPlaneConfig config) {
        ControlPlaneConfig.Sidecars sidecars = config.sidecars();
        UrlPolicy urls = UrlPolicy.of(sidecars.allowExternalApi());

        Map<Provider, String> images = new EnumMap<>(Provider.class);
        sidecars.images().forEach((id, image) -> {
            Provider provider = Provider.byId(id).orElseThrow(() -> new IllegalStateException(
                    PREFIX + "sidecars.images." + id + ": no credential sidecar exists for provider " + id));
            images.put(provider, image);
        });
        Optional<String> tokenUrl = config.tokenServer().url().filter(s -> !s.isBlank());
        tokenUrl.ifPresent(url -> check(() -> urls.check(PREFIX + "token-server.url", url)));
        Optional<String> tokenKey = config.tokenServer().publicKey().filter(s -> !s.isBlank());
        tokenKey.ifPresent(pem -> check(() -> {
            int bits = Pem.parseRsaPublicKey(pem).getModulus().bitLength();
            if (bits < MIN_EXCHANGE_KEY_BITS) {
                // The sidecars refuse such a key at start-up (a v2 assertion does not fit RSA-OAEP of smaller keys).
                throw new IllegalArgumentException("RSA key of " + bits + " bits is too small (at least "
                        + MIN_EXCHANGE_KEY_BITS + ", normally 4096)");
            }
        }, PREFIX + "token-server.public-key"));
        String apiUrl = sidecars.apiUrl().filter(s -> !s.isBlank()).orElse(config.credentialApi().url().toString());
        check(() -> urls.check(sidecars.apiUrl().isPresent() ? PREFIX + "sidecars.api-url" : PREFIX + "credential-api.url",
                apiUrl));
        this.plan = new PlanSettings(images, tokenUrl, tokenKey, apiUrl, sidecars.allowExternalApi(), ProofLocation.KUBERNETES);

        sidecars.imagePullPolicy().ifPresent(policy -> {
            if (!PULL_POLICIES.contains(policy)) {
                throw new IllegalStateException(PREFIX + "sidecars.image-pull-policy must be one of " + PULL_POLICIES);
            }
        });
        positive(sidecars.startupProbePeriodSeconds(), "sidecars.startup-probe-period-seconds");
        positive(sidecars.startupProbeFailureThreshold(), "sidecars.startup-probe-failure-threshold");
        positive(sidecars.readinessProbePeriodSeconds(), "sidecars.readiness-probe-period-seconds");
        positive(sidecars.crashLoopRestartLimit(), "sidecars.crash-loop-restart-limit");
        ControlPlaneConfig.Runner runner = config.runner();
        this.pod = new PodSettings(
                resources(sidecars.requestsCpu(), sidecars.requestsMemory(), sidecars.limitsCpu(), sidecars.limitsMemory(),
                        "sidecars").orElseThrow(),
                quantity(sidecars.tmpSize(), "sidecars.tmp-size"),
                sidecars.imagePullPolicy(),
                sidecars.startupProbePeriodSeconds(),
                sidecars.startupProbeFailureThreshold(),
                sidecars.readinessProbePeriodSeconds(),
                resources(runner.requestsCpu().orElse(null), runner.requestsMemory().orElse(null),
                        runner.limitsCpu().orElse(null), runner.limitsMemory().orElse(null), "runner"),
                runner.tmpSize().map(q -> quantity(q, "runner.tmp-size")),
                runner.workspaceSize().map(q -> quantity(q, "runner.workspace-size")));
        this.crashLoopRestartLimit = sidecars.crashLoopRestartLimit();
    }

    public PlanSettings plan() {
        return plan;
    }

    public PodSettings pod() {
        return pod;
    }

    public int crashLoopRestartLimit() {
        return crashLoopRestartLimit;
    }

    private static Optional<ResourceRequirements> resources(String requestsCpu, String requestsMemory, String limitsCpu,
            String limitsMemory, String group) {
        Map<String, Quantity> requests = new LinkedHashMap<>();
        Map<String, Quantity> limits = new LinkedHashMap<>();
        put(requests, "cpu", requestsCpu, group + ".requests-cpu");
        put(requests, "memory", requestsMemory, group + ".requests-memory");
        put(limits, "cpu", limitsCpu, group + ".limits-cpu");
        put(limits, "memory", limitsMemory, group + ".limits-memory");
        if (requests.isEmpty() && limits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ResourceRequirementsBuilder()
                .withRequests(requests.isEmpty() ? null : requests)
                .withLimits(limits.isEmpty() ? null : limits)
                .build());
    }

    private static void put(Map<String, Quantity> map, String key, String value, String property) {
        if (value != null && !value.isBlank()) {
            map.put(key, new Quantity(quantity(value, property)));
        }
    }

    private static String quantity(String value, String property) {
        try {
            Quantity.getAmountInBytes(new Quantity(value.strip()));
            return value.strip();
        } catch (RuntimeException e) {
            throw new IllegalStateException(PREFIX + property + " is not a Kubernetes quantity: " + value);
        }
    }

    private static void positive(int value, String property) {
        if (value <= 0) {
            throw new IllegalStateException(PREFIX + property + " must be above 0");
        }
    }

    private static void check(Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    private static void check(Runnable check, String property) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage());
        }
    }
}
