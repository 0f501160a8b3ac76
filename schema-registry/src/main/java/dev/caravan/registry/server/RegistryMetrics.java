package dev.caravan.registry.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The registry's own Prometheus meters: requests by method, route and status, their duration,
 * what the registry holds (subjects, live and soft-deleted versions, schema ids), the global mode
 * and whether the {@code _schemas} reader is healthy.
 */
final class RegistryMetrics {
  private final MeterRegistry registry;

  RegistryMetrics(MeterRegistry registry, RegistryState state, SchemaRegistryService service, BooleanSupplier storeHealthy) {
    this.registry = registry;
    Gauge.builder("caravan.registry.subjects", state, s -> s.counts()[0])
        .description("Subjects with at least one version that is not soft-deleted").register(registry);
    Gauge.builder("caravan.registry.versions", state, s -> s.counts()[1]).tag("state", "live")
        .description("Subject versions held, by state (live or soft-deleted)").register(registry);
    Gauge.builder("caravan.registry.versions", state, s -> s.counts()[2]).tag("state", "deleted")
        .description("Subject versions held, by state (live or soft-deleted)").register(registry);
    Gauge.builder("caravan.registry.schemas", state, s -> s.counts()[3])
        .description("Distinct schema ids held").register(registry);
    for (Mode m : Mode.values()) {
      Gauge.builder("caravan.registry.mode", service, s -> s.globalMode() == m ? 1 : 0).tag("mode", m.name())
          .description("1 for the global mode in force (READWRITE, READONLY, READONLY_OVERRIDE or IMPORT)").register(registry);
    }
    Gauge.builder("caravan.registry.store.up", storeHealthy, h -> h.getAsBoolean() ? 1 : 0)
        .description("1 while the reader of the _schemas topic consumes without errors").register(registry);
  }

  void request(String method, String route, int status, float millis) {
    Counter.builder("caravan.registry.requests").description("HTTP requests answered, by method, route and status")
        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
        .register(registry).increment();
    Timer.builder("caravan.registry.request.duration").description("Time to answer an HTTP request, by method and route")
        .tag("method", method).tag("route", route)
        .register(registry).record(Duration.ofNanos((long) (millis * 1_000_000)));
  }
}
