package io.ambientcode.credentialapi.cli;

import java.util.List;

/**
 * What a re-encryption run did (or, dry, would do). {@code changedConcurrently} counts rows whose value changed
 * between read and write (a user replaced the token meanwhile: the new value is already on the current version).
 */
public record ReencryptReport(
        boolean dryRun,
        int targetVersion,
        long scanned,
        long reencrypted,
        long alreadyCurrent,
        long changedConcurrently,
        List<String> failedIds,
        int batches) {

    public boolean ok() {
        return failedIds.isEmpty();
    }

    public String summary() {
        String verb = dryRun ? "would re-encrypt" : "re-encrypted";
        return "reencrypt" + (dryRun ? " (dry run)" : "") + ": " + scanned + " scanned, " + reencrypted + " " + verb
                + " to v" + targetVersion + ", " + alreadyCurrent + " already on v" + targetVersion + ", "
                + changedConcurrently + " changed concurrently, " + failedIds.size() + " failed"
                + (failedIds.isEmpty() ? "" : " " + failedIds) + " (" + batches + " batch(es))";
    }
}
