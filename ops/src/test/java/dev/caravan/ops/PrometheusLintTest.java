package dev.caravan.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusLintTest {

    @Test
    void describedMetersAreCleanAndAnUndescribedOneHasNoHelp() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("caravan.test.events").description("Events seen").tag("kind", "a").register(registry).increment();
        Timer.builder("caravan.test.work").description("Time per job").publishPercentiles(0.5).register(registry)
                .record(java.time.Duration.ofMillis(3));
        Gauge.builder("caravan.test.depth", () -> 2).description("Queue depth").register(registry);
        assertThat(PrometheusLint.check(registry.scrape(), "caravan_")).isEmpty();

        registry.counter("caravan.test.undescribed").increment();
        assertThat(PrometheusLint.check(registry.scrape(), "caravan_"))
                .containsExactly("caravan_test_undescribed_total: no # HELP text");
    }

    @Test
    void aCounterWithoutTotalAndNonBaseUnitsAreNamed() {
        String scrape = """
                # HELP caravan_x_events Events
                # TYPE caravan_x_events counter
                caravan_x_events 1.0
                # HELP caravan_x_latency_ms Latency
                # TYPE caravan_x_latency_ms gauge
                caravan_x_latency_ms{route="a"} 1.0
                caravan_x_latency_ms{route="a"} 2.0
                other_metric 3.0
                """;
        assertThat(PrometheusLint.check(scrape, "caravan_")).containsExactlyInAnyOrder(
                "caravan_x_events: a counter's name should end in _total",
                "caravan_x_latency_ms: use base units (seconds, bytes, ratios)",
                "caravan_x_latency_ms: the series caravan_x_latency_ms{route=\"a\"} appears twice");
    }

    @Test
    void theDeprecatedUnderscoredTopicCopyOfAKafkaMeterIsDropped() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(KafkaMeterFilters.dropDeprecatedTopicTags(List.of("news.articles.enriched.v1", "my_topic")));
        for (String topic : List.of("news.articles.enriched.v1", "news_articles_enriched_v1", "my_topic")) {
            Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 0)
                    .tags(Tags.of("topic", topic, "partition", "0")).register(registry);
        }
        Gauge.builder("caravan.other", () -> 0).tags("topic", "news_articles_enriched_v1").register(registry);
        String scrape = registry.scrape();
        assertThat(scrape).contains("topic=\"news.articles.enriched.v1\"").contains("topic=\"my_topic\"")
                .doesNotContain("kafka_consumer_fetch_manager_records_lag{partition=\"0\",topic=\"news_articles_enriched_v1\"}")
                .contains("caravan_other{topic=\"news_articles_enriched_v1\"}");
    }
}
