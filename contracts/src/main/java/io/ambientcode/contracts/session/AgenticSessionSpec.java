package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the user asks for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgenticSessionSpec {

    /** The project the session runs in; credential bindings are resolved for it. */
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
    private String project;

    /** Optional agent name; agent-level credential bindings beat project-level ones. */
    @Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
    private String agent;

    @Required
    private RunnerSpec runner;

    /**
     * Explicit credential ids. When set, each must be bound to the project (or agent); otherwise the control plane
     * resolves one credential per provider from the bindings.
     */
    @ValidationRule(value = "self.all(c, c.matches('^[A-Za-z0-9_-]{8,64}$'))",
            message = "credential ids must match [A-Za-z0-9_-]{8,64}")
    private List<String> credentials;

    /** Per-provider sidecar settings, keyed by provider id ({@code github}, {@code jira}, …). */
    private Map<String, SidecarSpec> sidecars;

    /** Maximum run time, e.g. {@code 30m}, {@code 2h}, {@code 1h30m}. */
    @Pattern("^([0-9]+h)?([0-9]+m)?([0-9]+s)?$")
    private String timeout;

    /** Set to true to stop the session: the pod is deleted and the phase becomes Stopped. */
    private Boolean stop;

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public RunnerSpec getRunner() {
        return runner;
    }

    public void setRunner(RunnerSpec runner) {
        this.runner = runner;
    }

    public List<String> getCredentials() {
        return credentials;
    }

    public void setCredentials(List<String> credentials) {
        this.credentials = credentials == null ? null : new ArrayList<>(credentials);
    }

    public Map<String, SidecarSpec> getSidecars() {
        return sidecars;
    }

    public void setSidecars(Map<String, SidecarSpec> sidecars) {
        this.sidecars = sidecars == null ? null : new LinkedHashMap<>(sidecars);
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public Boolean getStop() {
        return stop;
    }

    public void setStop(Boolean stop) {
        this.stop = stop;
    }
}
