package io.ambientcode.sidecar.jira;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the jira sidecar beyond the shared runtime's ({@code ambient.sidecar.*}). */
@ConfigMapping(prefix = "ambient.jira")
public interface JiraConfig {

    /** Which Jira REST API the site speaks. */
    enum Deployment {
        /** Decide by the credential: with an {@code email} it is Jira Cloud (API token, v3), without it Server/DC (PAT, v2). */
        AUTO,
        /** Jira Cloud: {@code /rest/api/3}, rich text as Atlassian Document Format, enhanced JQL search. */
        CLOUD,
        /** Jira Server / Data Center: {@code /rest/api/2}, rich text as plain strings. */
        SERVER
    }

    /**
     * Which REST API version to use. The authentication is always decided by the credential: Basic
     * {@code email:token} when it has an {@code email}, Bearer PAT otherwise.
     */
    @WithDefault("auto")
    Deployment deployment();

    /** Issue keys tools accept (mcp-atlassian's default); Server/DC sites with custom key patterns widen it. */
    @WithDefault("[A-Z][A-Z0-9_]+-\\d+")
    String issueKeyPattern();

    /** Project keys tools accept (mcp-atlassian's default). */
    @WithDefault("[A-Z][A-Z0-9_]+")
    String projectKeyPattern();
}
