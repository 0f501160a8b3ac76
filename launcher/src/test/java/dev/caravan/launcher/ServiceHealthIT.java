package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.index.IndexService;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.launcher.topics.TopicCatalog;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an orchestrator's probes and Prometheus see of the enrich and index stages. */
@ExtendWith(LocalStackExtension.class)
class ServiceHealthIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void enrichIsReadyOnceStreamsRunsAndExposesStreamsMetrics(LocalStack stack) throws Exception {
        TopicCatalog.ensure(stack.kafkaBootstrap(), 3, (short) 1);
        EnrichConfig config = new EnrichConfig(Map.of(
                EnrichConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                EnrichConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                EnrichConfig.APPLICATION_ID, "health-" + UUID.randomUUID(),
                EnrichConfig.STATE_DIR, Files.createTempDirectory("enrich-health").toString()));
        try (EnrichService service = new EnrichService(config);
             OpsServer ops = OpsServer.start("enrich-service", "127.0.0.1", 0, service.health(), service.metrics())) {
            HttpResponse<String> before = get(ops.url() + "/health/ready");
            assertThat(before.statusCode()).isEqualTo(503);
            assertThat(before.body()).contains("\"streams\"").contains("CREATED");

            service.start();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(get(ops.url() + "/health/ready").statusCode()).isEqualTo(200));
            assertThat(get(ops.url() + "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(ops.url() + "/metrics").body()).contains("kafka_stream").contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void indexIsNotReadyWhileOpenSearchIsDownAndReadyAgainAfter(LocalStack stack) throws Exception {
        IndexConfig config = new IndexConfig(Map.of(
                IndexConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                IndexConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                IndexConfig.OPENSEARCH_URL, stack.opensearchUrl(),
                IndexConfig.INDEX_REPLICAS, "0",
                IndexConfig.GROUP_ID, "health-" + UUID.randomUUID()));
        try (IndexService service = new IndexService(config);
             OpsServer ops = OpsServer.start("index-service", "127.0.0.1", 0, service.health(), service.metrics())) {
            service.start();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(get(ops.url() + "/health/ready").statusCode()).isEqualTo(200));
            assertThat(get(ops.url() + "/metrics").body())
                    .contains("caravan_index_documents_total").contains("caravan_index_bulk_seconds");

            stack.stopOpenSearch();
            try {
                HttpResponse<String> down = get(ops.url() + "/health/ready");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("opensearch").contains("unreachable");
                assertThat(get(ops.url() + "/health/live").statusCode()).as("a restart would not help").isEqualTo(200);
            } finally {
                stack.startOpenSearch();
            }
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(get(ops.url() + "/health/ready").statusCode()).isEqualTo(200));
        }
    }
}
