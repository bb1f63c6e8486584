package io.ambientcode.acpctl.http;

import io.ambientcode.acpctl.cli.CliException;
import io.ambientcode.acpctl.cli.ExitCodes;

/**
 * An error answer of one of the suite's services, rendered on one line with the problem's {@code code} and
 * {@code field} (ARCHITECTURE.md section 5). The exit code follows the HTTP status ({@link ExitCodes#forHttpStatus}).
 */
public final class ServiceError extends CliException {

    private final int status;
    private final String code;
    private final String field;

    public ServiceError(int status, String code, String field, String message) {
        super(ExitCodes.forHttpStatus(status), message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
