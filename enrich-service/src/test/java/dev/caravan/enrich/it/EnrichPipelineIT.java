package dev.caravan.enrich.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroDeserializer;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.EntityTrend;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The enrich topology on the real broker and registry: dead letters, and two instances sharing the work. */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnrichPipelineIT {

    private LocalStack stack;

    @BeforeAll
    void createTopics(LocalStack stack) throws Exception {
        this.stack = stack;
        EnrichTopics.createMissing(stack.kafkaBootstrap());
    }

    private EnrichService service(String applicationId) throws Exception {
        EnrichService service = new EnrichService(new EnrichConfig(Map.of(
                EnrichConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(),
                EnrichConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                EnrichConfig.APPLICATION_ID, applicationId,
                EnrichConfig.STATE_DIR, Files.createTempDirectory("enrich-it").toString())));
        service.start();
        return service;
    }

    private KafkaProducer<String, Object> avroProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class));
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setSource("it").setTitle("Report from Almaty " + id).setBody(body)
                .setPublishedDate(LocalDate.of(2024, 12, 2)).setIngestedAt(Instant.now()).setContentHash("h" + id).build();
    }

    /** Reads the enrich DLQ from the start until {@code count} records with a matching key arrived. */
    private List<ConsumerRecord<String, byte[]>> readDeadLetters(java.util.function.Predicate<String> key, int count) {
        try (KafkaConsumer<String, byte[]> dlq = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            dlq.subscribe(List.of(Topics.ENRICH_DLQ));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                dlq.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key() != null && key.test(r.key())) {
                        dead.add(r);
                    }
                });
                return dead.size() >= count;
            });
            return dead;
        }
    }

    /** Reads the enriched topic as a dashboard would (committed transactions only), keeping this test's ids. */
    private List<ConsumerRecord<String, Object>> readEnriched(String prefix, int expected) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        List<ConsumerRecord<String, Object>> found = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.ENRICHED_ARTICLES));
            await().atMost(Duration.ofMinutes(2)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().startsWith(prefix)) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
            // a little longer, so duplicates that would follow are seen too
            long until = System.currentTimeMillis() + 3000;
            while (System.currentTimeMillis() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (r.key().startsWith(prefix)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() throws Exception {
        String prefix = "dlq-" + UUID.randomUUID() + "-";
        try (EnrichService service = service("enrich-dlq-" + UUID.randomUUID());
             KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer());
             KafkaProducer<String, Object> avro = avroProducer()) {
            raw.send(new ProducerRecord<>(Topics.RAW_ARTICLES, prefix + "poison", "not avro".getBytes(StandardCharsets.UTF_8))).get();
            avro.send(new ProducerRecord<>(Topics.RAW_ARTICLES, prefix + "good", article(prefix + "good", "Tokayev spoke."))).get();

            assertThat(readEnriched(prefix, 1)).extracting(ConsumerRecord::key).containsExactly(prefix + "good");

            {
                List<ConsumerRecord<String, byte[]>> dead = readDeadLetters((prefix + "poison")::equals, 1);
                ConsumerRecord<String, byte[]> record = dead.get(0);
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("not avro");
                Map<String, String> headers = new HashMap<>();
                for (Header h : record.headers()) {
                    headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                }
                assertThat(headers.keySet()).anySatisfy(k -> assertThat(k).contains("exception"));
                assertThat(headers.values()).anySatisfy(v -> assertThat(v).contains(Topics.RAW_ARTICLES));
            }
        }
    }

    @Test
    void trendingCountsEachArticleOnceAcrossTwoInstancesAndAStop() throws Exception {
        // A person of this test only (published on the gazetteer topic), so no other test's articles count.
        // Timestamps are now: Kafka 4 refuses records stamped more than an hour ahead.
        String surname = "Q" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String person = "Aigerim " + surname;
        try (KafkaProducer<String, String> gazetteer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            gazetteer.send(new ProducerRecord<>(Topics.GAZETTEER, person, "PERSON\t" + person + "\t" + surname + "\t\t")).get();
        }
        String prefix = "trend-" + UUID.randomUUID() + "-";
        String applicationId = "enrich-trend-" + UUID.randomUUID();
        int total = 200;
        EnrichService first = service(applicationId);
        EnrichService second = service(applicationId);
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            // pending sums move with the stopped instance's tasks: none lost, none counted twice
            sendAcrossAStop(producer, total, i -> new ProducerRecord<>(Topics.RAW_ARTICLES, prefix + i,
                    article(prefix + i, person + " spoke in Astana. " + surname + " left.")), first, second);

            // Latest daily count per window (a run across midnight has two), summed.
            Map<Instant, Long> daily = new HashMap<>();
            KafkaAvroDeserializer values = new KafkaAvroDeserializer();
            values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl(),
                    AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
            try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, "trend-reader-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), values)) {
                consumer.subscribe(List.of(Topics.TRENDING_ENTITIES));
                java.util.function.Consumer<Duration> read = d -> {
                    long until = System.currentTimeMillis() + d.toMillis();
                    while (System.currentTimeMillis() < until && (d.toSeconds() < 10 || sum(daily) < total)) {
                        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                            EntityTrend t = (EntityTrend) r.value();
                            if (t.getName().equals(person) && t.getWindow().equals("P1D")) {
                                daily.put(t.getWindowStart(), t.getArticles());
                            }
                        });
                    }
                };
                read.accept(Duration.ofMinutes(2)); // until all are counted
                read.accept(Duration.ofSeconds(3)); // a little longer: a doubled sum would show as more than the total
            }
            assertThat(sum(daily)).as("articles counted for %s in %s", person, daily).isEqualTo(total);
        } finally {
            first.close();
            second.close();
        }
    }

    /** Sends the first half, stops the second instance once both run (the first takes over its partitions), sends the rest. */
    private static void sendAcrossAStop(KafkaProducer<String, Object> producer, int total,
                                        java.util.function.IntFunction<ProducerRecord<String, Object>> record,
                                        EnrichService first, EnrichService second) {
        for (int i = 0; i < total; i++) {
            if (i == total / 2) {
                producer.flush();
                await().atMost(Duration.ofMinutes(2)).until(() ->
                        first.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING
                                && second.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
                second.close();
            }
            producer.send(record.apply(i));
        }
        producer.flush();
    }

    private static long sum(Map<Instant, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void twoInstancesShareThePartitionsAndWhenOneStopsTheOtherFinishesWithoutLossOrDuplicates() throws Exception {
        String prefix = "scale-" + UUID.randomUUID() + "-";
        String applicationId = "enrich-scale-" + UUID.randomUUID();
        int total = 300;
        EnrichService first = service(applicationId);
        EnrichService second = service(applicationId);
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            sendAcrossAStop(producer, total, i -> new ProducerRecord<>(Topics.RAW_ARTICLES, prefix + i,
                    article(prefix + i, "Tokayev paid $" + i + " in Astana.")), first, second);

            List<ConsumerRecord<String, Object>> out = readEnriched(prefix, total);
            assertThat(out).hasSize(total);
            assertThat(out.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(total);
            EnrichedArticle sample = (EnrichedArticle) out.get(0).value();
            assertThat(sample.getMoney()).singleElement().satisfies(m -> assertThat(m.getCurrency()).isEqualTo("USD"));
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void aFreshInstanceRebuildsTheRateHistoryAndConvertsAtTheArticlesOwnDay() throws Exception {
        String prefix = "fx-" + UUID.randomUUID() + "-";
        LocalDate dec2 = LocalDate.of(2024, 12, 2);
        try (KafkaProducer<String, Object> producer = avroProducer()) {
            for (Object[] tick : new Object[][] {{dec2, "0.00192"}, {dec2.plusDays(18), "0.00150"}}) {
                LocalDate day = (LocalDate) tick[0];
                FxTick fx = FxTick.newBuilder().setBase("KZT").setQuote("USD")
                        .setRate(new java.math.BigDecimal((String) tick[1]).setScale(10)).setChangePct(0)
                        .setAsOf(day).setSource("it").build();
                producer.send(new ProducerRecord<>(Topics.FX_TICKS, null, Topics.fxTickTimestamp(day), "KZT/USD", fx)).get();
            }
            // The instance starts after the ticks: it must rebuild the history from the topic.
            try (EnrichService service = service("enrich-fx-" + UUID.randomUUID())) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, prefix + "a",
                        article(prefix + "a", "The fund lost 1.5 billion tenge."))).get();
                EnrichedArticle out = (EnrichedArticle) readEnriched(prefix, 1).get(0).value();
                assertThat(out.getMoney()).singleElement().satisfies(m -> {
                    assertThat(m.getCurrency()).isEqualTo("KZT");
                    assertThat(m.getRateAsOf()).isEqualTo(dec2);
                    assertThat(m.getUsd()).isEqualTo(2_880_000.0);
                });
            }
        }
    }

    @Test
    void poisonOnTheFxTopicDoesNotStopTheApp() throws Exception {
        String prefix = "fxpoison-" + UUID.randomUUID() + "-";
        LocalDate day = LocalDate.of(2024, 11, 5);
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()), new StringSerializer(), new ByteArraySerializer());
             KafkaProducer<String, Object> producer = avroProducer();
             EnrichService service = service("enrich-fxpoison-" + UUID.randomUUID())) {
            raw.send(new ProducerRecord<>(Topics.FX_TICKS, "UZS/USD", "not avro".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(Topics.FX_TICKS, "UZS/USD", new byte[] {0, 0, 0, 127, 1, 2})).get();
            FxTick fx = FxTick.newBuilder().setBase("UZS").setQuote("USD")
                    .setRate(new java.math.BigDecimal("0.00008").setScale(10)).setChangePct(0).setAsOf(day).setSource("it").build();
            producer.send(new ProducerRecord<>(Topics.FX_TICKS, null, Topics.fxTickTimestamp(day), "UZS/USD", fx)).get();
            RawArticle article = RawArticle.newBuilder(article(prefix + "a", "A fine of 5 million soums was paid."))
                    .setPublishedDate(day).build();
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, prefix + "a", article)).get();

            EnrichedArticle out = (EnrichedArticle) readEnriched(prefix, 1).get(0).value();
            assertThat(out.getMoney()).singleElement().satisfies(m -> assertThat(m.getUsd()).isEqualTo(400.0)); // to the cent, not 400.00000000000006
            assertThat(service.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);

            {
                List<ConsumerRecord<String, byte[]>> dead = readDeadLetters("UZS/USD"::equals, 2);
                assertThat(new String(dead.get(0).headers().lastHeader("caravan.dlq.topic").value(), StandardCharsets.UTF_8))
                        .isEqualTo(Topics.FX_TICKS);
                assertThat(new String(dead.get(0).headers().lastHeader("caravan.dlq.reason").value(), StandardCharsets.UTF_8))
                        .contains("SerializationException");
            }
        }
    }
}
