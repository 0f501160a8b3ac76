package dev.caravan.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.ops.PrometheusLint;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Prometheus scrapes from a running enrich service: one records-lag series per topic and
 * partition (Kafka's deprecated copy with '_' for '.' is dropped), and Caravan's own families
 * clean for promtool's {@code check metrics}.
 */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
class EnrichMetricsIT {

    @Test
    void lagAppearsOncePerPartitionAndCaravanFamiliesLintClean(LocalStack stack) throws Exception {
        EnrichTopics.createMissing(stack.kafkaBootstrap());
        String id = "metrics-" + UUID.randomUUID();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, RawArticle.newBuilder().setId(id).setSource("it")
                    .setTitle("Report from Almaty").setBody("Tenge news from Almaty.").setPublishedDate(LocalDate.of(2024, 12, 2))
                    .setIngestedAt(Instant.now()).setContentHash("h" + id).build())).get(60, TimeUnit.SECONDS);
        }
        try (EnrichService service = new EnrichService(new EnrichConfig(Map.of(
                EnrichConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                EnrichConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                EnrichConfig.APPLICATION_ID, "it-metrics-" + UUID.randomUUID(),
                EnrichConfig.STATE_DIR, Files.createTempDirectory("enrich-metrics-it").toString())))) {
            service.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> service.metrics().scrape().lines()
                    .anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag{")
                            && l.contains("topic=\"" + Topics.RAW_ARTICLES + "\"")));
            String scrape = service.metrics().scrape();
            for (String topic : List.of(Topics.RAW_ARTICLES, Topics.FX_TICKS, Topics.GAZETTEER)) {
                assertThat(scrape).doesNotContain("topic=\"" + topic.replace('.', '_') + "\"");
            }
            assertThat(PrometheusLint.check(scrape, "caravan_")).isEmpty();
            var promtool = PrometheusLint.promtool(scrape, "caravan_");
            if (promtool != null) {
                assertThat(promtool).as("promtool check metrics").isEmpty();
            }
        }
    }
}
