package io.ambientcode.sidecar.google.drive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The {@code multipart/related} body of a Drive multipart upload: JSON metadata, then the content. Pure. */
final class Multipart {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Multipart() {
    }

    static byte[] related(String boundary, Map<String, Object> metadata, String contentType, String content) {
        String json;
        try {
            json = JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode the file metadata");
        }
        String text = "--" + boundary + "\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n"
                + json + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: " + contentType + "; charset=UTF-8\r\n\r\n"
                + content + "\r\n"
                + "--" + boundary + "--\r\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
