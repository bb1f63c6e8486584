package io.ambientcode.sidecar.jira.client;

import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.jira.JiraConfig.Deployment;
import java.net.URI;
import java.util.Optional;

/**
 * The Jira site of a credential and the REST dialect to speak with it: the credential's {@code url} is the site
 * (e.g. {@code https://acme.atlassian.net} or {@code https://jira.example.com/jira}); the API version comes from the
 * configured deployment, by default from the authentication mode (email = Cloud = v3, no email = Server/DC = v2). Pure.
 *
 * @param cloud Cloud speaks v3: rich text is Atlassian Document Format, users are account ids, search is
 *              {@code /search/jql} with page tokens
 */
public record JiraSite(URI site, int apiVersion, boolean cloud) {

    public static JiraSite of(Credential credential, Deployment deployment) {
        return of(credential.url(), credential.email().isPresent(), deployment);
    }

    static JiraSite of(Optional<String> url, boolean hasEmail, Deployment deployment) {
        String text = url.filter(u -> !u.isBlank())
                .orElseThrow(() -> new CredentialUnavailableException(
                        "the Jira credential has no url (the Jira site); update the credential"))
                .strip().replaceAll("/+$", "");
        URI site;
        try {
            site = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new CredentialUnavailableException("the Jira credential's url is not a valid URL; update the credential");
        }
        String scheme = site.getScheme() == null ? "" : site.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || site.getHost() == null) {
            throw new CredentialUnavailableException("the Jira credential's url must be an http(s) URL of the Jira site; "
                    + "update the credential");
        }
        boolean cloud = switch (deployment) {
            case CLOUD -> true;
            case SERVER -> false;
            case AUTO -> hasEmail;
        };
        return new JiraSite(site, cloud ? 3 : 2, cloud);
    }

    /** {@code https://site/rest/api/3}. */
    public String api() {
        return site + "/rest/api/" + apiVersion;
    }

    /** The browser link of an issue. */
    public String browse(String issueKey) {
        return site + "/browse/" + issueKey;
    }
}
