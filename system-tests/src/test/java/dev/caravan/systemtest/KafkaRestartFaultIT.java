package dev.caravan.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.index.IndexService;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker stops cleanly in the middle of the stream and comes back on the same log dir and
 * port: the producer, the Streams app (exactly-once) and the indexer reconnect by themselves, and
 * every article is searchable exactly once.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaRestartFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRestartFaultIT.class);
    private static final int TOTAL = 600;

    @Test
    void brokerStoppedAndRestartedMidStreamLosesAndDuplicatesNothing(LocalStack stack) throws Exception {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("kafka-restart");
        long t0 = System.nanoTime();
        try (IndexService index = kit.index(); EnrichService enrich = kit.enrich();
             KafkaProducer<String, Object> producer = kit.avroProducer()) {
            for (int i = 0; i < TOTAL / 2; i++) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
            }
            producer.flush();
            // Mid-stream: the first articles are searchable, the rest of the first half is in flight.
            await().atMost(Duration.ofMinutes(3)).until(() -> kit.indexedCount(marker) > 0);
            long before = kit.indexedCount(marker);
            CompletableFuture<RecordMetadata> secondHalf;
            try {
                stack.stopKafka();
                LOG.info("Kafka stopped with {} of {} indexed", before, TOTAL);
                // The second half is sent while the broker is down: send() waits for metadata, then retries.
                secondHalf = CompletableFuture.supplyAsync(() -> {
                    Future<RecordMetadata> last = null;
                    for (int i = TOTAL / 2; i < TOTAL; i++) {
                        last = producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
                    }
                    producer.flush();
                    try {
                        return last.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, r -> new Thread(r, "second-half").start());
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> !secondHalf.isDone());
            } finally {
                stack.startKafka();
            }
            LOG.info("Kafka back after {} ms", (System.nanoTime() - t0) / 1_000_000);
            assertThat(secondHalf.get(3, TimeUnit.MINUTES).offset()).isNotNegative();

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kit.indexedCount(marker) >= TOTAL);
            FaultKit.Indexed indexed = kit.indexed(marker);
            assertThat(indexed.hits()).isEqualTo(TOTAL);
            assertThat(indexed.ids()).hasSize(TOTAL);
            assertThat(enrich.state()).isIn(KafkaStreams.State.RUNNING, KafkaStreams.State.REBALANCING);

            // Exactly once on the enriched topic too: one committed record per article.
            List<String> keys = kit.readTopic(Topics.ENRICHED_ARTICLES, marker + "-", TOTAL, true).stream()
                    .map(r -> r.key()).toList();
            assertThat(keys).hasSize(TOTAL).doesNotHaveDuplicates();
            LOG.info("kafka restart: {} articles, {} indexed before the stop, {} searchable once, {} enriched once, {} ms",
                    TOTAL, before, indexed.hits(), keys.size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
