package dev.caravan.systemtest;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.index.IndexService;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.launcher.topics.TopicCatalog;
import dev.caravan.localstack.ChildJvm;
import dev.caravan.localstack.LocalStack;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroDeserializer;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What every fault test needs: the topics, the services (in this JVM, or as child JVMs that can be
 * killed with -9), producers, and the counts at the end: documents in OpenSearch by the test's own
 * {@code source} marker, records of a topic by key prefix.
 */
final class FaultKit {

    /** Partitions of the data topics: more than one, so rebalances and crashes move real work. */
    static final int PARTITIONS = 3;
    /** Shared by the tests of this JVM, so a new instance resumes where the last one committed. */
    static final String ENRICH_APP = "systest-enrich";
    static final String INDEX_GROUP = "systest-index";
    static final LocalDate DAY = LocalDate.of(2024, 12, 2);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalStack stack;

    FaultKit(LocalStack stack) {
        this.stack = stack;
        TopicCatalog.ensure(stack.kafkaBootstrap(), PARTITIONS, (short) 1);
    }

    LocalStack stack() {
        return stack;
    }

    static String marker(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- services in this JVM ----

    EnrichService enrich() {
        EnrichService service = new EnrichService(new EnrichConfig(Map.of(
                EnrichConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                EnrichConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                EnrichConfig.APPLICATION_ID, ENRICH_APP,
                EnrichConfig.STATE_DIR, tempDir("enrich-state").toString())));
        service.start();
        return service;
    }

    IndexService index() {
        IndexService service = new IndexService(new IndexConfig(Map.of(
                IndexConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                IndexConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                IndexConfig.OPENSEARCH_URL, stack.opensearchUrl(),
                IndexConfig.INDEX_REPLICAS, "0",
                IndexConfig.GROUP_ID, INDEX_GROUP,
                IndexConfig.BULK_LINGER_MS, "200",
                IndexConfig.RETRY_MAX_MS, "2000")));
        service.start();
        return service;
    }

    // ---- services as child JVMs (the launcher's main), to be killed with -9 ----

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("CARAVAN_KAFKA_BOOTSTRAP", stack.kafkaBootstrap());
        env.put("CARAVAN_SCHEMA_REGISTRY_URL", stack.schemaRegistryUrl());
        env.put("CARAVAN_OPENSEARCH_URL", stack.opensearchUrl());
        env.put("CARAVAN_INDEX_REPLICAS", "0");
        env.put("CARAVAN_INDEX_GROUP_ID", INDEX_GROUP);
        env.put("CARAVAN_ENRICH_APPLICATION_ID", ENRICH_APP);
        env.put("CARAVAN_SEARCH_PORT", "0");
        env.put("CARAVAN_SEARCH_HOST", "127.0.0.1");
        return env;
    }

    /** An enrich instance in its own JVM, ready once its stream threads run. */
    ChildJvm enrichChild(String logName, Path stateDir) {
        Map<String, String> env = serviceEnvironment();
        env.put("CARAVAN_ENRICH_STATE_DIR", stateDir.toString());
        return ChildJvm.start("enrich-service", "launcher", "dev.caravan.launcher.CaravanCommand",
                List.of("enrich-service"), env, "384m", stack.dataDir().resolve("logs").resolve(logName),
                Duration.ofMinutes(3), "-> RUNNING");
    }

    /** An index instance in its own JVM, ready once it serves search (its consumer loop runs by then). */
    ChildJvm indexChild(String logName, Map<String, String> extraEnv) {
        Map<String, String> env = serviceEnvironment();
        env.putAll(extraEnv);
        return ChildJvm.start("index-service", "launcher", "dev.caravan.launcher.CaravanCommand",
                List.of("index-service"), env, "384m", stack.dataDir().resolve("logs").resolve(logName),
                Duration.ofMinutes(3), "Search API and page at");
    }

