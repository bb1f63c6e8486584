package io.ambientcode.controlplane.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The pod and proofs Secret the reconciler decided on, handed to the dependents for this one reconcile. Computing
 * them in one place keeps the dependents free of decisions (and of randomness).
 */
public record DesiredObjects(Pod pod, Secret proofs) {

    static final String KEY = DesiredObjects.class.getName();
}
