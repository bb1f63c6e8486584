package io.ambientcode.controlplane.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free ports on 127.0.0.1 for sidecars. A port is kept across restarts while it stays free (MCP URLs stay valid). */
public final class LoopbackPorts {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackPorts() {
    }

    /** A port nothing listens on right now (the kernel's choice among ephemeral ports). */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether {@code port} can be bound on 127.0.0.1 now. */
    public static boolean isFree(int port) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code port} if it is still free, else a new one. */
    public static int keepOrPick(int port, int avoid) {
        return port > 0 && port != avoid && isFree(port) ? port : pickOtherThan(avoid);
    }

    private static int pickOtherThan(int avoid) {
        int port = pick();
        return port == avoid ? pick() : port;
    }
}
