package io.ambientcode.sidecar.google.drive;

import static org.assertj.core.api.Assertions.assertThat;

import io.ambientcode.sidecar.google.client.GoogleApi;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrivePureTest {

    @Test
    void freeTextIsWrappedAndDriveQueriesKept() {
        assertThat(DriveQuery.of("budget 2026")).isEqualTo("fullText contains 'budget 2026'");
        assertThat(DriveQuery.of("it's \\ here")).isEqualTo("fullText contains 'it\\'s \\\\ here'");
        assertThat(DriveQuery.of("name contains 'plan'")).isEqualTo("name contains 'plan'");
        assertThat(DriveQuery.of("mimeType='application/pdf'")).isEqualTo("mimeType='application/pdf'");
        assertThat(DriveQuery.of("'abc' in parents")).isEqualTo("'abc' in parents");
        assertThat(DriveQuery.of("starred")).isEqualTo("starred");
        assertThat(DriveQuery.inFolder("root")).isEqualTo("'root' in parents and trashed = false");
    }

    @Test
    void multipartHasMetadataThenContent() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "n");
        meta.put("parents", List.of("root"));
        String body = new String(Multipart.related("B", meta, "text/plain", "hi"), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("--B\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{\"name\":\"n\",\"parents\":"
                + "[\"root\"]}\r\n--B\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nhi\r\n--B--\r\n");
    }

    @Test
    void contentIsTextOrANote() {
        assertThat(DriveTools.text(new GoogleApi.Download("héllo".getBytes(StandardCharsets.UTF_8), false, ""), "text/plain"))
                .isEqualTo("héllo");
        assertThat(DriveTools.text(new GoogleApi.Download("cut".getBytes(StandardCharsets.UTF_8), true, ""), "text/plain"))
                .isEqualTo("cut\n[content truncated]");
        assertThat(DriveTools.text(new GoogleApi.Download(new byte[] { (byte) 0xc3, 0x28 }, false, ""), "application/zip"))
                .isEqualTo("[Binary content of type 'application/zip', 2 bytes; not shown]");
    }
}
