package dev.caravan.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.index.IndexService;
import dev.caravan.index.dlq.DeadLetters;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three kinds of poison on each input topic (raw articles and FX ticks for enrich; enriched
 * articles and FX ticks for index): bytes that are not Avro, the wire format with a schema id the
 * registry never issued, and a valid Avro record of the wrong record type (one that does not pass
 * the consumer's type check). Each lands in its stage's DLQ with headers naming the reason and
 * origin; the good records around them all go through.
 */
@ExtendWith(LocalStackExtension.class)
class PoisonRecordFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(PoisonRecordFaultIT.class);
    private static final int GOOD = 20;

    /** Confluent wire format: magic byte 0, a schema id, then a body. */
    private static byte[] unknownSchemaId() {
        return ByteBuffer.allocate(5 + 8).put((byte) 0).putInt(987_654_321).putLong(42L).array();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void poisonOnEveryInputTopicGoesToItsDeadLetterTopicAndTheStreamGoesOn(LocalStack stack) throws Exception {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("poison");
        long t0 = System.nanoTime();
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure((Map) Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
        java.time.LocalDate tickDay = java.time.LocalDate.of(2001, 1, 1).plusDays(Math.abs(marker.hashCode() % 3000));
        // Valid Avro, each under its own topic's subject, to be sent to the other topic.
        byte[] anArticle = avro.serialize(Topics.RAW_ARTICLES, FaultKit.article(marker, -1));
        byte[] aTick = avro.serialize(Topics.FX_TICKS, FaultKit.tick("ZZA", tickDay, marker));

        try (IndexService index = kit.index(); EnrichService enrich = kit.enrich();
             KafkaProducer<String, byte[]> bytes = kit.bytesProducer();
             KafkaProducer<String, Object> producer = kit.avroProducer()) {
            for (String topic : List.of(Topics.RAW_ARTICLES, Topics.FX_TICKS, Topics.ENRICHED_ARTICLES)) {
                String p = marker + "@" + topic + "@";
                bytes.send(new ProducerRecord<>(topic, p + "not-avro", "{\"title\": \"not avro\"}".getBytes(StandardCharsets.UTF_8)));
                bytes.send(new ProducerRecord<>(topic, p + "unknown-schema-id", unknownSchemaId()));
                bytes.send(new ProducerRecord<>(topic, p + "wrong-type", topic.equals(Topics.FX_TICKS) ? anArticle : aTick));
            }
            bytes.flush();
            for (int i = 0; i < GOOD; i++) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
            }
            producer.send(new ProducerRecord<>(Topics.FX_TICKS, "ZZB/USD", FaultKit.tick("ZZB", tickDay, marker)));
            producer.flush();

            // The stream went on: every good article is searchable once, the good tick too.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kit.indexedCount(marker) >= GOOD && kit.indexed("fx-ticks", "source", marker).hits() >= 1);
            FaultKit.Indexed indexed = kit.indexed(marker);
            assertThat(indexed.hits()).isEqualTo(GOOD);
            assertThat(indexed.ids()).hasSize(GOOD);
            assertThat(kit.indexed("fx-ticks", "source", marker).hits()).isEqualTo(1);

            // Index stage: three poisons from the enriched topic, three from the FX topic, with caravan.dlq.* headers.
            List<ConsumerRecord<String, byte[]>> indexDead = kit.readTopic(Topics.INDEX_DLQ, marker + "@", 6, false);
            assertThat(indexDead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    marker + "@" + Topics.ENRICHED_ARTICLES + "@not-avro",
                    marker + "@" + Topics.ENRICHED_ARTICLES + "@unknown-schema-id",
                    marker + "@" + Topics.ENRICHED_ARTICLES + "@wrong-type",
                    marker + "@" + Topics.FX_TICKS + "@not-avro",
                    marker + "@" + Topics.FX_TICKS + "@unknown-schema-id",
                    marker + "@" + Topics.FX_TICKS + "@wrong-type");
            for (ConsumerRecord<String, byte[]> dead : indexDead) {
                Map<String, String> h = FaultKit.headers(dead);
                assertThat(h).containsKeys(DeadLetters.REASON, DeadLetters.ORIGIN_PARTITION, DeadLetters.ORIGIN_OFFSET);
                assertThat(dead.key()).contains("@" + h.get(DeadLetters.ORIGIN_TOPIC) + "@");
                assertThat(h.get(DeadLetters.REASON)).isNotBlank();
            }
            assertThat(FaultKit.headers(indexDead.stream().filter(r -> r.key().endsWith("unknown-schema-id")).findFirst().orElseThrow())
                    .get(DeadLetters.REASON)).contains("987654321");

            // Enrich stage: the three poisons of the raw topic, bytes unchanged, with Kafka Streams' error headers.
            List<ConsumerRecord<String, byte[]>> enrichDead = kit.readTopic(Topics.ENRICH_DLQ,
                    marker + "@" + Topics.RAW_ARTICLES + "@", 3, false);
            assertThat(enrichDead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    marker + "@" + Topics.RAW_ARTICLES + "@not-avro",
                    marker + "@" + Topics.RAW_ARTICLES + "@unknown-schema-id",
                    marker + "@" + Topics.RAW_ARTICLES + "@wrong-type");
            for (ConsumerRecord<String, byte[]> dead : enrichDead) {
                Map<String, String> h = FaultKit.headers(dead);
                assertThat(h.keySet()).anySatisfy(k -> assertThat(k).contains("exception"));
                assertThat(h.values()).anySatisfy(v -> assertThat(v).isEqualTo(Topics.RAW_ARTICLES));
            }
            // The FX topic also feeds enrich's global FX store, whose recorder dead-letters what it cannot read
            // (Kafka Streams' own dead letters do not work from the global thread).
            Set<String> enrichFxDead = kit.readTopic(Topics.ENRICH_DLQ, r -> r.key() != null && r.key().startsWith(marker), 3, false)
                    .stream().map(ConsumerRecord::key).filter(k -> k.contains(Topics.FX_TICKS)).collect(Collectors.toSet());
            assertThat(enrichFxDead).containsExactlyInAnyOrder(
                    marker + "@" + Topics.FX_TICKS + "@not-avro",
                    marker + "@" + Topics.FX_TICKS + "@unknown-schema-id",
                    marker + "@" + Topics.FX_TICKS + "@wrong-type");
            LOG.info("poison: {} good articles searchable once, 1 tick; index DLQ {}, enrich DLQ {} (+{} from the FX global store), {} ms",
                    indexed.hits(), indexDead.size(), enrichDead.size(), enrichFxDead.size(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(enrich.state().isRunningOrRebalancing()).isTrue();
        }
    }
}
