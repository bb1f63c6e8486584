package io.ambientcode.tokenserver.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code ambient_token_exchanges_total{outcome}} and {@code ambient_token_exchange_seconds{outcome}}. The outcome is
 * {@code ok} or a stable error code: a fixed, small label set that can never carry a secret.
 */
@Singleton
public class ExchangeMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ExchangeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String outcome, long nanos) {
        counters.computeIfAbsent(outcome, o -> Counter.builder("ambient.token.exchanges")
                .description("Token exchanges by outcome (ok or error code)").tag("outcome", o).register(registry))
                .increment();
        timers.computeIfAbsent(outcome, o -> Timer.builder("ambient.token.exchange")
                .description("Token exchange latency by outcome").tag("outcome", o).register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
