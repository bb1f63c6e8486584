package io.ambientcode.contracts.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ambientcode.contracts.TestKeys;
import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.crypto.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExchangeCodecTest {

    private static final String SID = "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b";
    private static final String PROOF = "Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eHF1dXg";

    private final KeyPair exchangeKey = TestKeys.rsa4096();
    private final EcPublicJwk epk = EcPublicJwk.of((ECPublicKey) EcKeys.generateP256().getPublic());

    private ExchangeAssertion assertion() {
        return ExchangeAssertion.create(SID, "github", PROOF, epk, 1_764_400_000L);
    }

    private List<PrivateKey> keys() {
        return List.of(exchangeKey.getPrivate());
    }

    @Test
    void roundTripsThroughTheHeader() throws Exception {
        ExchangeAssertion sent = assertion();
        String header = ExchangeCodec.authorizationHeader(sent, exchangeKey.getPublic());

        assertThat(header).startsWith("Bearer ");
        String b64 = header.substring(7);
        assertThat(b64).hasSize(684).endsWith("="); // 512 bytes, standard padded base64
        ExchangeAssertion received = ExchangeCodec.parse(ExchangeCodec.decryptHeader(header, keys()));
        assertThat(received).isEqualTo(sent);
    }

    @Test
    void plaintextHasTheWireFieldOrderAndFitsTheLimit() {
        String json = new String(ExchangeCodec.plaintext(assertion()), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"v\":2,\"sid\":\"" + SID + "\",\"prv\":\"github\",\"iat\":1764400000,\"nonce\":\"");
        assertThat(json).contains("\"epk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"");
        // The longest legal assertion (64-char sid, longest provider id, 128-char proof) still fits.
        ExchangeAssertion longest = ExchangeAssertion.create("a".repeat(64), "kubeconfig", "p".repeat(128), epk, Long.MAX_VALUE / 1000);
        assertThat(ExchangeCodec.plaintext(longest).length).isLessThanOrEqualTo(ExchangeCodec.MAX_PLAINTEXT_BYTES);
    }

    @Test
    void oversizePlaintextIsRefused() {
        ExchangeAssertion huge = ExchangeAssertion.create(SID, "github", "p".repeat(400), epk, 1L);
        assertThatThrownBy(() -> ExchangeCodec.plaintext(huge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("446");
        assertThatThrownBy(() -> RsaOaep.encrypt(exchangeKey.getPublic(), new byte[447]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RsaOaep.maxPlaintextBytes((RSAPublicKey) exchangeKey.getPublic())).isEqualTo(446);
    }

    @Test
    void opensslOaepSha256CiphertextDecrypts(@TempDir Path dir) throws Exception {
        Path pub = dir.resolve("pub.pem");
        Files.writeString(pub, Pem.toSpkiPem(exchangeKey.getPublic()));
        Path in = dir.resolve("in.json");
        byte[] plaintext = ExchangeCodec.plaintext(assertion());
        Files.write(in, plaintext);
        Path out = dir.resolve("out.bin");
        Process p = new ProcessBuilder("openssl", "pkeyutl", "-encrypt", "-pubin", "-inkey", pub.toString(),
                "-pkeyopt", "rsa_padding_mode:oaep", "-pkeyopt", "rsa_oaep_md:sha256", "-pkeyopt", "rsa_mgf1_md:sha256",
                "-in", in.toString(), "-out", out.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();

        String header = "Bearer " + Base64.getEncoder().encodeToString(Files.readAllBytes(out));
        assertThat(ExchangeCodec.decryptHeader(header, keys())).isEqualTo(plaintext);
    }

    @Test
    void jceDefaultMgf1Sha1CiphertextDoesNotDecrypt() throws Exception {
        // "OAEPWithSHA-256AndMGF1Padding" uses MGF1-SHA-1 by default: exactly the interop bug the codec avoids.
        Cipher sha1Mgf = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        sha1Mgf.init(Cipher.ENCRYPT_MODE, exchangeKey.getPublic());
        String header = "Bearer " + Base64.getEncoder().encodeToString(sha1Mgf.doFinal(ExchangeCodec.plaintext(assertion())));
        assertError(() -> ExchangeCodec.decryptHeader(header, keys()), ExchangeError.INVALID_ASSERTION);
    }

    @Test
    void aPreviousKeyInItsGracePeriodIsAccepted() throws Exception {
        KeyPair previous = TestKeys.otherRsa4096();
        String header = ExchangeCodec.authorizationHeader(assertion(), previous.getPublic());
        assertError(() -> ExchangeCodec.decryptHeader(header, keys()), ExchangeError.INVALID_ASSERTION);
        assertThat(ExchangeCodec.decryptHeader(header, List.of(exchangeKey.getPrivate(), previous.getPrivate()))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Basic dXNlcjpwYXNz", "bearer AAAA", "Bearer ", "Bearer not-valid-base64!!!",
            "Bearer AAA", "Bearer AAAA", "Bearer QUJD\nREVG", "Bearer  QUJDREVG" })
    void badHeadersAreInvalidAssertions(String header) {
        assertError(() -> ExchangeCodec.decryptHeader(header, keys()), ExchangeError.INVALID_ASSERTION);
    }

    @Test
    void missingAndHugeHeadersAreInvalidAssertions() {
        assertError(() -> ExchangeCodec.decryptHeader(null, keys()), ExchangeError.INVALID_ASSERTION);
        assertError(() -> ExchangeCodec.decryptHeader("Bearer " + "A".repeat(4096), keys()), ExchangeError.INVALID_ASSERTION);
    }

    @Test
    void legacyV1PlaintextIsRefused() {
        assertError(() -> ExchangeCodec.parse(SID.getBytes(StandardCharsets.UTF_8)), ExchangeError.LEGACY_EXCHANGE_DISABLED);
        assertError(() -> ExchangeCodec.parse("12345678".getBytes(StandardCharsets.UTF_8)), ExchangeError.LEGACY_EXCHANGE_DISABLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{not json",
        "{}",
        "{\"v\":1,\"sid\":\"abcdefgh\"}",
        "{\"v\":\"2\"}",
    })
    void malformedJsonIsRefused(String plaintext) {
        assertError(() -> ExchangeCodec.parse(plaintext.getBytes(StandardCharsets.UTF_8)), ExchangeError.MALFORMED_ASSERTION);
    }

    @Test
    void eachMissingOrBadFieldIsMalformed() {
        String good = new String(ExchangeCodec.plaintext(assertion()), StandardCharsets.UTF_8);
        for (String field : List.of("v", "sid", "prv", "iat", "nonce", "proof", "epk")) {
            String without = good.replaceFirst("\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[0-9]+),?", "");
            assertThat(without).isNotEqualTo(good);
            assertError(() -> ExchangeCodec.parse(without.getBytes(StandardCharsets.UTF_8)), ExchangeError.MALFORMED_ASSERTION);
        }
        List<String> bad = List.of(
                good.replace("\"sid\":\"" + SID, "\"sid\":\"short"),
                good.replace("\"sid\":\"" + SID, "\"sid\":\"has space in it"),
                good.replace("\"prv\":\"github\"", "\"prv\":\"gitlab\""),
                good.replace("\"iat\":1764400000", "\"iat\":-5"),
                good.replace("\"iat\":1764400000", "\"iat\":1.5"),
                good.replace("\"proof\":\"" + PROOF, "\"proof\":\"x"),
                good.replace("\"kty\":\"EC\"", "\"kty\":\"RSA\""),
                good.replace("\"crv\":\"P-256\"", "\"crv\":\"P-384\""),
                good.replaceFirst("\"x\":\"[^\"]+\"", "\"x\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\""),
                good.replace("{\"v\":2,", "{\"v\":2,\"extra\":true,"));
        for (String b : bad) {
            assertThat(b).isNotEqualTo(good);
            assertError(() -> ExchangeCodec.parse(b.getBytes(StandardCharsets.UTF_8)), ExchangeError.MALFORMED_ASSERTION);
        }
        assertError(() -> ExchangeCodec.parse(new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' }), ExchangeError.MALFORMED_ASSERTION);
    }

    @Test
    void assertionToStringHidesTheProof() {
        assertThat(assertion().toString()).doesNotContain(PROOF).contains("<hidden>");
    }

    interface Call {
        Object run() throws ExchangeException;
    }

    static void assertError(Call call, ExchangeError expected) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ExchangeException.class,
                e -> assertThat(e.error()).isEqualTo(expected));
    }
}
