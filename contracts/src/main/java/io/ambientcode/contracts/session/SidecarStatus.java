package io.ambientcode.contracts.session;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Observed state of one credential sidecar. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SidecarStatus {

    private String provider;
    private String container;
    private Integer port;
    private Boolean ready;
    private String message;

    public SidecarStatus() {
    }

    public SidecarStatus(String provider, String container, Integer port, Boolean ready, String message) {
        this.provider = provider;
        this.container = container;
        this.port = port;
        this.ready = ready;
        this.message = message;
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getContainer() {
        return container;
    }

    public void setContainer(String container) {
        this.container = container;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Boolean getReady() {
        return ready;
    }

    public void setReady(Boolean ready) {
        this.ready = ready;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
