package io.ambientcode.sidecar.google.gmail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GmailPureTest {

    @Test
    void mimeMessageHeadersAndBody() {
        String m = new String(MimeMessage.build(new MimeMessage.Fields("a@x.com", null, "b@x.com", "Hello", "Body ✓",
                "plain", null, null)), StandardCharsets.UTF_8);
        assertThat(m).startsWith("To: a@x.com\r\nBcc: b@x.com\r\nSubject: Hello\r\nMIME-Version: 1.0\r\n");
        assertThat(m).contains("Content-Transfer-Encoding: base64\r\n\r\n");
        String body = m.substring(m.indexOf("\r\n\r\n") + 4).strip();
        assertThat(new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8)).isEqualTo("Body ✓");
        assertThat(MimeMessage.encodedWord("Ünïcode")).startsWith("=?UTF-8?B?");
        assertThatThrownBy(() -> MimeMessage.build(new MimeMessage.Fields("a@x.com", null, null, "x\nBcc: e@x.com", "",
                null, null, null))).hasMessage("subject must not contain line breaks");
        assertThat(Base64.getUrlDecoder().decode(MimeMessage.raw(new MimeMessage.Fields("a@x.com", null, null, "s", "b",
                "html", null, null)))).asString().contains("text/html");
    }

    @Test
    void bodiesPreferPlainTextUnlessItIsAStub() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String plain = Base64.getUrlEncoder().encodeToString("<!-- your client does not support HTML -->".getBytes());
        String html = Base64.getUrlEncoder().encodeToString("<div>Real <b>content</b></div><script>x()</script>".getBytes());
        var payload = json.readTree("{\"mimeType\":\"multipart/alternative\",\"parts\":[{\"mimeType\":\"text/plain\","
                + "\"body\":{\"data\":\"" + plain + "\"}},{\"mimeType\":\"text/html\",\"body\":{\"data\":\"" + html + "\"}}]}");
        assertThat(GmailMessages.body(payload)).isEqualTo("Real content");
        assertThat(GmailMessages.body(json.readTree("{\"mimeType\":\"text/plain\"}"))).isEqualTo("[No readable content found]");
        assertThat(GmailMessages.htmlToText("a<br>b&amp;c<p>d</p>")).isEqualTo("a\nb&c d");
        assertThat(GmailMessages.decode("aGk=")).isEqualTo("hi");
    }
}
