package dev.caravan.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.ops.PrometheusLint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The ingest API's own Prometheus families as promtool's {@code check metrics} lints them. */
class IngestMetricsLintTest {

    @Test
    void everyCaravanFamilyHasHelpAndTypeAndCountersEndInTotal() {
        IngestMetrics metrics = new IngestMetrics();
        metrics.request("/v1/articles", 202);
        metrics.request("/v1/articles", 400);
        metrics.request("other", 404);
        metrics.accepted(3, 1, Duration.ofMillis(12));
        String scrape = metrics.scrape();

        assertThat(scrape).contains("# HELP caravan_ingest_requests_total HTTP requests answered, by endpoint and status")
                .contains("# TYPE caravan_ingest_requests_total counter")
                .contains("# TYPE caravan_ingest_records_total counter")
                .contains("# TYPE caravan_ingest_publish_seconds summary");
        assertThat(PrometheusLint.check(scrape, "caravan_")).isEmpty();
        var promtool = PrometheusLint.promtool(scrape, "caravan_");
        if (promtool != null) {
            assertThat(promtool).as("promtool check metrics").isEmpty();
        }
    }
}
