package dev.caravan.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimitsTest {

    @Test
    void aBurstAcrossAWindowEdgeGetsNoMoreThanTheLimitInAnyOneSecond() {
        AtomicLong now = new AtomicLong(0);
        ClientRateLimits limits = new ClientRateLimits(500, now::get);
        // 900 requests in 0.17 s, straddling the edge of the first second (0.9 s to 1.07 s)
        now.set(900_000_000L);
        int allowed = 0;
        for (int i = 0; i < 900; i++) {
            now.set(900_000_000L + i * 170_000_000L / 900);
            allowed += limits.tryAcquire("10.0.0.1") ? 1 : 0;
        }
        assertThat(allowed).isLessThanOrEqualTo(500).isGreaterThanOrEqualTo(450);
        // another client is not affected
        assertThat(limits.tryAcquire("10.0.0.2")).isTrue();
        // two seconds later the budget is whole again
        now.addAndGet(2_000_000_000L);
        int later = 0;
        for (int i = 0; i < 600; i++) {
            later += limits.tryAcquire("10.0.0.1") ? 1 : 0;
        }
        assertThat(later).isEqualTo(500);
    }

    @Test
    void zeroTurnsLimitingOff() {
        ClientRateLimits limits = new ClientRateLimits(0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limits.tryAcquire("a")).isTrue();
        }
    }
}
