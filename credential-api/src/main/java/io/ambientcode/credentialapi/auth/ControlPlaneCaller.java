package io.ambientcode.credentialapi.auth;

/** The control plane: may resolve bindings (ids and providers only), nothing else. */
public record ControlPlaneCaller(String subject) implements Caller {

    @Override
    public String kind() {
        return "control-plane";
    }

    @Override
    public String actor() {
        return subject;
    }
}
