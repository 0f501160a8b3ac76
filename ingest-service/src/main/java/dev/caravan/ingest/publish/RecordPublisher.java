package dev.caravan.ingest.publish;

import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes articles and ticks with an idempotent, acks=all producer. {@link #publish} returns only
 * when Kafka acknowledged every record, so a caller can answer "accepted" honestly.
 */
public final class RecordPublisher implements RecordSink, AutoCloseable {

    private final Producer<String, Object> producer;

    public RecordPublisher(IngestConfig config) {
        this(new KafkaProducer<>(producerProperties(config)));
    }

    RecordPublisher(Producer<String, Object> producer) {
        this.producer = producer;
    }

    public static Map<String, Object> producerProperties(IngestConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.putAll(config.kafkaClientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, config.getInt(IngestConfig.PRODUCER_LINGER_MS));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, config.getInt(IngestConfig.SEND_TIMEOUT_MS));
        // send() blocks while it has no metadata; bounded so an API request cannot hang on a dead cluster.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.apiPublishTimeoutMs());
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.getString(IngestConfig.PRODUCER_COMPRESSION).toLowerCase(java.util.Locale.ROOT));
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, config.getInt(IngestConfig.PRODUCER_BATCH_BYTES));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "caravan-ingest");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, config.schemaRegistryUrl());
        // A registry that is away holds a send no longer than Kafka may: the API answers 503 in time.
        props.put(AvroSerdeConfig.UNAVAILABLE_WAIT_MS_CONFIG, config.apiPublishTimeoutMs());
        return props;
    }

    /** Sends everything, then waits for every acknowledgement; throws if any record was not stored. */
    @Override
    public void publish(List<RawArticle> articles, List<FxTick> ticks) {
        publish(articles, ticks, null);
    }

    /**
     * Like {@link #publish(List, List)}, but gives up waiting after {@code timeout} (null: the
     * producer's delivery timeout). Records not yet acknowledged then may still be stored later:
     * their keys are stable, so a retry by the caller only overwrites them.
     */
    public void publish(List<RawArticle> articles, List<FxTick> ticks, Duration timeout) {
        List<Future<RecordMetadata>> pending = new ArrayList<>(articles.size() + ticks.size());
        send(articles, ticks, pending::add, null);
        if (timeout == null) {
            producer.flush();
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> ack : pending) {
            try {
                if (timeout == null) {
                    ack.get();
                } else {
                    ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while waiting for Kafka to acknowledge", e);
            } catch (ExecutionException e) {
                throw new PublishException("Kafka did not store a record: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishException("Kafka did not acknowledge within " + timeout.toMillis() + " ms", e);
            }
        }
    }

    /**
     * Sends every record and returns without waiting (send blocks only while the producer's buffer
     * is full: back-pressure). The future completes once Kafka acknowledged every record, or
     * exceptionally with a {@link PublishException} when one was not stored.
     *
     * @throws PublishException when Kafka or the registry refuses a record before it is sent
     */
    @Override
    public CompletableFuture<Void> publishAsync(List<RawArticle> articles, List<FxTick> ticks) {
        int count = articles.size() + ticks.size();
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (count == 0) {
            all.complete(null);
            return all;
        }
        AtomicInteger remaining = new AtomicInteger(count);
        Callback callback = (metadata, error) -> {
            if (error != null) {
                all.completeExceptionally(new PublishException("Kafka did not store a record: " + error.getMessage(), error));
            } else if (remaining.decrementAndGet() == 0) {
                all.complete(null);
            }
        };
        send(articles, ticks, future -> { }, callback);
        return all;
    }

    /** Sends what the producer holds now instead of after its linger, and waits until it was sent. */
    @Override
    public void flush() {
        producer.flush();
    }

    private void send(List<RawArticle> articles, List<FxTick> ticks,
                      java.util.function.Consumer<Future<RecordMetadata>> sent, Callback callback) {
        try {
            for (RawArticle article : articles) {
                sent.accept(producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, article.getId(), article), callback));
            }
            for (FxTick tick : ticks) {
                sent.accept(producer.send(new ProducerRecord<>(Topics.FX_TICKS, null,
                        Topics.fxTickTimestamp(tick.getAsOf()), Topics.pairKey(tick.getBase(), tick.getQuote()), tick),
                        callback));
            }
        } catch (KafkaException e) {
            throw new PublishException("Kafka or the schema registry refused a record: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Kafka refused or timed out on a record; nothing is known about the rest of the batch. */
    public static final class PublishException extends RuntimeException {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
