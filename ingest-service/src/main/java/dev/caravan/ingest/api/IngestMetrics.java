package dev.caravan.ingest.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** What the API counts, exposed in the Prometheus text format on {@code GET /metrics}. */
final class IngestMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter articles;
    private final Counter ticks;
    private final Timer publish;

    IngestMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        articles = Counter.builder("caravan.ingest.records").tag("type", "article")
                .description("Records acknowledged by Kafka").register(registry);
        ticks = Counter.builder("caravan.ingest.records").tag("type", "fx_tick")
                .description("Records acknowledged by Kafka").register(registry);
        publish = Timer.builder("caravan.ingest.publish").description("Time from send to the last acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void accepted(int articleCount, int tickCount, Duration took) {
        articles.increment(articleCount);
        ticks.increment(tickCount);
        publish.record(took);
    }

    void request(String endpoint, int status) {
        Counter.builder("caravan.ingest.requests").description("HTTP requests answered, by endpoint and status")
                .tags("endpoint", endpoint, "status", Integer.toString(status)).register(registry).increment();
    }

    /** The registry, for the tests that lint what it exports. */
    PrometheusMeterRegistry registry() {
        return registry;
    }

    String scrape() {
        return registry.scrape();
    }
}
