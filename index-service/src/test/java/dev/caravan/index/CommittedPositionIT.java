package dev.caravan.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.ops.PrometheusLint;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index consumer on a transactional topic, as enrich (exactly-once) writes it: each
 * transaction ends in a commit marker with an offset of its own. The group must commit the
 * consumer's position, past the marker, so that its lag reaches 0 (committed == end offset)
 * once everything is indexed. Also what operators see of it: one lag series per partition, the
 * instance's own client id, Caravan's families lint-clean.
 */
@ExtendWith(LocalStackExtension.class)
class CommittedPositionIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private IndexHarness harness;
    private KafkaProducer<String, Object> transactional;
    private Admin admin;
    private String source;

    @BeforeEach
    void setUp(LocalStack stack) {
        harness = new IndexHarness(stack);
        source = "it-tx-" + UUID.randomUUID();
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, source);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
        transactional = new KafkaProducer<>(props);
        transactional.initTransactions();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        transactional.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }

    private List<RecordMetadata> sendInTransaction(List<EnrichedArticle> articles, boolean commit) throws Exception {
        transactional.beginTransaction();
        List<java.util.concurrent.Future<RecordMetadata>> acks = new ArrayList<>();
        for (EnrichedArticle a : articles) {
            acks.add(transactional.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, a.getId(), a)));
        }
        transactional.flush();
        List<RecordMetadata> stored = new ArrayList<>();
        for (var ack : acks) {
            stored.add(ack.get(60, TimeUnit.SECONDS));
        }
        if (commit) {
            transactional.commitTransaction();
        } else {
            transactional.abortTransaction();
        }
        return stored;
    }

    private List<EnrichedArticle> articles(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> TestArticles.article(source + "-" + prefix + i, source,
                "Transaction article " + i, "Body " + i).build()).toList();
    }

    /** Committed offset and end offset of every non-empty partition the index consumes. */
    private Map<TopicPartition, long[]> committedAndEnd(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(Topics.ENRICHED_ARTICLES, Topics.FX_TICKS)).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((name, d) -> d.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, long[]> out = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, end) -> {
            if (end.offset() > 0) {
                OffsetAndMetadata at = committed.get(tp);
                out.put(tp, new long[] {at == null ? -1 : at.offset(), end.offset()});
            }
        });
        return out;
    }

    private boolean lagIsZero(String group) throws Exception {
        return committedAndEnd(group).values().stream().allMatch(c -> c[0] == c[1]);
    }

    @Test
    void afterATransactionalTopicIsIndexedTheGroupsCommittedOffsetIsTheEndOffset() throws Exception {
        List<RecordMetadata> committed = sendInTransaction(articles("kept-", 30), true);
        sendInTransaction(articles("aborted-", 5), false);
        List<RecordMetadata> last = sendInTransaction(articles("last-", 4), true);

        // The records of the last transaction are followed by its marker: the end offset is past "last record + 1".
        Map<TopicPartition, Long> lastRecord = new HashMap<>();
        for (RecordMetadata m : last) {
            lastRecord.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), Math::max);
        }
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        lastRecord.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
        var endOffsets = admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS);
        assertThat(lastRecord).allSatisfy((tp, offset) -> assertThat(endOffsets.get(tp).offset()).isGreaterThan(offset + 1));

        String group = IndexHarness.newGroup("tx-lag");
        IndexService service = harness.startService(group);
        // ignoreExceptions: the articles alias exists once the first document made its monthly index
        await().atMost(PATIENCE).ignoreExceptions().until(() -> harness.countBySource(service.client(), source) == committed.size() + last.size());
        await().atMost(PATIENCE).until(() -> lagIsZero(group));
        assertThat(harness.countBySource(service.client(), source)).as("aborted records are not indexed").isEqualTo(34);
        assertThat(committedAndEnd(group)).isNotEmpty().allSatisfy((tp, c) -> assertThat(c[0]).as(tp.toString()).isEqualTo(c[1]));

        // What operators see: one lag series per partition (not the deprecated underscored copy too), this
        // instance's own client id, and Caravan's families as promtool lints them.
        assertThat(service.clientId()).matches("caravan-index-[A-Za-z0-9._-]+-[0-9a-f]{6}");
        await().atMost(PATIENCE).until(() -> service.metrics().scrape().lines()
                .anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag{")
                        && l.contains("topic=\"" + Topics.ENRICHED_ARTICLES + "\"")));
        String scrape = service.metrics().scrape();
        assertThat(scrape).doesNotContain("topic=\"news_articles_enriched_v1\"").doesNotContain("topic=\"fx_ticks_v1\"")
                .contains("client_id=\"" + service.clientId() + "\"");
        assertThat(PrometheusLint.check(scrape, "caravan_")).isEmpty();
        var promtool = PrometheusLint.promtool(scrape, "caravan_");
        if (promtool != null) {
            assertThat(promtool).as("promtool check metrics").isEmpty();
        }
    }
}
