package io.ambientcode.contracts.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.TestKeys;
import io.ambientcode.contracts.exchange.RsaOaep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    private final KeyPair key = TestKeys.generate(2048);

    @Test
    void pkcs1AndPkcs8RoundTrip() {
        String pkcs1 = Pem.toPkcs1Pem(key.getPrivate());
        String pkcs8 = Pem.toPkcs8Pem(key.getPrivate());
        assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----\n");
        RSAPrivateCrtKey fromPkcs1 = Pem.parseRsaPrivateKey(pkcs1);
        RSAPrivateCrtKey fromPkcs8 = Pem.parseRsaPrivateKey(pkcs8);
        assertThat(fromPkcs1.getEncoded()).isEqualTo(key.getPrivate().getEncoded());
        assertThat(fromPkcs8.getEncoded()).isEqualTo(key.getPrivate().getEncoded());
        assertThat(Pem.publicKeyOf(fromPkcs1)).isEqualTo(key.getPublic());
    }

    @Test
    void spkiRoundTrips() {
        String pem = Pem.toSpkiPem(key.getPublic());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Pem.parseRsaPublicKey(pem)).isEqualTo(key.getPublic());
        // Env values often arrive with CRLF or surrounding whitespace.
        assertThat(Pem.parseRsaPublicKey("  \r\n" + pem.replace("\n", "\r\n") + "\n")).isEqualTo(key.getPublic());
    }

    @Test
    void readsKeysOpensslWrote(@TempDir Path dir) throws Exception {
        Path pkcs8 = dir.resolve("k8.pem");
        Path pkcs1 = dir.resolve("k1.pem");
        Path pub = dir.resolve("pub.pem");
        run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", pkcs8.toString());
        run("openssl", "rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString());
        run("openssl", "rsa", "-in", pkcs8.toString(), "-pubout", "-out", pub.toString());
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");

        RSAPrivateCrtKey a = Pem.parseRsaPrivateKey(Files.readString(pkcs8));
        RSAPrivateCrtKey b = Pem.parseRsaPrivateKey(Files.readString(pkcs1));
        RSAPublicKey p = Pem.parseRsaPublicKey(Files.readString(pub));
        assertThat(a.getModulus()).isEqualTo(b.getModulus()).isEqualTo(p.getModulus());
        assertThat(RsaOaep.decrypt(b, RsaOaep.encrypt(p, "hello".getBytes()))).isEqualTo("hello".getBytes());
    }

    @Test
    void rejectsWrongBlocksWithoutEchoingThem() {
        String privatePem = Pem.toPkcs8Pem(key.getPrivate());
        assertThatThrownBy(() -> Pem.parseRsaPublicKey(privatePem))
                .hasMessageContaining("expected a PUBLIC KEY").hasMessageNotContaining(privatePem.substring(30, 60));
        assertThatThrownBy(() -> Pem.parseRsaPublicKey("garbage")).hasMessageContaining("no PEM block");
        assertThatThrownBy(() -> Pem.parseRsaPrivateKey("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
        String ecPub = Pem.toSpkiPem(EcKeys.generateP256().getPublic());
        assertThatThrownBy(() -> Pem.parseRsaPublicKey(ecPub)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
}
