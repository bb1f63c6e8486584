package io.ambientcode.acpctl.session;

import io.ambientcode.acpctl.auth.UserTokens;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.config.Contexts;
import io.ambientcode.acpctl.http.HttpClients;
import io.ambientcode.acpctl.http.ServiceClient;
import io.ambientcode.contracts.url.UrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Chooses the session backend of a context: the cluster through kubeconfig, or the local control plane. */
@ApplicationScoped
public class SessionBackends {

    @Inject
    Contexts contexts;
    @Inject
    UserTokens tokens;
    @Inject
    HttpClients http;
    @Inject
    KubernetesClients kubernetes;

    public SessionBackend forContext(String contextOverride) {
        Contexts.Selected selected = contexts.select(contextOverride);
        if (!selected.context().isLocal()) {
            KubernetesClients.Target target = kubernetes.connect(selected.context());
            return new KubernetesSessionBackend(target.client(), target.namespace(), target.kubeContext());
        }
        String url = selected.context().controlPlaneUrl();
        try {
            UrlPolicy.allowingExternal().check("control plane URL of context " + selected.name(), url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        ServiceClient client = new ServiceClient(http.get(), "control plane", url, tokens.bearer(selected),
                http.config().requestTimeout(), "is the suite running? start it with: acpctl up", "run acpctl login");
        return new LocalSessionBackend(client, url);
    }
}
