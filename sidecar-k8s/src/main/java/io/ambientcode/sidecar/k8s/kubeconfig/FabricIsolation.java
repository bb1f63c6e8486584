package io.ambientcode.sidecar.k8s.kubeconfig;

/**
 * Switches off every way the fabric8 client could configure itself from the sidecar's own surroundings: a
 * {@code ~/.kube/config} or {@code KUBECONFIG} file, the pod's service-account token, {@code KUBERNETES_*}
 * environment variables. The sidecar's only identity towards a cluster is the kubeconfig credential held in memory.
 * The kubeconfig is parsed without auto-configuration anyway ({@link KubeconfigParser}); these system properties
 * close the paths a future fabric8 version, or a call we do not make today, might take. System properties win over
 * the environment in fabric8's lookup, so an environment variable cannot switch them back on.
 */
public final class FabricIsolation {

    public static final String TRY_KUBECONFIG = "kubernetes.auth.tryKubeConfig";
    public static final String TRY_SERVICE_ACCOUNT = "kubernetes.auth.tryServiceAccount";
    public static final String DISABLE_AUTO_CONFIG = "kubernetes.disable.autoConfig";

    private FabricIsolation() {
    }

    public static void apply() {
        System.setProperty(TRY_KUBECONFIG, "false");
        System.setProperty(TRY_SERVICE_ACCOUNT, "false");
        System.setProperty(DISABLE_AUTO_CONFIG, "true");
    }
}
