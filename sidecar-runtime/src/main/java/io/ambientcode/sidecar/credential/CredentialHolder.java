package io.ambientcode.sidecar.credential;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.sidecar.exchange.SessionToken;
import io.ambientcode.sidecar.spi.SidecarProviderModule;
import io.ambientcode.sidecar.tools.LogRedaction;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The one place the credential lives: memory only, swapped atomically (I7). Every reader sees either the old or the
 * new credential, never a mix. The redactor is rebuilt in the same swap, so the moment a credential can be used its
 * value (and the previous one) is also hidden from tool output and logs (I5).
 *
 * <p>What the redactor hides: the proof (for the process's life), the current and the previous credential with their
 * {@link SidecarProviderModule#secretFragments fragments}, the current session JWT, and the current and previous value
 * of each derived secret ({@link #publishDerivedSecret}: an OAuth access token the sidecar obtained). Retention is
 * bounded like the credential's own, current plus previous, so a long session does not grow the redactor.
 */
@Singleton
public class CredentialHolder {

    private static final Logger LOG = Logger.getLogger(CredentialHolder.class);

    /** Generations of a derived secret that stay hidden: the one in use and the one it replaced. */
    static final int DERIVED_GENERATIONS = 2;

    /** Everything that changes together on a swap. */
    private record Held(Credential current, Credential previous, SessionToken session, SecretRedactor redactor,
            String unavailableReason) {
    }

    private final AtomicReference<Held> state;
    private final Event<CredentialChanged> changed;
    private final SidecarProviderModule module;
    private final List<String> staticSecrets = new ArrayList<>();
    /** Derived secrets by kind, newest last, at most {@link #DERIVED_GENERATIONS} each. Guarded by {@code this}. */
    private final Map<String, List<String>> derived = new LinkedHashMap<>();

    @Inject
    public CredentialHolder(Event<CredentialChanged> changed, SidecarProviderModule module) {
        this.changed = changed;
        this.module = module;
        this.state = new AtomicReference<>(new Held(null, null, null, SecretRedactor.shapesOnly(), "credential not loaded yet"));
    }

    /** Secrets known before any credential (the proof): hidden for the life of the process. */
    public synchronized void addStaticSecret(String secret) {
        staticSecrets.add(secret);
        republish();
    }

    /**
     * A secret the sidecar obtained with the credential (e.g. {@code "access-token"}): hidden from tool output and logs
     * before the caller uses it, together with the value it replaces; older values of the same kind are forgotten.
     */
    public synchronized void publishDerivedSecret(String kind, String value) {
        List<String> values = derived.computeIfAbsent(kind, k -> new ArrayList<>());
        if (values.contains(value)) {
            return;
        }
        values.add(value);
        while (values.size() > DERIVED_GENERATIONS) {
            values.remove(0);
        }
        republish();
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

    /**
     * A redactor that also hides a credential not published (yet): for wording a failure about that credential. The
     * held state does not change.
     */
    public synchronized SecretRedactor redactorIncluding(Credential candidate) {
        Held h = state.get();
        return build(candidate, h.current(), h.session());
    }

    /** Swaps in a freshly fetched (and prepared) credential, then tells observers (clean-up of replaced clients). */
    public void swap(Credential fresh, SessionToken session) {
        Held before;
        synchronized (this) {
            before = state.get();
            Held after = new Held(fresh, before.current(), session, build(fresh, before.current(), session), null);
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

    /** While no credential is held, why (the last failure of the first load); tool errors show it. */
    public synchronized void noteUnavailable(String reason) {
        Held h = state.get();
        if (h.current() == null) {
            state.set(new Held(null, h.previous(), h.session(), h.redactor(), reason));
        }
    }

    /** Fail closed: forget the credential after a permanent refusal (the redactor keeps hiding the old values). */
    public synchronized void drop(String reason) {
        Held h = state.get();
        Credential last = h.current() != null ? h.current() : h.previous();
        state.set(new Held(null, last, null, h.redactor(), reason));
    }

    /** Rebuilds the redactor of the held state after a static or derived secret joined. Caller holds the lock. */
    private void republish() {
        Held h = state.get();
        Held next = new Held(h.current(), h.previous(), h.session(), build(h.current(), h.previous(), h.session()),
                h.unavailableReason());
        state.set(next);
        LogRedaction.use(next.redactor());
    }

    private SecretRedactor build(Credential current, Credential previous, SessionToken session) {
        List<String> secrets = new ArrayList<>(staticSecrets);
        derived.values().forEach(secrets::addAll);
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
