package dev.caravan.registry.serde;

import dev.caravan.registry.client.SchemaRegistryException;
import java.util.function.Supplier;

/**
 * Retries a registry call while the registry is away (unreachable, or a 5xx answer), with
 * backoff, for at most the configured wait; any other answer (unknown id, incompatible schema) is
 * final at once. Ids are cached after the first answer, so this only costs when a schema is new to
 * the process.
 */
final class RegistryRetry {
  private static final long FIRST_BACKOFF_MS = 100;
  private static final long MAX_BACKOFF_MS = 5_000;

  private RegistryRetry() {}

  static <T> T call(long waitMs, Supplier<T> call) {
    long deadline = System.nanoTime() + waitMs * 1_000_000;
    long backoff = FIRST_BACKOFF_MS;
    while (true) {
      try {
        return call.get();
      } catch (SchemaRegistryException e) {
        boolean away = e.status() == -1 || e.status() >= 500;
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (!away || left <= 0) {
          throw e;
        }
        try {
          Thread.sleep(Math.min(backoff, left));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }
}
