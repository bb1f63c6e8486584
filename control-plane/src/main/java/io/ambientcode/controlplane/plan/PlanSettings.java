package io.ambientcode.controlplane.plan;

import io.ambientcode.contracts.provider.Provider;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration a plan depends on, runtime-neutral.
 *
 * @param images sidecar image per provider; a provider without one is not started
 * @param tokenServerUrl full URL of the token server's exchange endpoint, as sidecars reach it
 * @param tokenServerPublicKey the token server's exchange public key, SPKI PEM
 * @param sidecarApiUrl credential API base URL as sidecars reach it
 * @param allowExternalApi whether sidecars may reach API URLs outside loopback and the cluster
 * @param proofLocation where each sidecar reads its proof
 */
public record PlanSettings(
        Map<Provider, String> images,
        Optional<String> tokenServerUrl,
        Optional<String> tokenServerPublicKey,
        String sidecarApiUrl,
        boolean allowExternalApi,
        ProofLocation proofLocation) {

    public PlanSettings {
        EnumMap<Provider, String> copy = new EnumMap<>(Provider.class);
        images.forEach((provider, image) -> {
            if (image != null && !image.isBlank()) {
                copy.put(provider, image.strip());
            }
        });
        images = Collections.unmodifiableMap(copy);
        tokenServerUrl = tokenServerUrl.filter(s -> !s.isBlank()).map(String::strip);
        tokenServerPublicKey = tokenServerPublicKey.filter(s -> !s.isBlank());
        Objects.requireNonNull(sidecarApiUrl, "sidecarApiUrl");
        Objects.requireNonNull(proofLocation, "proofLocation");
    }

    /** Both halves of the token server configuration are present; without them no sidecar can start. */
    public boolean tokenServerConfigured() {
        return tokenServerUrl.isPresent() && tokenServerPublicKey.isPresent();
    }

    public Optional<String> imageFor(Provider provider) {
        return Optional.ofNullable(images.get(provider));
    }
}
