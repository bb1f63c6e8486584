package io.ambientcode.sidecar.k8s.client;

import io.ambientcode.sidecar.tools.UpstreamException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/**
 * API server errors become tool errors: the HTTP status and the Status {@code message} the API server gave
 * ("configmaps \"x\" not found"); a server that cannot be reached is status 0 with the kind of failure. fabric8's own
 * exception text (operation, URL, nested causes) is not passed on. Pure.
 */
public final class KubeErrors {

    private KubeErrors() {
    }

    public static UpstreamException toUpstream(KubernetesClientException e) {
        int code = e.getCode();
        Status status = e.getStatus();
        if (code > 0) {
            String message = status != null && status.getMessage() != null && !status.getMessage().isBlank()
                    ? status.getMessage()
                    : status != null && status.getReason() != null ? status.getReason() : reason(code);
            return new UpstreamException(code, message);
        }
        return new UpstreamException(0, transport(e));
    }

    /** What went wrong on the way to the API server, without addresses or messages from the platform. */
    static String transport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof HttpTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                return "timed out";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed (check certificate-authority-data / insecure-skip-tls-verify)";
            }
            if (t instanceof IOException) {
                return "connection failed";
            }
        }
        return "request failed";
    }

    private static String reason(int code) {
        return switch (code) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            default -> "HTTP " + code;
        };
    }
}
