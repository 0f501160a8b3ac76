package dev.caravan.index.dlq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends records the index stage cannot use to the DLQ topic, bytes unchanged, with headers that
 * say why and where they came from, so an operator can fix and replay them.
 */
public final class DeadLetters {

    public static final String REASON = "caravan.dlq.reason";
    public static final String STATUS = "caravan.dlq.status";
    public static final String ORIGIN_TOPIC = "caravan.dlq.topic";
    public static final String ORIGIN_PARTITION = "caravan.dlq.partition";
    public static final String ORIGIN_OFFSET = "caravan.dlq.offset";

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    public DeadLetters(Producer<byte[], byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    public void send(String originTopic, int partition, long offset, byte[] key, byte[] value, int status, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(STATUS, Integer.toString(status).getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_TOPIC, originTopic.getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_PARTITION, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
        headers.add(ORIGIN_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        pending.add(producer.send(new ProducerRecord<>(topic, null, key, value, headers)));
    }

    /** Waits until Kafka stored every dead letter: only then may the source offsets be committed. */
    public int awaitAll() {
        producer.flush();
        int count = pending.size();
        try {
            for (Future<RecordMetadata> ack : pending) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing dead letters", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write to dead-letter topic " + topic + ": " + e.getCause().getMessage(), e);
        } finally {
            pending.clear();
        }
        return count;
    }
}
