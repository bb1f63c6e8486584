package io.ambientcode.systemtests.kubernetes.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One of our services as a replaceable process: started again on the same port with the same environment after it was
 * stopped, killed or frozen, as a Deployment's pod is replaced behind its Service address. Every incarnation appends to
 * the same log file. Health is on the service port ({@code /q/health/ready}).
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> env;
    private final int port;
    private volatile JavaProcess process;

    private ServiceProcess(String name, Path jar, List<String> jvmOptions, Map<String, String> env, int port) {
        this.name = name;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.env = Map.copyOf(env);
        this.port = port;
    }

    /** Starts the process (not waiting for readiness); {@code env} must set the port the service listens on. */
    public static ServiceProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> env, int port) {
        ServiceProcess s = new ServiceProcess(name, jar, jvmOptions, env, port);
        s.start();
        return s;
    }

    /** A new incarnation; the previous one must be gone. */
    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        process = JavaProcess.start(name, jar, jvmOptions, env);
        return this;
    }

    public ServiceProcess awaitReady(Duration timeout) {
        process.awaitOk(url() + "/q/health/ready", timeout);
        return this;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The current incarnation. */
    public JavaProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM and wait: a graceful stop, as a rolling update does. */
    public void stop() {
        process.close();
    }

    /** SIGKILL: a crash. */
    public void kill() {
        process.kill();
    }

    /** SIGSTOP: a hung process that still accepts connections. */
    public void freeze() {
        process.freeze();
    }

    public void thaw() {
        process.thaw();
    }

    @Override
    public void close() {
        JavaProcess p = process;
        if (p != null) {
            if (p.isAlive()) {
                try {
                    p.thaw(); // a frozen process would not act on SIGTERM
                } catch (RuntimeException e) {
                    // it ended meanwhile
                }
            }
            p.close();
        }
    }
}
