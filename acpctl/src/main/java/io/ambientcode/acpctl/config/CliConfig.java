package io.ambientcode.acpctl.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The config file: named contexts and the current one. A context named {@value #LOCAL} always exists. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({ "current-context", "contexts" })
public class CliConfig {

    public static final String LOCAL = "local";

    @JsonProperty("current-context")
    private String currentContext;
    @JsonProperty("contexts")
    private Map<String, ContextConfig> contexts = new LinkedHashMap<>();

    /** What acpctl uses before anything was configured: the local suite. */
    public static CliConfig defaults() {
        CliConfig c = new CliConfig();
        c.ensureLocal();
        return c;
    }

    /** Adds the built-in local context if missing and points current-context somewhere valid. */
    void ensureLocal() {
        if (contexts == null) {
            contexts = new LinkedHashMap<>();
        }
        contexts.computeIfAbsent(LOCAL, n -> new ContextConfig(ContextType.local));
        contexts.replaceAll((name, c) -> c == null ? new ContextConfig(ContextType.cluster) : c);
        contexts.forEach((name, c) -> {
            if (c.getType() == null) {
                c.setType(name.equals(LOCAL) ? ContextType.local : ContextType.cluster);
            }
        });
        if (currentContext == null || !contexts.containsKey(currentContext)) {
            currentContext = LOCAL;
        }
    }

    public String getCurrentContext() {
        return currentContext;
    }

    public void setCurrentContext(String currentContext) {
        this.currentContext = currentContext;
    }

    public Map<String, ContextConfig> getContexts() {
        return contexts;
    }

    public void setContexts(Map<String, ContextConfig> contexts) {
        this.contexts = contexts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(contexts);
    }
}
