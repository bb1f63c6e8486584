package io.ambientcode.sidecar.jira;

import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialUnavailableException;
import io.ambientcode.sidecar.credential.UnusableCredentialException;
import io.ambientcode.sidecar.jira.client.JiraAuth;
import io.ambientcode.sidecar.jira.client.JiraSite;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Tells the shared runtime that this is the jira sidecar, which derived values are secret too, and what makes its
 * configuration and a credential usable.
 */
@Singleton
public class JiraModule implements SidecarProviderModule {

    @Inject
    JiraConfig config;

    @Override
    public Provider provider() {
        return Provider.JIRA;
    }

    /**
     * Jira Cloud is called with {@code Authorization: Basic base64(email:token)}: that encoding, and the whole header
     * value, are as secret as the token itself (the raw token is always hidden by the runtime).
     */
    @Override
    public List<String> secretFragments(Credential credential) {
        return credential.email()
                .map(email -> List.of(JiraAuth.basicCredentials(email, credential.token()),
                        JiraAuth.header(credential)))
                .orElse(List.of());
    }

    @Override
    public String upstreamName() {
        return "Jira API";
    }

    /** The key patterns tools check arguments with must be regular expressions. */
    @Override
    public List<String> configurationProblems() {
        List<String> problems = new ArrayList<>();
        for (String[] p : new String[][] { { "ambient.jira.issue-key-pattern", config.issueKeyPattern() },
            { "ambient.jira.project-key-pattern", config.projectKeyPattern() } }) {
            try {
                Pattern.compile(p[1]);
            } catch (PatternSyntaxException e) {
                problems.add(p[0] + " is not a regular expression");
            }
        }
        return problems;
    }

    /** A Jira credential is usable only with its site: the {@code url}, an http(s) URL. */
    @Override
    public void validate(Credential credential) {
        try {
            JiraSite.of(credential, config.deployment());
        } catch (CredentialUnavailableException e) {
            throw new UnusableCredentialException(e.getMessage());
        }
    }
}
