package io.ambientcode.tokenserver.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.exchange.ExchangeException;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.tokenserver.keys.KeyMaterial;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.session.SessionDirectory;
import io.ambientcode.tokenserver.session.SessionDirectoryUnavailableException;
import io.ambientcode.tokenserver.session.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The token exchange, check by check in the order ARCHITECTURE.md section 4 fixes:
 * <ol>
 * <li>the header decrypts with the exchange key (401 invalid_assertion);</li>
 * <li>it is a well-formed v2 assertion (400 malformed_assertion; a non-JSON plaintext: 401 legacy_exchange_disabled);</li>
 * <li>{@code iat} is within the clock skew (401 stale_assertion) and the nonce is fresh (401 replayed_assertion);</li>
 * <li>the session exists and is Pending or Running (403 session_inactive);</li>
 * <li>the proof matches that session's proof for that provider, compared in constant time (403 invalid_proof);</li>
 * </ol>
 * then the per session+provider rate limit (429), counted only for callers that proved who they are, so nobody who
 * merely knows a session id can lock its sidecars out. Success: a JWE to the assertion's {@code epk} carrying the JWT.
 */
public final class TokenExchange {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final KeyRing keys;
    private final SessionDirectory sessions;
    private final ReplayCache replay;
    private final RateLimiter limiter;
    private final SessionTokenMinter minter;
    private final Duration clockSkew;

    public TokenExchange(Clock clock, KeyRing keys, SessionDirectory sessions, ReplayCache replay, RateLimiter limiter,
            SessionTokenMinter minter, Duration clockSkew) {
        this.clock = clock;
        this.keys = keys;
        this.sessions = sessions;
        this.replay = replay;
        this.limiter = limiter;
        this.minter = minter;
        this.clockSkew = clockSkew;
    }

    /** A successful exchange: the compact JWE to return, and ids for logs and metrics. */
    public record Issued(String jwe, String sessionId, String provider, Instant expiresAt) {
        @Override
        public String toString() {
            return "Issued[sid=" + sessionId + ", prv=" + provider + ", expires_at=" + expiresAt + "]";
        }
    }

    /** A refusal, with the session and provider when they were already known (for logs; never secrets). */
    public static final class Refused extends Exception {
        private final ExchangeError error;
        private final String sessionId;
        private final String provider;

        Refused(ExchangeError error, String sessionId, String provider) {
            super(error.code(), null, false, false);
            this.error = error;
            this.sessionId = sessionId;
            this.provider = provider;
        }

        public ExchangeError error() {
            return error;
        }

        public Optional<String> sessionId() {
            return Optional.ofNullable(sessionId);
        }

        public Optional<String> provider() {
            return Optional.ofNullable(provider);
        }
    }

    public Issued exchange(String authorization) throws Refused {
        Instant now = clock.instant();
        KeyMaterial material = keys.current();

        ExchangeAssertion a;
        try {
            a = ExchangeCodec.parse(ExchangeCodec.decryptHeader(authorization, material.exchangeKeysAt(now)));
        } catch (ExchangeException e) {
            throw new Refused(e.error(), null, null);
        }

        long skew = Math.abs(now.getEpochSecond() - a.iat());
        if (skew > clockSkew.toSeconds()) {
            throw refused(ExchangeError.STALE_ASSERTION, a);
        }
        switch (replay.firstUse(a.nonce(), now)) {
            case REPLAYED -> throw refused(ExchangeError.REPLAYED_ASSERTION, a);
            case FULL -> throw refused(ExchangeError.RATE_LIMITED, a);
            case FIRST_USE -> { }
        }

        Optional<SessionRecord> found;
        try {
            found = sessions.find(a.sid());
        } catch (SessionDirectoryUnavailableException e) {
            throw refused(ExchangeError.DIRECTORY_UNAVAILABLE, a);
        }
        SessionRecord session = found.filter(SessionRecord::isLive)
                .orElseThrow(() -> refused(ExchangeError.SESSION_INACTIVE, a));

        byte[] expected = session.proofFor(a.prv()).map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null);
        byte[] presented = a.proof().getBytes(StandardCharsets.UTF_8);
        if (expected == null || !MessageDigest.isEqual(expected, presented)) {
            throw refused(ExchangeError.INVALID_PROOF, a);
        }

        if (!limiter.tryAcquire(a.sid() + ":" + a.prv(), now)) {
            throw refused(ExchangeError.RATE_LIMITED, a);
        }

        String jwt = minter.mint(a, session, now, material.signingKey());
        Instant expiresAt = Instant.ofEpochSecond(now.getEpochSecond() + minter.lifetime().toSeconds());
        String reply;
        try {
            reply = JSON.writeValueAsString(new ExchangeReply(jwt, ExchangeReply.TOKEN_TYPE, expiresAt.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the exchange reply", e);
        }
        return new Issued(Jwe.encrypt(reply, a.epk().toPublicKey()), a.sid(), a.prv(), expiresAt);
    }

    public long retryAfterSeconds() {
        return limiter.retryAfterSeconds();
    }

    private static Refused refused(ExchangeError error, ExchangeAssertion a) {
        return new Refused(error, a.sid(), a.prv());
    }
}
