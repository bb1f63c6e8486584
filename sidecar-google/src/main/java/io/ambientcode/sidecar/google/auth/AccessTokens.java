package io.ambientcode.sidecar.google.auth;

import io.ambientcode.sidecar.bootstrap.SidecarContext;
import io.ambientcode.sidecar.credential.Credential;
import io.ambientcode.sidecar.credential.CredentialChanged;
import io.ambientcode.sidecar.credential.CredentialHolder;
import io.ambientcode.sidecar.credential.CredentialRefresher;
import io.ambientcode.sidecar.exchange.CredentialFailure;
import io.ambientcode.sidecar.google.GoogleConfig;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The access tokens this sidecar obtains for itself from the session's Google credential (the peer's most common
 * complaint is having to log in again every hour: here nobody logs in). One token is cached per credential value and
 * renewed before it expires ({@code ambient.google.renew-before}); concurrent callers share one grant. Each new token
 * joins the redactor before it is used (I5), as a derived secret: the current and the previous token stay hidden. A refused grant ({@code invalid_grant}: revoked refresh token, deleted
 * key) fetches the stored credential again, since the user may have rotated it; if it is unchanged or still refused,
 * the tool gets a clear error saying what to do.
 */
@Singleton
public class AccessTokens {

    private static final Logger LOG = Logger.getLogger(AccessTokens.class);
    /** The kind of derived secret access tokens are in the redactor. */
    static final String ACCESS_TOKEN = "google-access-token";

    /**
     * The token obtained with a credential: its value (the whole JSON) and its email (a service account's delegation
     * subject). A change of either means a new token.
     */
    private record Cached(String credentialValue, Optional<String> email, AccessToken token) {

        boolean obtainedWith(Credential c) {
            return credentialValue.equals(c.token()) && email.equals(c.email());
        }
    }

    private final AtomicReference<Cached> cache = new AtomicReference<>();
    private final ReentrantLock granting = new ReentrantLock();
    private final AtomicInteger grants = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();

    @Inject
    TokenEndpoint endpoint;

    @Inject
    GoogleConfig config;

    @Inject
    CredentialHolder holder;

    @Inject
    Instance<CredentialRefresher> refresher;

    @Inject
    SidecarContext context;

    /** A usable access token for calls made with this credential. */
    public String bearer(Credential credential) {
        String cached = usable(cache.get(), credential);
        if (cached != null) {
            return cached;
        }
        granting.lock();
        try {
            cached = usable(cache.get(), credential);
            if (cached != null) {
                return cached;
            }
            return obtain(credential);
        } finally {
            granting.unlock();
        }
    }

    /** The upstream refused this access token (401): never hand it out again. */
    public void invalidate(String accessToken) {
        cache.updateAndGet(c -> c != null && c.token().value().equals(accessToken) ? null : c);
    }

    /** Grants made so far (observability and tests). */
    public int grants() {
        return grants.get();
    }

    /** A new credential value or subject makes the cached token stale; a re-fetch of the same one keeps it. */
    void onCredentialChange(@Observes CredentialChanged change) {
        cache.updateAndGet(c -> c != null && c.obtainedWith(change.current()) ? c : null);
    }

    private String usable(Cached c, Credential credential) {
        return c != null && c.obtainedWith(credential)
                && c.token().usableAt(clock.instant(), config.renewBefore()) ? c.token().value() : null;
    }

    private String obtain(Credential credential) {
        try {
            return grant(credential);
        } catch (TokenEndpointException first) {
            if (!first.credentialRefused()) {
                throw first;
            }
            Credential fresh;
            try {
                fresh = refresher.get().refreshAfterRefusal(credential,
                        "the OAuth token endpoint refused the grant with " + first.error());
            } catch (CredentialFailure f) {
                throw first.withAdvice("The credential could not be fetched again (" + f.code() + ").");
            }
            if (fresh.token().equals(credential.token()) && fresh.email().equals(credential.email())) {
                throw first.withAdvice("The stored credential was fetched again and is unchanged: re-authorize "
                        + "Google, update the credential, then call refresh_credentials.");
            }
            try {
                return grant(fresh);
            } catch (TokenEndpointException second) {
                throw second.credentialRefused() ? second.withAdvice("The rotated credential was refused too: "
                        + "re-authorize Google and update the credential.") : second;
            }
        }
    }

    private String grant(Credential credential) {
        GoogleCredential parsed = GoogleCredential.parse(credential);
        List<String> scopes = context.environment().readOnly() ? config.readOnlyScopes() : config.scopes();
        AccessToken token = endpoint.grant(parsed, scopes);
        // hidden from tool output and logs before anything can use it (with the token it replaces; older ones expired)
        holder.publishDerivedSecret(ACCESS_TOKEN, token.value());
        cache.set(new Cached(credential.token(), credential.email(), token));
        grants.incrementAndGet();
        LOG.debugf("access token obtained for credential %s, valid until %s", credential.credentialId(), token.expiresAt());
        return token.value();
    }
}
