package dev.caravan.ingest.api;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request budget per client (its address), so one misbehaving newsroom system cannot starve the
 * others. resilience4j does the counting; this class only keeps one limiter per client and forgets
 * the least recently seen ones, so many addresses cannot grow memory without bound.
 */
final class ClientRateLimits {

    private static final int MAX_CLIENTS = 10_000;

    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** @param requestsPerSecond 0 turns limiting off */
    ClientRateLimits(int requestsPerSecond) {
        this.config = requestsPerSecond <= 0 ? null : RateLimiterConfig.custom()
                .limitForPeriod(requestsPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    boolean enabled() {
        return config != null;
    }

    /** True when this client may send one more request now. */
    boolean tryAcquire(String client) {
        if (config == null) {
            return true;
        }
        RateLimiter limiter;
        synchronized (limiters) {
            limiter = limiters.computeIfAbsent(client, c -> RateLimiter.of("ingest-" + c, config));
        }
        return limiter.acquirePermission();
    }
}
