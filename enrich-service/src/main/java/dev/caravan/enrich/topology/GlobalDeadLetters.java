package dev.caravan.enrich.topology;

import dev.caravan.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead letters of the global stores (FX ticks). Kafka Streams 4.4 cannot send handler-built
 * dead letters from its global thread (the thread dies with a ClassCastException), so the global
 * processors read bytes, deserialise them themselves and hand what they cannot read to this sink.
 */
public interface GlobalDeadLetters extends AutoCloseable {

    String REASON = "caravan.dlq.reason";
    String ORIGIN_TOPIC = "caravan.dlq.topic";
    String ORIGIN_PARTITION = "caravan.dlq.partition";
    String ORIGIN_OFFSET = "caravan.dlq.offset";

    void send(String topic, int partition, long offset, byte[] key, byte[] value, Exception error);

    @Override
    default void close() {
    }

    /** Logs and drops: for tests without a broker. */
    GlobalDeadLetters LOG_ONLY = (topic, partition, offset, key, value, error) ->
            LoggerFactory.getLogger(GlobalDeadLetters.class).warn("Skipping unreadable record {}-{}@{}: {}",
                    topic, partition, offset, error.getMessage());

    /** Writes to {@link Topics#ENRICH_DLQ} with headers saying why and where from. */
    static GlobalDeadLetters toKafka(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "caravan-enrich-global-dlq");
        Producer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        Logger log = LoggerFactory.getLogger(GlobalDeadLetters.class);
        return new GlobalDeadLetters() {
            @Override
            public void send(String topic, int partition, long offset, byte[] key, byte[] value, Exception error) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(REASON, (error.getClass().getName() + ": " + error.getMessage()).getBytes(StandardCharsets.UTF_8));
                headers.add(ORIGIN_TOPIC, topic.getBytes(StandardCharsets.UTF_8));
                headers.add(ORIGIN_PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
                headers.add(ORIGIN_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(Topics.ENRICH_DLQ, null, key, value, headers), (metadata, e) -> {
                    if (e != null) {
                        log.error("Cannot dead-letter {}-{}@{}: {}", topic, partition, offset, e.getMessage());
                    }
                });
                log.warn("Dead-lettered unreadable record {}-{}@{}: {}", topic, partition, offset, error.getMessage());
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }
}
