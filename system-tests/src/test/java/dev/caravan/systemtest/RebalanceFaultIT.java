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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second enrich and a second index instance join while articles stream in: partitions move in
 * the middle of transactions and bulks, and still every article is enriched and indexed once.
 */
@ExtendWith(LocalStackExtension.class)
class RebalanceFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceFaultIT.class);
    private static final int TOTAL = 3000;

    @Test
    void instancesJoiningUnderLoadLoseAndDuplicateNothing(LocalStack stack) throws Exception {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("rebalance");
        long t0 = System.nanoTime();
        try (IndexService index = kit.index(); EnrichService enrich = kit.enrich();
             KafkaProducer<String, Object> producer = kit.avroProducer()) {
            // Load: a steady stream from its own thread, in small flushed bursts.
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < TOTAL; i++) {
                    producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
                    if (i % 50 == 49) {
                        producer.flush();
                    }
                }
                producer.flush();
            }, r -> new Thread(r, "load").start());
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> kit.indexedCount(marker) >= 1);
            long atJoin = kit.indexedCount(marker);
            try (EnrichService enrich2 = kit.enrich(); IndexService index2 = kit.index()) {
                LOG.info("second instances joining with {} of {} indexed", atJoin, TOTAL);
                load.get(3, TimeUnit.MINUTES);
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                        .until(() -> kit.indexedCount(marker) >= TOTAL);
                LOG.info("the joined instances: index took {} documents", index2.indexedCount());
            }
            FaultKit.Indexed indexed = kit.indexed(marker);
            assertThat(indexed.hits()).isEqualTo(TOTAL);
            assertThat(indexed.ids()).hasSize(TOTAL);
            List<String> keys = kit.readTopic(Topics.ENRICHED_ARTICLES, marker + "-", TOTAL, true).stream()
                    .map(ConsumerRecord::key).toList();
            assertThat(keys).hasSize(TOTAL).doesNotHaveDuplicates();
            LOG.info("rebalance: {} articles, {} indexed when the instances joined, {} searchable once, {} enriched once, {} ms",
                    TOTAL, atJoin, indexed.hits(), keys.size(), (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
