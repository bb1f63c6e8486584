package io.ambientcode.credentialapi.cli;

import io.ambientcode.credentialapi.crypto.TokenEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.PrintStream;

/** {@code reencrypt [--dry-run] [--batch-size N]} with the configured keyring; returns the process exit code. */
@ApplicationScoped
public class ReencryptCommand {

    public static final String NAME = "reencrypt";

    @Inject
    Reencryptor reencryptor;
    @Inject
    TokenEnvelope envelope;

    public int run(String[] args, PrintStream out, PrintStream err) {
        ReencryptOptions options;
        try {
            options = ReencryptOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ReencryptOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(ReencryptOptions.USAGE);
            return 0;
        }
        out.println("reencrypt: keyring versions " + envelope.keyring().versions() + ", target v"
                + envelope.keyring().currentVersion() + ", batch size " + options.batchSize()
                + (options.dryRun() ? ", dry run" : ""));
        ReencryptReport report = reencryptor.run(envelope.keyring(), options.dryRun(), options.batchSize(), out);
        return report.ok() ? 0 : 1;
    }
}
