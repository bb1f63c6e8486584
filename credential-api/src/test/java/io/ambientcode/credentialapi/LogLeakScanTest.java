package io.ambientcode.credentialapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.contracts.redact.SecretRedactor;
import io.ambientcode.credentialapi.support.TestSecrets;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 6 (invariant I5), run after every other test of the main application: the service's captured log
 * (DEBUG for this service, access log on) and every response body the suite received contain no credential token,
 * no JWT, and no key material, in plain, base64 or base64url form.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
class LogLeakScanTest {

    private static final Path LOG = Path.of("target", "test-logs", "credential-api.log");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final SecretRedactor SHAPES = SecretRedactor.shapesOnly();
    private static final Pattern CREDENTIAL_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @Test
    void noSecretInAnyLogLineOrResponse() throws Exception {
        assertThat(LOG).exists();
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        List<String> responses = TestSecrets.responses();
        Set<String> secrets = TestSecrets.all();

        // Positive controls: the scan looks at a real log and real responses (the whole suite's when run with it), and
        // the log does carry the ids of this run's credentials.
        assertThat(log.lines().count()).as("log lines captured").isGreaterThan(5);
        assertThat(responses.size()).as("responses captured").isGreaterThan(5);
        assertThat(secrets.size()).as("secrets registered").isGreaterThan(5);
        List<String> ids = new ArrayList<>();
        for (String r : responses) {
            Matcher m = CREDENTIAL_ID.matcher(r);
            while (m.find() && ids.size() < 50) {
                ids.add(m.group(1));
            }
        }
        assertThat(ids).isNotEmpty();
        assertThat(ids.stream().filter(log::contains).count()).as("logs carry credential ids").isPositive();
        assertThat(log).contains("delivered to session").doesNotContain("Authorization=");

        List<String> forms = new ArrayList<>();
        for (String s : secrets) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            forms.add(s);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        SecretRedactor redactor = SecretRedactor.of(secrets);
        List<String> findings = new ArrayList<>();
        log.lines().forEach(line -> {
            if (containsAny(line, forms) || SHAPES.containsSecret(line) || line.contains("PRIVATE KEY")
                    || line.contains("enc:v")) {
                findings.add("log: " + abbreviate(redactor.redact(line)));
            }
        });
        for (String r : responses) {
            // A JWE reply (application/jose) is shaped like a JWT by construction; only literal secrets count there.
            boolean jose = r.contains("Content-Type=application/jose");
            if (containsAny(r, forms) || (!jose && (SHAPES.containsSecret(r) || JWT.matcher(r).find()))
                    || r.contains("PRIVATE KEY") || r.contains("enc:v")) {
                findings.add("response: " + abbreviate(redactor.redact(r)));
            }
        }
        assertThat(findings).as("lines or responses holding secrets (shown redacted)").isEmpty();
    }

    private static boolean containsAny(String text, List<String> needles) {
        for (String n : needles) {
            if (text.contains(n)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
