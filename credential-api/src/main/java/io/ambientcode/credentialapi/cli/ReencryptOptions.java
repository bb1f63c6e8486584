package io.ambientcode.credentialapi.cli;

/**
 * Arguments of {@code reencrypt [--dry-run] [--batch-size N]}. Pure parsing; {@link #parse} throws
 * {@link IllegalArgumentException} with a usage message on anything else.
 */
public record ReencryptOptions(boolean dryRun, int batchSize, boolean help) {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final String USAGE = """
            Usage: reencrypt [--dry-run] [--batch-size N]
              Moves every stored credential token to the current key version (ambient.encryption.current-version).
              Works in batches of N rows (default 100, max 10000), each committed on its own; safe to interrupt and
              run again (rows already on the current version are skipped).
              --dry-run     only count what would change
              --batch-size  rows per batch
            Exit codes: 0 all rows current (or would be), 1 some rows failed, 2 usage error.""";

    public static ReencryptOptions parse(String... args) {
        boolean dryRun = false;
        boolean help = false;
        int batchSize = DEFAULT_BATCH_SIZE;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--dry-run" -> dryRun = true;
                case "--help", "-h" -> help = true;
                case "--batch-size" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--batch-size needs a value");
                    }
                    batchSize = batchSize(args[++i]);
                }
                default -> {
                    if (a.startsWith("--batch-size=")) {
                        batchSize = batchSize(a.substring("--batch-size=".length()));
                    } else {
                        throw new IllegalArgumentException("unknown argument: " + (a.length() > 40 ? a.substring(0, 40) + "…" : a));
                    }
                }
            }
        }
        return new ReencryptOptions(dryRun, batchSize, help);
    }

    private static int batchSize(String value) {
        if (!value.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("--batch-size must be a number between 1 and " + MAX_BATCH_SIZE);
        }
        int n = Integer.parseInt(value);
        if (n < 1 || n > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch-size must be a number between 1 and " + MAX_BATCH_SIZE);
        }
        return n;
    }
}
