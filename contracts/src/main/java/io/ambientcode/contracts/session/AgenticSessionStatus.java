package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the control plane observed and decided. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgenticSessionStatus {

    private SessionPhase phase;
    private String podName;
    /** Resolved credentials, provider id → credential id; what the token server puts in {@code credential_ids}. */
    private Map<String, String> credentials;
    private List<SidecarStatus> sidecars;
    /** Providers bound to the session that have no sidecar (e.g. gitlab): reported, never dropped silently. */
    private List<String> unsupportedProviders;
    private List<Condition> conditions;
    private String startTime;
    private String completionTime;
    private Long observedGeneration;

    public SessionPhase getPhase() {
        return phase;
    }

    public void setPhase(SessionPhase phase) {
        this.phase = phase;
    }

    public String getPodName() {
        return podName;
    }

    public void setPodName(String podName) {
        this.podName = podName;
    }

    public Map<String, String> getCredentials() {
        return credentials;
    }

    public void setCredentials(Map<String, String> credentials) {
        this.credentials = credentials == null ? null : new LinkedHashMap<>(credentials);
    }

    public List<SidecarStatus> getSidecars() {
        return sidecars;
    }

    public void setSidecars(List<SidecarStatus> sidecars) {
        this.sidecars = sidecars == null ? null : new ArrayList<>(sidecars);
    }

    public List<String> getUnsupportedProviders() {
        return unsupportedProviders;
    }

    public void setUnsupportedProviders(List<String> unsupportedProviders) {
        this.unsupportedProviders = unsupportedProviders == null ? null : new ArrayList<>(unsupportedProviders);
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? null : new ArrayList<>(conditions);
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getCompletionTime() {
        return completionTime;
    }

    public void setCompletionTime(String completionTime) {
        this.completionTime = completionTime;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }
}
