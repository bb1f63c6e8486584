package io.ambientcode.sidecar.google.gmail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RFC 5322 message Gmail's {@code messages.send} and {@code drafts.create} take as {@code raw} (base64url):
 * headers (non-ASCII subject as an RFC 2047 encoded word), {@code text/plain} or {@code text/html} UTF-8 body in
 * base64. Header values with line breaks are refused: they would inject headers (a Bcc nobody asked for). Pure.
 */
public final class MimeMessage {

    private MimeMessage() {
    }

    /** The fields an agent can set; null or blank ones are left out. */
    public record Fields(String to, String cc, String bcc, String subject, String body, String bodyFormat,
            String inReplyTo, String references) {
    }

    public static byte[] build(Fields f) {
        String format = f.bodyFormat() == null || f.bodyFormat().isBlank() ? "plain" : f.bodyFormat().strip().toLowerCase();
        if (!format.equals("plain") && !format.equals("html")) {
            throw new IllegalArgumentException("body_format must be 'plain' or 'html'");
        }
        String subject = f.subject() == null ? "" : f.subject();
        if (f.inReplyTo() != null && !f.inReplyTo().isBlank() && !subject.toLowerCase().startsWith("re:")) {
            subject = "Re: " + subject;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("To", f.to());
        headers.put("Cc", f.cc());
        headers.put("Bcc", f.bcc());
        headers.put("Subject", subject);
        headers.put("In-Reply-To", f.inReplyTo());
        headers.put("References", f.references());
        headers.put("MIME-Version", "1.0");
        headers.put("Content-Type", "text/" + format + "; charset=\"UTF-8\"");
        headers.put("Content-Transfer-Encoding", "base64");
        StringBuilder out = new StringBuilder();
        headers.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException(name.toLowerCase() + " must not contain line breaks");
                }
                out.append(name).append(": ").append(name.equals("Subject") ? encodedWord(value.strip()) : value.strip())
                        .append("\r\n");
            }
        });
        out.append("\r\n");
        out.append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString((f.body() == null ? "" : f.body()).getBytes(StandardCharsets.UTF_8)));
        out.append("\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The message as Gmail's {@code raw} field: base64url. */
    public static String raw(Fields f) {
        return Base64.getUrlEncoder().encodeToString(build(f));
    }

    static String encodedWord(String text) {
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }
}
