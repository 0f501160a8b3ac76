package dev.caravan.index;

import dev.caravan.index.config.IndexConfig;
import dev.caravan.localstack.LocalStack;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * The index service against the shared local stack, for the ITs: produces records, starts a
 * service with its own consumer group, and answers "has that group read everything?".
 * Topics and indices are shared by every test of the JVM, so each test tags its records with
 * its own {@code source} and counts only those.
 */
public final class IndexHarness implements AutoCloseable {

    private final LocalStack stack;
    private final KafkaProducer<String, Object> producer;
    private final Admin admin;
    private final List<IndexService> services = new ArrayList<>();

    public IndexHarness(LocalStack stack) {
        this.stack = stack;
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
        this.producer = new KafkaProducer<>(props);
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()));
    }

    public IndexConfig config(String group) {
        Map<String, Object> values = new HashMap<>();
        values.put(IndexConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap());
        values.put(IndexConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl());
        values.put(IndexConfig.OPENSEARCH_URL, stack.opensearchUrl());
        values.put(IndexConfig.INDEX_REPLICAS, 0);
        values.put(IndexConfig.GROUP_ID, group);
        values.put(IndexConfig.BULK_LINGER_MS, 100);
        values.put(IndexConfig.RETRY_INITIAL_MS, 100);
        values.put(IndexConfig.RETRY_MAX_MS, 2_000);
        values.put(IndexConfig.SEARCH_PORT, 0);
        return new IndexConfig(values);
    }

    /** A started service reading from the beginning under a new consumer group. */
    public IndexService startService(String group) {
        IndexService service = new IndexService(config(group));
        services.add(service);
        service.start();
        return service;
    }

    public static String newGroup(String name) {
        return "it-" + name + "-" + UUID.randomUUID();
    }

    public void send(List<EnrichedArticle> articles) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (EnrichedArticle a : articles) {
            acks.add(producer.send(new ProducerRecord<>(Topics.ENRICHED_ARTICLES, a.getId(), a)));
        }
        await(acks);
    }

    public void sendTicks(List<FxTick> ticks) {
        List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
        for (FxTick t : ticks) {
            acks.add(producer.send(new ProducerRecord<>(Topics.FX_TICKS, Topics.pairKey(t.getBase(), t.getQuote()), t)));
        }
        await(acks);
    }

    private static void await(List<java.util.concurrent.Future<?>> acks) {
        try {
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the test records: " + e, e);
        }
    }

    /** True when the group has committed the end offset of every partition of the articles and ticks topics. */
    public boolean caughtUp(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        admin.describeTopics(List.of(Topics.ENRICHED_ARTICLES, Topics.FX_TICKS).stream().filter(existing::contains).toList())
                .allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((name, description) -> description.partitions().forEach(p ->
                        latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            if (end.getValue().offset() > 0 && (at == null || at.offset() < end.getValue().offset())) {
                return false;
            }
        }
        return true;
    }

    /** Committed offset of the enriched-articles partitions, summed: what the group has settled. */
    public long committedArticles(String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                .entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.ENRICHED_ARTICLES))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Articles of one test's source in OpenSearch, after a refresh so the count is current. */
    public long countBySource(OpenSearchClient client, String source) {
        try {
            client.indices().refresh(r -> r.index("articles"));
            return client.count(c -> c.index("articles").query(q -> q.term(t -> t.field("source").value(FieldValue.of(source)))))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Dead letters whose key is one of {@code keys}, read from the start of the index DLQ. */
    public List<ConsumerRecord<String, byte[]>> deadLetters(List<String> keys) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, newGroup("dlq-reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDEX_DLQ).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(r.key())) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        services.forEach(IndexService::close);
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
