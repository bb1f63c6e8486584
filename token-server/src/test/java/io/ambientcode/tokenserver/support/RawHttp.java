package io.ambientcode.tokenserver.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * GET /token with an arbitrary Authorization header written byte for byte on a socket: HTTP client libraries refuse
 * to send the malformed headers a fuzzer needs.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Returns the status code the server answered, or -1 when it closed the connection without answering. */
    public static int getToken(int port, byte[] authorizationValue) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes("GET /token HTTP/1.1\r\nHost: localhost\r\nAuthorization: ".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(authorizationValue);
            request.writeBytes("\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                // The server may reject an oversized request before reading all of it; read what it answered.
            }
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            if (head.length < 12) {
                return -1;
            }
            String statusLine = new String(head, StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
