package io.ambientcode.systemtests.kubernetes.harness;

import io.ambientcode.contracts.crypto.Pem;
import io.ambientcode.contracts.provider.Provider;
import io.ambientcode.systemtests.deploy.DeploySync;
import io.ambientcode.systemtests.support.Http;
import io.ambientcode.systemtests.support.Ports;
import io.ambientcode.systemtests.support.Repository;
import io.ambientcode.systemtests.support.RunSecrets;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The three services as real processes, configured the way deploy/ configures them (the same environment variable
 * names), against the mock API server, PostgreSQL and each other: the token server (keys generated into the Secret
 * ambient-cp-token-keypair on first start), the credential API, and the control plane with server-side apply off (the
 * mock does not implement it) and the token server's public key read from {@code GET /public-key}, the bootstrap an
 * operator does. Sidecars are told the addresses of two {@link NetworkTap}s in front of the token server and the
 * credential API.
 */
public final class Services implements AutoCloseable {

    public static final String SERVICES_NAMESPACE = "ambient-code";
    public static final String SESSIONS_NAMESPACE = "ambient-sessions";
    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final MockCluster cluster;
    private final ImageCatalog images;
    private final KeyPair userIssuer = rsa(2048);
    private final Options options;
    private ServiceProcess tokenServer;
    private ServiceProcess credentialApi;
    private ServiceProcess controlPlane;
    private NetworkTap tokenTap;
    private NetworkTap apiTap;
    private String tokenServerUrl;
    private String credentialApiUrl;
    private String exchangePublicKey;
    private Map<String, String> controlPlaneEnv;
    private Map<String, String> tokenServerEnv;

    /**
     * How a run configures the services.
     *
     * @param database             the credential API's database (recreated at start)
     * @param sessionTokenLifetime short, so that expiry is observable within a test run
     * @param taps                 sidecars reach the token server and the credential API through recording
     *                             {@link NetworkTap}s (the attacks need them); without, they reach them directly
     */
    public record Options(Database database, Duration sessionTokenLifetime, boolean taps) {
    }

    private Services(MockCluster cluster, ImageCatalog images, Options options) {
        this.cluster = cluster;
        this.images = images;
        this.options = options;
    }

    /** The Kubernetes path: the machine's PostgreSQL, taps in front of the services. */
    public static Services start(ImageCatalog images, Duration sessionTokenLifetime) {
        return start(images, new Options(Database.SYSTEM_TESTS, sessionTokenLifetime, true));
    }