    static Path tempDir(String prefix) {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), prefix).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- producers and records ----

    KafkaProducer<String, Object> avroProducer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl());
        return new KafkaProducer<>(props, new StringSerializer(), serializer());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private KafkaAvroSerializer serializer() {
        KafkaAvroSerializer s = new KafkaAvroSerializer();
        s.configure((Map) Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
        return s;
    }

    KafkaProducer<String, byte[]> bytesProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** An article whose source is the test's marker and whose id is marker-i. */
    static RawArticle article(String marker, int i) {
        return RawArticle.newBuilder().setId(marker + "-" + i).setSource(marker)
                .setTitle("Tokayev visits Almaty, report " + i)
                .setBody("Kassym-Jomart Tokayev met officials in Almaty; the plan costs $" + (i + 1) + " million.")
                .setPublishedDate(DAY).setIngestedAt(Instant.now()).setContentHash("h" + i).build();
    }

    static FxTick tick(String base, LocalDate day, String marker) {
        return FxTick.newBuilder().setBase(base).setQuote("USD").setRate(new BigDecimal("0.0019200000"))
                .setChangePct(0.1).setAsOf(day).setSource(marker).build();
    }

    // ---- counting ----

    /** What OpenSearch holds for a source marker: hits and the distinct ids among them. */
    record Indexed(long hits, Set<String> ids) {
    }

    Indexed indexed(String source) {
        return indexed("articles", "source", source);
    }

    Indexed indexed(String alias, String field, String value) {
        try {
            send("POST", "/" + alias + "/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
            String query = JSON.createObjectNode().set("query", JSON.createObjectNode().set("term",
                    JSON.createObjectNode().put(field, value))).toString();
            JsonNode body = JSON.readTree(send("POST", "/" + alias
                    + "/_search?ignore_unavailable=true&allow_no_indices=true&size=10000&track_total_hits=true&_source=false",
                    query));
            Set<String> ids = new HashSet<>();
            body.path("hits").path("hits").forEach(h -> ids.add(h.path("_id").asText()));
            return new Indexed(body.path("hits").path("total").path("value").asLong(), ids);
        } catch (IOException e) {
            return new Indexed(-1, Set.of());
        }
    }

    /** The stored source of one article, or null while it is not searchable. */
    JsonNode article(String id) {
        try {
            send("POST", "/articles/_refresh?ignore_unavailable=true&allow_no_indices=true", null);
            String query = JSON.createObjectNode().set("query", JSON.createObjectNode().set("ids",
                    JSON.createObjectNode().set("values", JSON.createArrayNode().add(id)))).toString();
            JsonNode hits = JSON.readTree(send("POST", "/articles/_search?ignore_unavailable=true&allow_no_indices=true", query))
                    .path("hits").path("hits");
            return hits.isEmpty() ? null : hits.get(0).path("_source");
        } catch (IOException e) {
            return null;
        }
    }

    long indexedCount(String source) {
        return indexed(source).hits();
    }

    private String send(String method, String path, String body) throws IOException {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(stack.opensearchUrl() + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() >= 300) {
                throw new IOException(method + " " + path + ": " + resp.statusCode() + " " + resp.body());
            }
            return resp.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * Reads a whole topic to its end (the last stable offset under read_committed) and keeps the
     * records whose key starts with {@code keyPrefix}; waits until at least {@code atLeast} were seen.
     */
    List<ConsumerRecord<String, byte[]>> readTopic(String topic, String keyPrefix, int atLeast, boolean committedOnly) {
        return readTopic(topic, r -> r.key() != null && r.key().startsWith(keyPrefix), atLeast, committedOnly);
    }

    List<ConsumerRecord<String, byte[]>> readTopic(String topic, Predicate<ConsumerRecord<String, byte[]>> keep,
                                                   int atLeast, boolean committedOnly) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (keep.test(r)) {
                        found.add(r);
                    }
                });
                if (found.size() < atLeast) {
                    return false;
                }
                // Then to the end, so duplicates written after the expected ones are counted too.
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
            });
        }
        return found;
    }

    /** Follows a topic from its current end, uncommitted records included: sees output the moment it is written. */
    Tail tail(String topic) {
        return new Tail(stack.kafkaBootstrap(), topic);
    }

    static final class Tail implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private int seen;

        Tail(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Records with this key prefix seen so far (polls once). */
        int seen(String keyPrefix) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.key() != null && r.key().startsWith(keyPrefix)) {
                    seen++;
                }
            }
            return seen;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    static Map<String, String> headers(ConsumerRecord<?, ?> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    KafkaAvroDeserializer deserializer() {
        KafkaAvroDeserializer d = new KafkaAvroDeserializer();
        d.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        return d;
    }
}
