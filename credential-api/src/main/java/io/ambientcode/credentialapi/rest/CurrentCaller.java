package io.ambientcode.credentialapi.rest;

import io.ambientcode.credentialapi.auth.Caller;
import io.ambientcode.credentialapi.auth.UserCaller;
import io.ambientcode.credentialapi.service.ApiException;
import jakarta.enterprise.context.RequestScoped;

/** The authenticated caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller caller) {
        this.caller = caller;
    }

    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on this request");
        }
        return caller;
    }

    /** The caller as a user, or 403: control-plane and session tokens may not use user routes. */
    public UserCaller user() {
        if (get() instanceof UserCaller user) {
            return user;
        }
        throw ApiException.forbidden("this route is for users; a " + get().kind() + " token may not use it");
    }
}
