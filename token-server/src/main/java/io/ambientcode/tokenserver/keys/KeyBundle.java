package io.ambientcode.tokenserver.keys;

import io.ambientcode.contracts.crypto.Pem;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored form of the keys: named PEM/text entries, the same in a Kubernetes Secret and in a data directory.
 * Entry names follow the system we replace ({@code private.pem} PKCS#1, {@code public.pem} SPKI) plus
 * {@code signing.pem}; rotation adds {@code *-previous.pem} and timestamps. {@code version} is the store's opaque
 * version (a resourceVersion, a file hash) for optimistic updates.
 */
public record KeyBundle(Map<String, String> entries, String version) {

    public static final String EXCHANGE_PRIVATE = "private.pem";
    public static final String EXCHANGE_PUBLIC = "public.pem";
    public static final String SIGNING_PRIVATE = "signing.pem";
    public static final String EXCHANGE_PREVIOUS = "private-previous.pem";
    public static final String SIGNING_PREVIOUS = "signing-previous.pem";
    public static final String SIGNING_CREATED_AT = "signing-created-at";
    public static final String EXCHANGE_PREVIOUS_UNTIL = "exchange-previous-until";

    public static final int EXCHANGE_KEY_BITS = 4096;
    public static final int SIGNING_KEY_BITS = 2048;

    public KeyBundle {
        entries = Map.copyOf(entries);
    }

    /** Fresh keys: generated, never read from anywhere. */
    public static KeyBundle generate(Instant now) {
        KeyPair exchange = rsa(EXCHANGE_KEY_BITS);
        Map<String, String> e = new LinkedHashMap<>();
        e.put(EXCHANGE_PRIVATE, Pem.toPkcs1Pem(exchange.getPrivate()));
        e.put(EXCHANGE_PUBLIC, Pem.toSpkiPem(exchange.getPublic()));
        e.put(SIGNING_PRIVATE, Pem.toPkcs8Pem(rsa(SIGNING_KEY_BITS).getPrivate()));
        e.put(SIGNING_CREATED_AT, now.toString());
        return new KeyBundle(e, null);
    }

    /** Keys loaded from files the operator provides (no rotation: the operator owns them). */
    public static KeyBundle fromPems(String exchangePrivatePem, String signingPrivatePem, Instant loadedAt) {
        RSAPrivateCrtKey exchange = Pem.parseRsaPrivateKey(exchangePrivatePem);
        Pem.parseRsaPrivateKey(signingPrivatePem);
        Map<String, String> e = new LinkedHashMap<>();
        e.put(EXCHANGE_PRIVATE, exchangePrivatePem);
        e.put(EXCHANGE_PUBLIC, Pem.toSpkiPem(Pem.publicKeyOf(exchange)));
        e.put(SIGNING_PRIVATE, signingPrivatePem);
        e.put(SIGNING_CREATED_AT, loadedAt.toString());
        return new KeyBundle(e, null);
    }

    /** Parses and checks the entries; a missing or broken key is an error (never silently regenerated). */
    public KeyMaterial toMaterial() {
        RSAPrivateCrtKey exchange = Pem.parseRsaPrivateKey(required(EXCHANGE_PRIVATE));
        var exchangePublic = Pem.parseRsaPublicKey(required(EXCHANGE_PUBLIC));
        if (!exchangePublic.getModulus().equals(exchange.getModulus())) {
            throw new IllegalStateException(EXCHANGE_PUBLIC + " does not match " + EXCHANGE_PRIVATE);
        }
        RSAPrivateCrtKey signing = Pem.parseRsaPrivateKey(required(SIGNING_PRIVATE));
        Optional<RSAPrivateCrtKey> previousExchange = optional(EXCHANGE_PREVIOUS).map(Pem::parseRsaPrivateKey);
        Optional<SigningKey> previousSigning = optional(SIGNING_PREVIOUS).map(Pem::parseRsaPrivateKey)
                .map(k -> SigningKey.of(k, Pem.publicKeyOf(k)));
        return new KeyMaterial(exchange, exchangePublic, previousExchange,
                optional(EXCHANGE_PREVIOUS_UNTIL).map(Instant::parse),
                SigningKey.of(signing, Pem.publicKeyOf(signing)), previousSigning,
                optional(SIGNING_CREATED_AT).map(Instant::parse).orElse(Instant.EPOCH));
    }

    /** A new signing key; the current one becomes the previous (still in JWKS). */
    public KeyBundle withRotatedSigningKey(Instant now) {
        Map<String, String> e = new LinkedHashMap<>(entries);
        e.put(SIGNING_PREVIOUS, required(SIGNING_PRIVATE));
        e.put(SIGNING_PRIVATE, Pem.toPkcs8Pem(rsa(SIGNING_KEY_BITS).getPrivate()));
        e.put(SIGNING_CREATED_AT, now.toString());
        return new KeyBundle(e, version);
    }

    /** A new exchange key; the current one stays accepted until {@code now + grace}. */
    public KeyBundle withRotatedExchangeKey(Instant now, Duration grace) {
        KeyPair exchange = rsa(EXCHANGE_KEY_BITS);
        Map<String, String> e = new LinkedHashMap<>(entries);
        e.put(EXCHANGE_PREVIOUS, required(EXCHANGE_PRIVATE));
        e.put(EXCHANGE_PREVIOUS_UNTIL, now.plus(grace).toString());
        e.put(EXCHANGE_PRIVATE, Pem.toPkcs1Pem(exchange.getPrivate()));
        e.put(EXCHANGE_PUBLIC, Pem.toSpkiPem(exchange.getPublic()));
        return new KeyBundle(e, version);
    }

    public boolean signingKeyOlderThan(Duration period, Instant now) {
        if (period.isZero() || period.isNegative()) {
            return false;
        }
        Instant created = optional(SIGNING_CREATED_AT).map(Instant::parse).orElse(Instant.EPOCH);
        return created.plus(period).isBefore(now);
    }

    private String required(String name) {
        String v = entries.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("key entry '" + name + "' is missing or empty");
        }
        return v;
    }

    private Optional<String> optional(String name) {
        return Optional.ofNullable(entries.get(name)).filter(v -> !v.isBlank());
    }

    private static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA key generation is not available", e);
        }
    }

    @Override
    public String toString() {
        return "KeyBundle[entries=" + entries.keySet() + ", version=" + version + "]";
    }
}
