package io.ambientcode.credentialapi.crypto;

import io.ambientcode.credentialapi.store.CredentialStore.StoredToken;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A census of stored values by key version, and the start-up verdict on it: if any row uses a version no configured
 * key opens, the service must not start (it could never deliver those credentials, and a later write with a different
 * key under the same version would be worse). Pure.
 */
public final class StoredVersions {

    private final SortedMap<Integer, Long> countByVersion = new TreeMap<>();
    private final List<String> malformedIds = new ArrayList<>();
    private long malformedCount;

    /** Adds one stored row to the census. */
    public void add(StoredToken row) {
        try {
            countByVersion.merge(TokenEnvelope.versionOf(row.sealedToken()), 1L, Long::sum);
        } catch (EnvelopeException e) {
            malformedCount++;
            if (malformedIds.size() < 20) {
                malformedIds.add(row.id());
            }
        }
    }

    public SortedMap<Integer, Long> countByVersion() {
        return countByVersion;
    }

    public long malformedCount() {
        return malformedCount;
    }

    /** Up to 20 ids of rows whose stored value is not an envelope. */
    public List<String> malformedIds() {
        return malformedIds;
    }

    /** Versions in use that the keyring has no key for. */
    public SortedSet<Integer> unopenable(Keyring keyring) {
        SortedSet<Integer> missing = new TreeSet<>(countByVersion.keySet());
        missing.removeAll(keyring.versions());
        return missing;
    }

    /** Throws if rows exist that no configured key opens. */
    public void requireOpenable(Keyring keyring) {
        SortedSet<Integer> missing = unopenable(keyring);
        if (!missing.isEmpty()) {
            long rows = missing.stream().mapToLong(countByVersion::get).sum();
            throw new IllegalStateException(rows + " stored credential token(s) use key version(s) " + missing
                    + " but only " + keyring.versions() + " are configured. Refusing to start: add the missing key(s) "
                    + "to ambient.encryption.keys (then run 'reencrypt' to move every row to v"
                    + keyring.currentVersion() + ").");
        }
    }
}
