package dev.caravan.index.bulk;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter. Hand-written rather than a resilience4j Retry because the
 * bulk loop retries only the failed items of a batch, not one call, and must stop on shutdown.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;

    public Backoff(long initialMs, long maxMs) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
    }

    /** Delay before retry number {@code attempt} (0-based): random in [cap/2, cap], cap = initial * 2^attempt. */
    public long delayMs(int attempt) {
        long cap = Math.min(maxMs, initialMs << Math.min(attempt, 30));
        return cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    }
}
