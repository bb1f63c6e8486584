package io.ambientcode.tokenserver.bench;

import io.ambientcode.contracts.crypto.EcKeys;
import io.ambientcode.contracts.crypto.EcPublicJwk;
import io.ambientcode.contracts.exchange.ExchangeAssertion;
import io.ambientcode.contracts.exchange.ExchangeCodec;
import io.ambientcode.contracts.exchange.RsaOaep;
import io.ambientcode.contracts.session.SessionPhase;
import io.ambientcode.tokenserver.exchange.RateLimiter;
import io.ambientcode.tokenserver.exchange.ReplayCache;
import io.ambientcode.tokenserver.exchange.SessionTokenMinter;
import io.ambientcode.tokenserver.exchange.TokenExchange;
import io.ambientcode.tokenserver.keys.FileKeyStore;
import io.ambientcode.tokenserver.keys.KeyRing;
import io.ambientcode.tokenserver.session.SessionDirectory;
import io.ambientcode.tokenserver.session.SessionRecord;
import java.nio.file.Files;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Issue 2, acceptance 5: the full exchange path (decrypt, parse, checks, JWT sign, JWE) beside a bare RSA-4096 OAEP
 * decrypt, in the same run. Not part of the test suite; run with {@code ./mvnw -pl token-server -Pbench verify}
 * (see the README). The session directory is in memory: the Kubernetes lookup is cached and not part of this path.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ExchangeBenchmark {

    private static final String SID = "bench-0000-session-id";
    private static final String PROOF = "QmVuY2htYXJrUHJvb2ZCZW5jaG1hcmtQcm9vZkJlbmM";
    private static final int POOL = 4000;

    private KeyRing keys;
    private TokenExchange exchange;
    private byte[] bareCiphertext;
    private String[] headers;
    private final AtomicInteger next = new AtomicInteger();
    private SessionTokenMinter minter;
    private SessionRecord session;
    private ExchangeAssertion assertion;
    private ECPublicKey epkKey;
    private byte[] plaintext;

    @Setup(Level.Trial)
    public void setUpTrial() throws Exception {
        keys = new KeyRing(new FileKeyStore(Files.createTempDirectory("bench-keys"), Clock.systemUTC()), Clock.systemUTC(),
                Duration.ZERO);
        keys.start();
        session = new SessionRecord(SID, "bench", SessionPhase.Running, Map.of("github", "cred-bench-01"),
                Map.of("github", PROOF));
        SessionDirectory directory = new SessionDirectory() {
            @Override
            public Optional<SessionRecord> find(String sessionId) {
                return Optional.of(session);
            }

            @Override
            public boolean isReady() {
                return true;
            }
        };
        exchange = new TokenExchange(Clock.systemUTC(), keys, directory, new ReplayCache(Duration.ofSeconds(120), 10_000_000),
                new RateLimiter(Integer.MAX_VALUE), new SessionTokenMinter(Duration.ofSeconds(600)), Duration.ofSeconds(60));
        epkKey = (ECPublicKey) EcKeys.generateP256().getPublic();
        EcPublicJwk epk = EcPublicJwk.of(epkKey);
        assertion = ExchangeAssertion.create(SID, "github", PROOF, epk, Instant.now().getEpochSecond());
        plaintext = ExchangeCodec.plaintext(assertion);
        bareCiphertext = RsaOaep.encrypt(keys.current().exchangePublicKey(), plaintext);
        minter = new SessionTokenMinter(Duration.ofSeconds(600));
    }

    /**
     * Fresh assertions (unique nonces, current iat) for each iteration, made outside the measured code; only
     * {@link #fullExchange} uses them, so the others do not wait for {@value #POOL} encryptions per iteration.
     */
    @Setup(Level.Iteration)
    public void setUpIteration(BenchmarkParams params) {
        if (!params.getBenchmark().endsWith(".fullExchange")) {
            return;
        }
        EcPublicJwk epk = EcPublicJwk.of((ECPublicKey) EcKeys.generateP256().getPublic());
        long now = Instant.now().getEpochSecond();
        headers = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            headers[i] = ExchangeCodec.authorizationHeader(ExchangeAssertion.create(SID, "github", PROOF, epk, now),
                    keys.current().exchangePublicKey());
        }
        next.set(0);
    }

    @Benchmark
    public byte[] bareRsa4096OaepDecrypt() throws Exception {
        return RsaOaep.decrypt(keys.current().exchangeKey(), bareCiphertext);
    }

    /** The pieces of the full path, to show where its time goes. */
    @Benchmark
    public String partJwtSign() {
        return minter.mint(assertion, session, Instant.now(), keys.current().signingKey());
    }

    @Benchmark
    public String partJweEncrypt() {
        return io.ambientcode.contracts.crypto.Jwe.encrypt("{\"token\":\"x\"}", epkKey);
    }

    @Benchmark
    public Object partParseAndKey() throws Exception {
        return ExchangeCodec.parse(plaintext).epk().toPublicKey();
    }

    @Benchmark
    public String fullExchange() throws Exception {
        return exchange.exchange(headers[next.getAndIncrement() % POOL]).jwe();
    }

    /** Lets the benchmark run from the test classpath with {@code java -cp ... ExchangeBenchmark}. */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] { ExchangeBenchmark.class.getSimpleName() });
    }
}
