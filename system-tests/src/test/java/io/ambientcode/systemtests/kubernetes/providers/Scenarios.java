package io.ambientcode.systemtests.kubernetes.providers;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.kubernetes.harness.ImageCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The provider scenarios of this run: one per provider whose sidecar module is part of the build. A provider whose
 * sidecar is not (yet) a module is reported as skipped in the summary, never silently dropped.
 */
public final class Scenarios {

    private static final Map<Provider, Supplier<ProviderScenario>> ALL = Map.of(
            Provider.GITHUB, GitHubScenario::new,
            Provider.JIRA, JiraScenario::new,
            Provider.KUBECONFIG, KubeconfigScenario::new,
            Provider.GOOGLE, GoogleScenario::new);

    private Scenarios() {
    }

    /** Starts the scenario (its fake upstream) of every provider whose sidecar is built here. */
    public static List<ProviderScenario> startAvailable() {
        List<ProviderScenario> started = new ArrayList<>();
        for (Provider p : Provider.values()) {
            if (ImageCatalog.moduleInReactor(ImageCatalog.moduleOf(p)) && ALL.containsKey(p)) {
                started.add(ALL.get(p).get());
            }
        }
        return started;
    }

    /** Why a provider has no flows in this run, or null when it has. */
    public static String whyNot(Provider p) {
        if (!ImageCatalog.moduleInReactor(ImageCatalog.moduleOf(p))) {
            return "sidecar module " + ImageCatalog.moduleOf(p) + " is not part of the build";
        }
        if (!ALL.containsKey(p)) {
            return "no scenario for " + p.id() + " yet";
        }
        return null;
    }
}
