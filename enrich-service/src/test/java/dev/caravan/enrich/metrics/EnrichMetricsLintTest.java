package dev.caravan.enrich.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.ops.PrometheusLint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

/** Enrich's own Prometheus families as promtool's {@code check metrics} lints them. */
class EnrichMetricsLintTest {

    @Test
    void everyCaravanFamilyHasHelpAndTypeAndCountersEndInTotal() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new StateStoreTags());
        EnrichMetrics metrics = new EnrichMetrics(registry);
        metrics.deadLettered();
        metrics.timed(() -> null);
        String scrape = registry.scrape();

        assertThat(scrape).contains("# TYPE caravan_enrich_articles_total counter")
                .contains("# TYPE caravan_enrich_entities_per_article summary")
                .contains("# TYPE caravan_enrich_tagging_seconds summary");
        assertThat(PrometheusLint.check(scrape, "caravan_")).isEmpty();
        var promtool = PrometheusLint.promtool(scrape, "caravan_");
        if (promtool != null) {
            assertThat(promtool).as("promtool check metrics").isEmpty();
        }
    }
}
