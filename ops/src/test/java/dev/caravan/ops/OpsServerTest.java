package dev.caravan.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readyFollowsItsChecksWhileLiveStaysUp() throws Exception {
        AtomicBoolean kafkaUp = new AtomicBoolean(false);
        Health health = new Health().ready("kafka", () -> kafkaUp.get()
                ? HealthCheck.Result.up("1 broker(s)") : HealthCheck.Result.down("Kafka unreachable"));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.counter("caravan_test_events").increment();
        try (OpsServer server = OpsServer.start("test", "127.0.0.1", 0, health, metrics)) {
            HttpResponse<String> notReady = get(server.url() + "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("\"status\":\"DOWN\"").contains("Kafka unreachable");
            assertThat(get(server.url() + "/health/live").statusCode()).isEqualTo(200);

            kafkaUp.set(true);
            assertThat(get(server.url() + "/health/ready").statusCode()).isEqualTo(200);
            String scrape = get(server.url() + "/metrics").body();
            assertThat(scrape).contains("caravan_test_events_total").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aCheckThatThrowsIsDownNotAnError() {
        Health health = new Health().ready("broken", () -> {
            throw new IllegalStateException("boom");
        });
        assertThat(health.readiness().up()).isFalse();
        assertThat(health.readiness().checks().get("broken").detail()).contains("boom");
    }

    @Test
    void unreachableKafkaAndRegistryAreReportedDownWithWhere() {
        assertThat(Probes.schemaRegistry("http://127.0.0.1:1").check().detail()).contains("127.0.0.1:1");
        HealthCheck.Result kafka = Probes.kafka("127.0.0.1:1").check();
        assertThat(kafka.up()).isFalse();
        assertThat(kafka.detail()).contains("127.0.0.1:1");
    }
}
