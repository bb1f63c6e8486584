package io.ambientcode.acpctl.local;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.local.LocalLayout;
import io.ambientcode.contracts.local.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The local data directory's keys, made on the first {@code acpctl up} (0700 directory, 0600 files, contracts
 * {@link LocalLayout}): the development user issuer's RSA key pair ({@code acpctl login} signs with it; the credential
 * API and the control plane trust its public half in the local profile only), the control plane's key pair for the
 * credential API, and the registry key the token server presents to the control plane. Existing keys are kept, so data
 * and logins survive a restart. The credential API makes its own encryption key, the token server its own keys.
 */
public final class LocalKeys {

    static final int RSA_BITS = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalKeys() {
    }

    /** Makes whatever is missing; returns the names of the files it created. */
    public static List<String> ensure(Path dataDir) {
        List<String> created = new ArrayList<>();
        PrivateFiles.directory(dataDir);
        PrivateFiles.directory(dataDir.resolve(LocalLayout.LOGS_DIR));
        PrivateFiles.directory(dataDir.resolve(LocalLayout.RUN_DIR));
        keyPair(dataDir, LocalLayout.DEV_ISSUER_KEY, LocalLayout.DEV_ISSUER_PUBLIC_KEY, created);
        keyPair(dataDir, LocalLayout.CONTROL_PLANE_KEY, LocalLayout.CONTROL_PLANE_PUBLIC_KEY, created);
        Path registry = dataDir.resolve(LocalLayout.REGISTRY_KEY);
        if (!Files.exists(registry)) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            PrivateFiles.write(registry, Base64.getUrlEncoder().withoutPadding().encodeToString(key)
                    .getBytes(StandardCharsets.US_ASCII));
            created.add(LocalLayout.REGISTRY_KEY);
        }
        return created;
    }

    private static void keyPair(Path dataDir, String privateName, String publicName, List<String> created) {
        Path privateFile = dataDir.resolve(privateName);
        Path publicFile = dataDir.resolve(publicName);
        try {
            if (!Files.exists(privateFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(RSA_BITS, RANDOM);
                KeyPair pair = generator.generateKeyPair();
                PrivateFiles.write(privateFile, Pem.toPkcs8Pem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
                PrivateFiles.write(publicFile, Pem.toSpkiPem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII));
                created.add(privateName);
                created.add(publicName);
            } else if (!Files.exists(publicFile)) {
                // The public half is derived, never separately trusted: make it again from the private key.
                String pem = Files.readString(privateFile, StandardCharsets.US_ASCII);
                PrivateFiles.write(publicFile, Pem.toSpkiPem(Pem.publicKeyOf(Pem.parseRsaPrivateKey(pem)))
                        .getBytes(StandardCharsets.US_ASCII));
                created.add(publicName);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + privateFile, e);
        }
    }
}
