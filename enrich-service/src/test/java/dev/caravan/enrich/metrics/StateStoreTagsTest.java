package dev.caravan.enrich.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class StateStoreTagsTest {

    private static void storeGauge(PrometheusMeterRegistry registry, String kindKey, String store) {
        Gauge.builder("kafka.stream.state.record.e2e.latency.min", () -> 1.0)
                .tags(Tags.of(kindKey, store, "task-id", "3_1", "thread-id", "t1"))
                .register(registry);
    }

    @Test
    void storesOfEveryKindAreExportedUnderOneTagKey() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StateStoreTags());

        storeGauge(registry, "in-memory-state-id", "trending-pending");
        storeGauge(registry, "rocksdb-window-state-id", "trending-hourly");
        storeGauge(registry, "rocksdb-state-id", "gazetteer");

        String scrape = registry.scrape();
        assertThat(scrape).contains("state_id=\"trending-pending\"", "state_id=\"trending-hourly\"", "state_id=\"gazetteer\"");
    }

    @Test
    void keysAsMicrometersKafkaBinderWritesThemAreRenamedToo() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StateStoreTags());

        storeGauge(registry, "rocksdb.state.id", "fx-rates");
        storeGauge(registry, "rocksdb.window.state.id", "trending-hourly");

        assertThat(registry.scrape()).contains("state_id=\"fx-rates\"", "state_id=\"trending-hourly\"");
    }

    @Test
    void withoutItPrometheusDropsAllButTheFirstKindOfStore() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        storeGauge(registry, "in-memory-state-id", "trending-pending");
        storeGauge(registry, "rocksdb-window-state-id", "trending-hourly");

        assertThat(registry.scrape()).contains("trending-pending").doesNotContain("trending-hourly");
    }

    @Test
    void otherMetricsKeepTheirTags() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StateStoreTags());
        Gauge.builder("kafka.stream.thread.process.rate", () -> 1.0).tags("thread-id", "t1").register(registry);

        assertThat(registry.scrape()).contains("kafka_stream_thread_process_rate{thread_id=\"t1\"}");
    }
}
