package io.ambientcode.controlplane.credentials;

import io.ambientcode.contracts.credential.ResolvedBindings;

/** What the credential API said to a resolve call, short of being unavailable. */
public sealed interface ResolveReply {

    /** 200 with a parseable body. */
    record Ok(ResolvedBindings bindings) implements ResolveReply {
    }

    /** A refusal (401, 403, 404, 422, other 4xx): {@code code} is the problem's stable code when it sent a valid one. */
    record Refused(int status, String code) implements ResolveReply {
    }

    /** 200 whose body is not a {@code ResolvedBindings}. */
    record Malformed(String why) implements ResolveReply {
    }
}
