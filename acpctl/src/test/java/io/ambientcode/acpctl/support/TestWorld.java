package io.ambientcode.acpctl.support;

import io.ambientcode.acpctl.cli.Environment;
import io.ambientcode.acpctl.cli.Terminal;
import io.ambientcode.acpctl.config.ConfigStore;
import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.local.LocalLayout;
import io.quarkus.test.junit.QuarkusMock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * One test's world: a home directory, a config file, a local data directory with a development issuer key, a fake
 * environment and terminal installed into the application. Secrets are generated per run.
 */
public final class TestWorld {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static KeyPair devKey;

    public final Path home;
    public final Path dataDir;
    public final Path configFile;
    public final FakeEnvironment env;
    public final FakeTerminal terminal = new FakeTerminal();

    public TestWorld(Path root) {
        try {
            this.home = Files.createDirectories(root.resolve("home"));
            this.dataDir = Files.createDirectories(root.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.configFile = home.resolve("acpctl-config").resolve("config.yaml");
        this.env = new FakeEnvironment(home, "alice").set(ConfigStore.CONFIG_ENV, configFile.toString());
    }

    /** Makes the application use this world's environment and terminal for the current test. */
    public TestWorld install() {
        QuarkusMock.installMockForType(env, Environment.class);
        QuarkusMock.installMockForType(terminal, Terminal.class);
        return this;
    }

    /** The development issuer's RSA key, generated once per JVM (RSA generation is slow), written like acpctl up would. */
    public TestWorld withDevIssuerKey() {
        write(dataDir.resolve(LocalLayout.DEV_ISSUER_KEY), Pem.toPkcs8Pem(devKey().getPrivate()));
        write(dataDir.resolve(LocalLayout.DEV_ISSUER_PUBLIC_KEY), Pem.toSpkiPem(devKey().getPublic()));
        return this;
    }

    public static synchronized KeyPair devKey() {
        if (devKey == null) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                devKey = g.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return devKey;
    }

    public static RSAPublicKey devPublicKey() {
        return (RSAPublicKey) devKey().getPublic();
    }

    public String configText() {
        try {
            return Files.exists(configFile) ? Files.readString(configFile) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file(String name, String content) {
        Path p = home.resolve(name);
        write(p, content);
        return p;
    }

    /** A fresh fake secret with a recognizable prefix, e.g. {@code ghp_} + 36 random characters. */
    public static String secret(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 36; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** An OIDC-shaped JWT (unsigned content; acpctl never verifies, the services do) for cluster login tests. */
    public static String oidcToken(String subject, Instant expires) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"https://idp.example.com\",\"sub\":\"" + subject
                + "\",\"aud\":\"ambient-credential-api\",\"groups\":[\"project:team-a\"],\"exp\":"
                + expires.getEpochSecond() + ",\"jti\":\"" + secret("") + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(secret("sig").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path p, String content) {
        try {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
