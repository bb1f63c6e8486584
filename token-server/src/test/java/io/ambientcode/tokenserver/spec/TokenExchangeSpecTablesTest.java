package io.ambientcode.tokenserver.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.ExchangeError;
import io.ambientcode.contracts.jwt.SessionTokenClaims;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.contracts.testing.SpecDocs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables of docs/specs/token-exchange.md against the code: error codes and statuses, fields, claims, limits. */
class TokenExchangeSpecTablesTest {

    private static final String DOC = "token-exchange.md";

    @Test
    void everyErrorCodeIsDocumentedWithItsStatus() {
        Map<String, String> documented = new LinkedHashMap<>();
        for (Map<String, String> row : SpecDocs.table(DOC, "#")) {
            String refusal = row.get("refusal");
            List<String> codes = SpecDocs.codeSpans(refusal);
            documented.put(codes.get(0), refusal.replaceAll("\\D*(\\d{3}).*", "$1"));
        }
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(ExchangeError.values()).map(ExchangeError::code).toList());
        for (ExchangeError e : ExchangeError.values()) {
            assertThat(documented.get(e.code())).as(e.code()).isEqualTo(String.valueOf(e.status()));
        }
    }

    @Test
    void plaintextFieldsAndProvidersMatchTheCodec() {
        List<String> fields = SpecDocs.table(DOC, "field").stream().map(r -> r.get("field")).toList();
        assertThat(fields).containsExactly("v", "sid", "prv", "iat", "nonce", "proof", "epk");
        String prvRule = SpecDocs.table(DOC, "field").get(2).get("rule");
        assertThat(SpecDocs.codeSpans(prvRule)).containsExactlyElementsOf(Provider.ids());
        assertThat(SpecDocs.read(DOC)).contains("at most 446 bytes").contains("at most 1,368 chars");
        assertThat(ExchangeCodec.MAX_PLAINTEXT_BYTES).isEqualTo(446);
        assertThat(ExchangeCodec.MAX_ENCODED_LENGTH).isEqualTo(1368);
    }

    @Test
    void claimTableMatchesTheClaimNames() {
        List<String> claims = SpecDocs.table(DOC, "claim").stream()
                .flatMap(r -> SpecDocs.codeSpans(r.get("claim")).stream()).toList();
        assertThat(claims).containsExactly("iss", "aud", "sub", SessionTokenClaims.SESSION_ID, SessionTokenClaims.PROJECT,
                SessionTokenClaims.PROVIDER, SessionTokenClaims.CREDENTIAL_IDS, SessionTokenClaims.CONFIRMATION, "iat", "exp", "jti");
        Map<String, String> byClaim = new LinkedHashMap<>();
        SpecDocs.table(DOC, "claim").forEach(r -> byClaim.put(r.get("claim"), r.get("value")));
        assertThat(byClaim.get("iss")).isEqualTo(SessionTokenClaims.ISSUER);
        assertThat(byClaim.get("aud")).isEqualTo(SessionTokenClaims.AUDIENCE);
        assertThat(byClaim.get("`iat`, `exp`")).contains(SessionTokenClaims.DEFAULT_LIFETIME.toSeconds() + " s")
                .contains(SessionTokenClaims.MAX_LIFETIME.toSeconds() + " s");
    }
}
