package io.ambientcode.credentialapi;

import io.ambientcode.credentialapi.cli.ReencryptCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.util.Arrays;

/**
 * Entry point. Without arguments: the HTTP service. With {@code reencrypt [--dry-run] [--batch-size N]}: the
 * re-encryption command, which runs against the same database and keyring configuration and exits
 * ({@code java -jar quarkus-app/quarkus-run.jar reencrypt --dry-run}).
 */
@QuarkusMain
public class CredentialApiMain implements QuarkusApplication {

    @Inject
    ReencryptCommand reencrypt;

    public static void main(String... args) {
        if (args.length > 0 && ReencryptCommand.NAME.equals(args[0])) {
            // A one-shot command must not compete for the service's port: listen on a free loopback port instead.
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.http.port", "0");
            // Its output is the report on stdout; service log lines below WARN would only interleave with it.
            System.setProperty("quarkus.log.console.level", "WARN");
        }
        Quarkus.run(CredentialApiMain.class, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (ReencryptCommand.NAME.equals(args[0])) {
            return reencrypt.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
        }
        System.err.println("Unknown command. Usage: (no arguments: serve) | reencrypt [--dry-run] [--batch-size N]");
        return 2;
    }
}
