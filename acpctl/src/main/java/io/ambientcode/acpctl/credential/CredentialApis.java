package io.ambientcode.acpctl.credential;

import io.ambientcode.acpctl.auth.UserTokens;
import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.config.Contexts;
import io.ambientcode.acpctl.http.HttpClients;
import io.ambientcode.acpctl.http.ServiceClient;
import io.ambientcode.contracts.url.UrlPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Connects a command to the credential API of its context, with the context's user token. */
@ApplicationScoped
public class CredentialApis {

    @Inject
    Contexts contexts;
    @Inject
    UserTokens tokens;
    @Inject
    HttpClients http;

    public CredentialApi forContext(String contextOverride) {
        Contexts.Selected selected = contexts.select(contextOverride);
        String url = selected.context().requireCredentialApiUrl();
        try {
            // Tokens travel to this URL: https unless it is loopback.
            UrlPolicy.allowingExternal().check("credential API URL of context " + selected.name(), url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        String bearer = tokens.bearer(selected);
        boolean local = selected.context().isLocal();
        return new CredentialApi(new ServiceClient(http.get(), "credential API", url, bearer,
                http.config().requestTimeout(),
                local ? "is the suite running? start it with: acpctl up" : null,
                local ? "run acpctl login" : "run acpctl login --context " + selected.name()));
    }
}
