package io.ambientcode.tokenserver.keys;

/** Where the token server's keys persist. Implementations are safe when several replicas start at once. */
public interface KeyStore {

    /** Returns the stored keys, generating and storing them first if there are none (first writer wins). */
    KeyBundle loadOrCreate();

    /** Re-reads the stored keys (another replica may have rotated them). */
    KeyBundle reload();

    /**
     * Replaces {@code current} with {@code next} if nobody changed the store in between ({@code current.version()});
     * returns false on a conflict, in which case the caller re-reads.
     */
    boolean replace(KeyBundle current, KeyBundle next);

    /** A short description for logs: where the keys are. */
    String describe();
}
