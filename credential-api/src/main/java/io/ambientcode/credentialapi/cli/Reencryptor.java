package io.ambientcode.credentialapi.cli;

import io.ambientcode.credentialapi.crypto.EnvelopeException;
import io.ambientcode.credentialapi.crypto.Keyring;
import io.ambientcode.credentialapi.crypto.TokenEnvelope;
import io.ambientcode.credentialapi.store.CredentialStore;
import io.ambientcode.credentialapi.store.CredentialStore.StoredToken;
import io.ambientcode.credentialapi.store.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves every stored token to a keyring's current version: walks the table in id order (keyset paging), one
 * transaction per batch, compare-and-set per row so a concurrent token change is never overwritten. Idempotent and
 * resumable: an interrupted run leaves committed batches done, and a rerun skips rows already current.
 */
@ApplicationScoped
public class Reencryptor {

    @Inject
    Database db;
    @Inject
    CredentialStore credentials;

    private record BatchResult(String lastId, int scanned, int reencrypted, int current, int concurrent, List<String> failed) {
    }

    public ReencryptReport run(Keyring keyring, boolean dryRun, int batchSize, PrintStream progress) {
        TokenEnvelope target = new TokenEnvelope(keyring);
        String after = "";
        long scanned = 0;
        long reencrypted = 0;
        long current = 0;
        long concurrent = 0;
        List<String> failed = new ArrayList<>();
        int batches = 0;
        while (true) {
            String from = after;
            BatchResult r = db.inTransaction(c -> {
                List<StoredToken> rows = credentials.tokensAfter(c, from, batchSize);
                int moved = 0;
                int onCurrent = 0;
                int raced = 0;
                List<String> bad = new ArrayList<>();
                for (StoredToken row : rows) {
                    try {
                        if (TokenEnvelope.versionOf(row.sealedToken()) == keyring.currentVersion()) {
                            onCurrent++;
                            continue;
                        }
                        String plain = target.open(row.sealedToken(), row.id());
                        if (dryRun) {
                            moved++;
                        } else if (credentials.replaceToken(c, row.id(), row.sealedToken(), target.seal(plain, row.id()))) {
                            moved++;
                        } else {
                            raced++;
                        }
                    } catch (EnvelopeException e) {
                        bad.add(row.id());
                        progress.println("  " + row.id() + ": cannot open (" + e.reason().name().toLowerCase() + ")");
                    }
                }
                return new BatchResult(rows.isEmpty() ? null : rows.get(rows.size() - 1).id(), rows.size(), moved,
                        onCurrent, raced, bad);
            });
            if (r.scanned() == 0) {
                break;
            }
            batches++;
            scanned += r.scanned();
            reencrypted += r.reencrypted();
            current += r.current();
            concurrent += r.concurrent();
            failed.addAll(r.failed());
            progress.println("batch " + batches + ": " + r.scanned() + " scanned, " + r.reencrypted()
                    + (dryRun ? " would be re-encrypted, " : " re-encrypted, ") + r.current() + " already current"
                    + (r.failed().isEmpty() ? "" : ", " + r.failed().size() + " failed"));
            after = r.lastId();
            if (r.scanned() < batchSize) {
                break;
            }
        }
        ReencryptReport report = new ReencryptReport(dryRun, keyring.currentVersion(), scanned, reencrypted, current,
                concurrent, List.copyOf(failed), batches);
        progress.println(report.summary());
        return report;
    }
}
