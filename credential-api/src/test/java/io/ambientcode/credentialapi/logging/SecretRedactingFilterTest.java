package io.ambientcode.credentialapi.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class SecretRedactingFilterTest {

    private static final String PAT = "ghp_" + "a1B2c3D4e5".repeat(4);
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl";

    @Test
    void masksTokenShapesInMessagesAndParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "upstream said %s with %s", ExtLogRecord.FormatStyle.PRINTF,
                SecretRedactingFilterTest.class.getName());
        record.setParameters(new Object[] { PAT, "Bearer " + JWT });
        assertThat(new SecretRedactingFilter().isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage()).doesNotContain(PAT).doesNotContain(JWT).contains("[REDACTED]");
    }

    @Test
    void masksSecretsInExceptionMessagesAndKeepsTheStack() {
        IllegalStateException cause = new IllegalStateException("token " + PAT + " rejected");
        RuntimeException top = new RuntimeException("wrapper", cause);
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "failed", SecretRedactingFilterTest.class.getName());
        record.setThrown(top);
        new SecretRedactingFilter().isLoggable(record);
        Throwable t = record.getThrown();
        assertThat(t.getMessage()).contains("wrapper");
        assertThat(t.getCause().getMessage()).doesNotContain(PAT).contains(IllegalStateException.class.getName());
        assertThat(t.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    }

    @Test
    void leavesCleanRecordsAlone() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Credential %s created", ExtLogRecord.FormatStyle.PRINTF,
                SecretRedactingFilterTest.class.getName());
        record.setParameters(new Object[] { "01a2-id" });
        RuntimeException e = new RuntimeException("plain");
        record.setThrown(e);
        new SecretRedactingFilter().isLoggable(record);
        assertThat(record.getFormattedMessage()).isEqualTo("Credential 01a2-id created");
        assertThat(record.getThrown()).isSameAs(e);
    }
}
