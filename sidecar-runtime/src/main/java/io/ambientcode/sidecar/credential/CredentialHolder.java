package io.ambientcode.sidecar.credential;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.exchange.SessionToken;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import io.ambientcode.sidecar.tools.LogRedaction;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The one place the credential lives: memory only, swapped atomically (I7). Every reader sees either the old or the
 * new credential, never a mix. The redactor is rebuilt in the same swap, so the moment a credential can be used its
 * value (and the previous one) is also hidden from tool output and logs (I5).
 */
@Singleton
public class CredentialHolder {

    private static final Logger LOG = Logger.getLogger(CredentialHolder.class);

    /** Everything that changes together on a swap. */
    private record Held(Credential current, Credential previous, SessionToken session, SecretRedactor redactor,
            String unavailableReason) {
    }

    private final AtomicReference<Held> state;
    private final Event<CredentialChanged> changed;
    private final SidecarProviderModule module;
    private final List<String> staticSecrets = new ArrayList<>();

    @Inject
    public CredentialHolder(Event<CredentialChanged> changed, SidecarProviderModule module) {
        this.changed = changed;
        this.module = module;
        this.state = new AtomicReference<>(new Held(null, null, null, SecretRedactor.shapesOnly(), "credential not loaded yet"));
    }

    /** Secrets known before any credential (the proof): hidden from the start. */
    public synchronized void addStaticSecret(String secret) {
        staticSecrets.add(secret);
        Held h = state.get();
        Held next = new Held(h.current(), h.previous(), h.session(), build(h.current(), h.previous(), h.session()),
                h.unavailableReason());
        state.set(next);
        LogRedaction.use(next.redactor());
    }

    public Optional<Credential> current() {
        return Optional.ofNullable(state.get().current());
    }

    /** The credential, or a tool-safe explanation why there is none. */
    public Credential require() {
        Held h = state.get();
        if (h.current() == null) {
            throw new CredentialUnavailableException("no credential available: " + h.unavailableReason());
        }
        return h.current();
    }

    /** Why no credential is held, when none is. */
    public Optional<String> unavailableReason() {
        Held h = state.get();
        return h.current() == null ? Optional.of(h.unavailableReason()) : Optional.empty();
    }

    /** Hides the current and previous credential values, the session token, the proof, and well-known shapes. */
    public SecretRedactor redactor() {
        return state.get().redactor();
    }

    /** Swaps in a freshly fetched credential, then tells observers (client rebuild). */
    public void swap(Credential fresh, SessionToken session) {
        Held before;
        Held after;
        synchronized (this) {
            before = state.get();
            after = new Held(fresh, before.current(), session, build(fresh, before.current(), session), null);
            state.set(after);
            LogRedaction.use(after.redactor());
        }
        LOG.infof("credential %s (%s) loaded", fresh.credentialId(), fresh.provider());
        try {
            changed.fire(new CredentialChanged(fresh, Optional.ofNullable(before.current())));
        } catch (RuntimeException e) {
            LOG.errorf("a credential-change observer failed: %s", e.getClass().getName());
        }
    }

    /** Fail closed: forget the credential after a permanent refusal (the redactor keeps hiding the old values). */
    public synchronized void drop(String reason) {
        Held h = state.get();
        Credential last = h.current() != null ? h.current() : h.previous();
        state.set(new Held(null, last, null, h.redactor(), reason));
    }

    private SecretRedactor build(Credential current, Credential previous, SessionToken session) {
        List<String> secrets = new ArrayList<>(staticSecrets);
        for (Credential c : new Credential[] { current, previous }) {
            if (c != null) {
                secrets.add(c.token());
                try {
                    secrets.addAll(module.secretFragments(c));
                } catch (RuntimeException e) {
                    LOG.errorf("secretFragments of %s failed: %s", module.provider().id(), e.getClass().getName());
                }
            }
        }
        if (session != null) {
            secrets.add(session.jwt());
        }
        return SecretRedactor.of(secrets);
    }
}
