package io.ambientcode.tokenserver.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ambientcode.contracts.crypto.Jwe;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeReply;
import io.ambientcode.tokenserver.exchange.SessionTokenMinter;
import io.ambientcode.tokenserver.keys.SigningKey;
import io.ambientcode.tokenserver.session.SessionRecord;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.contracts.crypto.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/specs/token-exchange.md true: every value of its worked example is recomputed from the fake example keys
 * (deterministic parts compared exactly, randomised parts decrypted), and the example's claims are the claims the real
 * minter produces. To refresh the document after a protocol change, run {@link SpecExample#main}.
 */
class TokenExchangeSpecExampleTest {

    private static final Path DOC = Path.of("..", "docs", "specs", "token-exchange.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SpecExample example = new SpecExample();
    private final Map<String, String> blocks = blocks();

    @Test
    void plaintextIsTheCodecOutputByteForByte() {
        assertThat(blocks.get("plaintext")).isEqualTo(example.plaintext());
        assertThat(DOC_TEXT).contains("(" + example.plaintext().getBytes(StandardCharsets.UTF_8).length + " bytes)");
        assertThat(example.plaintext().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ExchangeCodec.MAX_PLAINTEXT_BYTES);
    }

    @Test
    void authorizationHeaderDecryptsToThePlaintext() throws Exception {
        String header = blocks.get("authorization");
        assertThat(header).startsWith("Bearer ").hasSize(7 + 684);
        byte[] plaintext = ExchangeCodec.decryptHeader(header, List.of(example.exchangePrivate));
        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(example.plaintext());
        assertThat(ExchangeCodec.parse(plaintext)).isEqualTo(example.assertion());
    }

    @Test
    void claimsAreWhatTheMinterProduces() throws Exception {
        assertThat(JSON.readTree(blocks.get("claims"))).isEqualTo(JSON.readTree(example.claimsJson()));
        SessionRecord session = new SessionRecord(SpecExample.SID, SpecExample.PROJECT, SessionPhase.Running,
                Map.of("github", SpecExample.CREDENTIAL_ID, "jira", "cred-other-jira"), Map.of());
        String minted = new SessionTokenMinter(Duration.ofSeconds(600)).mint(example.assertion(), session,
                Instant.ofEpochSecond(SpecExample.IAT), SigningKey.of(example.signingPrivate, Pem.publicKeyOf(example.signingPrivate)));
        JsonWebSignature jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(minted);
        jws.setKey(Pem.publicKeyOf(example.signingPrivate));
        assertThat(jws.verifySignature()).isTrue();
        Map<String, Object> mintedClaims = new LinkedHashMap<>(JwtClaims.parse(jws.getPayload()).getClaimsMap());
        Map<String, Object> documented = new LinkedHashMap<>(JSON.readValue(blocks.get("claims"), Map.class));
        assertThat(mintedClaims.remove("jti")).isNotNull();
        documented.remove("jti");
        assertThat(JSON.readTree(JSON.writeValueAsString(mintedClaims))).isEqualTo(JSON.readTree(JSON.writeValueAsString(documented)));
        assertThat(jws.getKeyIdHeaderValue()).isEqualTo(example.signingKid);
    }

    @Test
    void jwtIsTheDeterministicSignatureOfTheClaims() throws Exception {
        assertThat(blocks.get("jwt")).isEqualTo(example.jwt());
        assertThat(DOC_TEXT).contains("`" + example.signingKid + "`");
    }

    @Test
    void jweDecryptsToTheReplyWithTheEphemeralKey() throws Exception {
        JsonNode documentedReply = JSON.readTree(blocks.get("reply"));
        assertThat(documentedReply).isEqualTo(JSON.readTree(example.replyJson()));
        String decrypted = Jwe.decrypt(blocks.get("jwe"), example.ephemeralPrivate);
        assertThat(JSON.readTree(decrypted)).isEqualTo(documentedReply);
        ExchangeReply reply = JSON.readValue(decrypted, ExchangeReply.class);
        assertThat(reply.token()).isEqualTo(example.jwt());
    }

    private static final String DOC_TEXT = read();

    private static String read() {
        try {
            return Files.readString(DOC);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + DOC.toAbsolutePath(), e);
        }
    }

    /** Fenced blocks tagged {@code spec:<name>}. */
    private static Map<String, String> blocks() {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("```\\w+ spec:([a-z-]+)\\n(.*?)\\n```", Pattern.DOTALL).matcher(DOC_TEXT);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        assertThat(out).containsKeys("plaintext", "authorization", "claims", "jwt", "reply", "jwe");
        return out;
    }
}