    /** Starts everything as {@code options} say. */
    public static Services start(ImageCatalog images, Options options) {
        MockCluster cluster = MockCluster.start()
                .withCrd(DeploySync.crd())
                .withNamespaces(Map.of(SERVICES_NAMESPACE, Map.of(),
                        SESSIONS_NAMESPACE, Map.of("ambient-code.io/sessions", "true")));
        Services s = new Services(cluster, images, options);
        try {
            s.startAll(options.sessionTokenLifetime());
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void startAll(Duration lifetime) {
        Database database = options.database();
        database.recreate();
        int tokenPort = Ports.free();
        int apiPort = Ports.free();
        tokenServerUrl = "http://127.0.0.1:" + tokenPort;
        credentialApiUrl = "http://127.0.0.1:" + apiPort;

        Map<String, String> kube = kubernetesClientEnv();
        Map<String, String> ts = new LinkedHashMap<>(kube);
        ts.put("QUARKUS_HTTP_PORT", Integer.toString(tokenPort));
        ts.put("AMBIENT_TOKEN_SESSIONS_NAMESPACES", SESSIONS_NAMESPACE);
        ts.put("AMBIENT_TOKEN_SESSION_TOKEN_LIFETIME", lifetime.toSeconds() + "s");
        tokenServerEnv = Map.copyOf(ts);
        tokenServer = ServiceProcess.start("token-server", Repository.quarkusApp("token-server"), jvm(), ts, tokenPort);

        KeyPair controlPlaneKey = rsa(2048);
        String signingPem = Pem.toPkcs8Pem(controlPlaneKey.getPrivate());
        RunSecrets.registerPem("control plane signing key", signingPem);
        RunSecrets.registerPem("user issuer private key", Pem.toPkcs8Pem(userIssuer.getPrivate()));
        byte[] encryptionKey = new byte[32];
        new SecureRandom().nextBytes(encryptionKey);
        Map<String, String> api = new LinkedHashMap<>();
        api.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
        api.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        api.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        api.put("AMBIENT_ENCRYPTION_KEYS__1_", RunSecrets.register("credential API encryption key",
                Base64.getEncoder().encodeToString(encryptionKey)));
        api.put("AMBIENT_ENCRYPTION_CURRENT_VERSION", "1");
        api.put("AMBIENT_USER_ISSUER", Users.ISSUER);
        api.put("AMBIENT_AUTH_USERS_PUBLIC_KEY", Pem.toSpkiPem(userIssuer.getPublic()));
        api.put("AMBIENT_AUTH_CONTROL_PLANE_PUBLIC_KEY", Pem.toSpkiPem(controlPlaneKey.getPublic()));
        api.put("AMBIENT_TOKEN_SERVER_JWKS_URL", tokenServerUrl + "/.well-known/jwks.json");
        credentialApi = ServiceProcess.start("credential-api", Repository.quarkusApp("credential-api"), jvm(), api, apiPort);

        CompletableFuture<Void> apiReady = CompletableFuture.runAsync(() -> credentialApi.awaitReady(STARTUP));
        tokenServer.awaitReady(STARTUP);
        registerTokenServerKeys();

        // Key bootstrap, as an operator does it: the exchange public key the token server generated.
        Http.Response publicKey = Http.get(tokenServerUrl + "/public-key", Map.of());
        if (publicKey.status() != 200) {
            throw new IllegalStateException("GET /public-key answered " + publicKey.status());
        }
        exchangePublicKey = publicKey.body();

        String sidecarsTokenUrl = tokenServerUrl;
        String sidecarsApiUrl = credentialApiUrl;
        if (options.taps()) {
            tokenTap = new NetworkTap("token-server", tokenServerUrl);
            apiTap = new NetworkTap("credential-api", credentialApiUrl);
            sidecarsTokenUrl = tokenTap.url();
            sidecarsApiUrl = apiTap.url();
        }

        int controlPlanePort = Ports.free();
        Map<String, String> cp = new LinkedHashMap<>(kube);
        cp.put("QUARKUS_HTTP_PORT", Integer.toString(controlPlanePort));
        cp.put("AMBIENT_CONTROL_PLANE_OPERATOR_NAMESPACES", SESSIONS_NAMESPACE);
        cp.put("AMBIENT_CONTROL_PLANE_OPERATOR_SERVER_SIDE_APPLY", "false");
        cp.put("AMBIENT_CONTROL_PLANE_CREDENTIAL_API_URL", credentialApiUrl);
        cp.put("AMBIENT_CONTROL_PLANE_CREDENTIAL_API_SIGNING_KEY_FILE", privateFile("control-plane-signing", signingPem).toString());
        cp.put("AMBIENT_CONTROL_PLANE_TOKEN_SERVER_URL", sidecarsTokenUrl + "/token");
        cp.put("AMBIENT_CONTROL_PLANE_TOKEN_SERVER_PUBLIC_KEY", exchangePublicKey);
        cp.put("AMBIENT_CONTROL_PLANE_SIDECARS_API_URL", sidecarsApiUrl);
        for (Provider p : images.providers()) {
            cp.put("AMBIENT_CONTROL_PLANE_SIDECARS_IMAGES_" + p.id().toUpperCase(), ImageCatalog.imageOf(p));
        }
        controlPlaneEnv = Map.copyOf(cp);
        controlPlane = ServiceProcess.start("control-plane", Repository.quarkusApp("control-plane"), jvm(), cp, controlPlanePort);
        apiReady.join();
        controlPlane.awaitReady(STARTUP);
    }

    /**
     * Another token server replica, configured like the first (same API server, same Secret for its keys) on its own
     * port; started and ready. The caller closes it.
     */
    public ServiceProcess startTokenServerReplica(String name) {
        int port = Ports.free();
        Map<String, String> env = new LinkedHashMap<>(tokenServerEnv);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        ServiceProcess replica = ServiceProcess.start(name, Repository.quarkusApp("token-server"), jvm(), env, port);
        try {
            return replica.awaitReady(STARTUP);
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    /**
     * Another control plane, configured like the first except for {@code overrides} (an empty value is what an empty
     * ConfigMap entry gives), on its own port; started and ready. The caller closes it.
     */
    public JavaProcess startControlPlane(String name, Map<String, String> overrides) {
        int port = Ports.free();
        Map<String, String> env = new LinkedHashMap<>(controlPlaneEnv);
        env.putAll(overrides);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        JavaProcess process = JavaProcess.start(name, Repository.quarkusApp("control-plane"), jvm(), env);
        try {
            return process.awaitOk("http://127.0.0.1:" + port + "/q/health/ready", STARTUP);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    /** The services' own JVMs: small, as in their containers. */
    private static List<String> jvm() {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-Xss512k");
    }

    private Map<String, String> kubernetesClientEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", cluster.url());
        env.put("QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS", "true");
        env.put("QUARKUS_KUBERNETES_CLIENT_NAMESPACE", SERVICES_NAMESPACE);
        env.put("KUBERNETES_NAMESPACE", SERVICES_NAMESPACE);
        return env;
    }

    /** The keys the token server generated into its Secret are secrets of this run too. */
    private void registerTokenServerKeys() {
        Secret keys = cluster.client().secrets().inNamespace(SERVICES_NAMESPACE).withName("ambient-cp-token-keypair").get();
        if (keys == null) {
            throw new IllegalStateException("the token server did not create Secret ambient-cp-token-keypair");
        }
        keys.getData().forEach((k, v) -> {
            String pem = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
            if (pem.contains("PRIVATE KEY")) {
                RunSecrets.registerPem("token server " + k, pem);
            }
        });
    }

    private static Path privateFile(String name, String content) {
        try {
            Path dir = Files.createTempDirectory("systest-" + name,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path file = dir.resolve(name + ".pem");
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public MockCluster cluster() {
        return cluster;
    }

    public String tokenServerUrl() {
        return tokenServerUrl;
    }

    public String credentialApiUrl() {
        return credentialApiUrl;
    }

    public String exchangePublicKey() {
        return exchangePublicKey;
    }

    /** The recording tap in front of the token server (null when the run has no taps). */
    public NetworkTap tokenTap() {
        return tokenTap;
    }

    /** The recording tap in front of the credential API (null when the run has no taps). */
    public NetworkTap apiTap() {
        return apiTap;
    }

    /** The token server as a replaceable process (stop, kill, start again on the same port). */
    public ServiceProcess tokenServer() {
        return tokenServer;
    }

    public ServiceProcess credentialApi() {
        return credentialApi;
    }

    public ServiceProcess controlPlane() {
        return controlPlane;
    }

    /** How long the services wait for a (re)started service to be ready. */
    public static Duration startupTimeout() {
        return STARTUP;
    }

    public Users users() {
        return new Users(credentialApiUrl, userIssuer);
    }

    public List<JavaProcess> processes() {
        return java.util.stream.Stream.of(tokenServer, credentialApi, controlPlane).filter(java.util.Objects::nonNull)
                .map(ServiceProcess::process).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] { controlPlane, credentialApi, tokenServer, tokenTap, apiTap }) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // keep closing the rest
                }
            }
        }
        cluster.close();
    }
}
