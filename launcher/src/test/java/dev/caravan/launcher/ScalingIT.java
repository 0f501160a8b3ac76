package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.index.IndexService;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.launcher.topics.TopicCatalog;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.RawArticle;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Scaling proof: two instances of enrich and two of index share six partitions; one of each stops
 * mid-stream; every article ends up indexed exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class ScalingIT {

    @Test
    void twoInstancesPerStageOneStoppedMidStreamEveryArticleIndexedOnce(LocalStack stack) throws Exception {
        TopicCatalog.ensure(stack.kafkaBootstrap(), 6, (short) 1);
        String run = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        String appId = "enrich-" + run;
        String groupId = "index-" + run;
        List<AutoCloseable> running = new ArrayList<>();
        try (RecordPublisher publisher = new RecordPublisher(new IngestConfig(Map.of(
                IngestConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(), IngestConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())))) {
            EnrichService enrichA = enrich(stack, appId);
            EnrichService enrichB = enrich(stack, appId);
            IndexService indexA = index(stack, groupId);
            IndexService indexB = index(stack, groupId);
            running.addAll(List.of(enrichA, enrichB, indexA, indexB));
            await().atMost(Duration.ofMinutes(2)).until(() ->
                    enrichA.state() == KafkaStreams.State.RUNNING && enrichB.state() == KafkaStreams.State.RUNNING);

            int total = 400;
            publisher.publish(articles(run, 0, total / 2), List.of());
            await().atMost(Duration.ofMinutes(2)).until(() -> indexA.indexedCount() + indexB.indexedCount() > 0);
            enrichB.close();
            indexB.close();
            publisher.publish(articles(run, total / 2, total), List.of());

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> distinctIds(indexA, run) == total);
            SearchResponse<Void> all = indexA.client().search(s -> s.index("articles").size(0)
                    .query(q -> q.term(t -> t.field("source").value(FieldValue.of(run))))
                    .aggregations("ids", a -> a.cardinality(c -> c.field("id"))), Void.class);
            assertThat(all.hits().total().value()).as("documents").isEqualTo(total);
            assertThat(indexA.deadLetteredCount() + indexB.deadLetteredCount()).isZero();
        } finally {
            for (AutoCloseable service : running) {
                service.close();
            }
        }
    }

    private static long distinctIds(IndexService index, String run) throws Exception {
        index.client().indices().refresh(r -> r.index("articles"));
        SearchResponse<Void> response = index.client().search(s -> s.index("articles").size(0)
                .query(q -> q.term(t -> t.field("source").value(FieldValue.of(run))))
                .aggregations("ids", a -> a.cardinality(c -> c.field("id").precisionThreshold(1000))), Void.class);
        Aggregate ids = response.aggregations().get("ids");
        return ids.cardinality().value();
    }

    private static List<RawArticle> articles(String run, int from, int to) {
        List<RawArticle> articles = new ArrayList<>();
        for (int i = from; i < to; i++) {
            articles.add(RawArticle.newBuilder().setId(run + "-" + i).setSource(run)
                    .setTitle("Astana budget item " + i).setBody("The Ministry of Finance set aside " + i + " million tenge.")
                    .setPublishedDate(LocalDate.of(2024, 12, 2)).setIngestedAt(Instant.now()).setContentHash("h" + i).build());
        }
        return articles;
    }

    private static EnrichService enrich(LocalStack stack, String appId) throws Exception {
        EnrichService service = new EnrichService(new EnrichConfig(Map.of(
                EnrichConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                EnrichConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                EnrichConfig.APPLICATION_ID, appId,
                EnrichConfig.STATE_DIR, Files.createTempDirectory("enrich-scale").toString())));
        service.start();
        return service;
    }

    private static IndexService index(LocalStack stack, String groupId) {
        IndexService service = new IndexService(new IndexConfig(Map.of(
                IndexConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                IndexConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                IndexConfig.OPENSEARCH_URL, stack.opensearchUrl(),
                IndexConfig.INDEX_REPLICAS, "0",
                IndexConfig.BULK_LINGER_MS, "200",
                IndexConfig.GROUP_ID, groupId)));
        service.start();
        return service;
    }
}
