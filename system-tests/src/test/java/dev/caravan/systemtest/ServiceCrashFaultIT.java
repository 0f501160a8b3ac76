package dev.caravan.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.localstack.ChildJvm;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An enrich or index instance is killed with SIGKILL in the middle of its work (no close, no
 * leave-group, an open transaction or an uncommitted bulk) and started again, each as its own
 * JVM running the {@code caravan} launcher: exactly once for enrich (read_committed), idempotent
 * ids for index.
 */
@ExtendWith(LocalStackExtension.class)
class ServiceCrashFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCrashFaultIT.class);

    private static void produce(FaultKit kit, String marker, int total) {
        try (KafkaProducer<String, Object> producer = kit.avroProducer()) {
            for (int i = 0; i < total; i++) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
            }
            producer.flush();
        }
    }

    @Test
    void enrichKilledMidTransactionAndRestartedWritesEveryArticleExactlyOnce(LocalStack stack) {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("enrich-kill");
        int total = 3000;
        long t0 = System.nanoTime();
        Path stateDir = FaultKit.tempDir("enrich-child-state");
        ChildJvm enrich = kit.enrichChild("enrich-kill-1.log", stateDir);
        ChildJvm restarted = null;
        try (FaultKit.Tail tail = kit.tail(Topics.ENRICHED_ARTICLES)) {
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> produce(kit, marker, total),
                    r -> new Thread(r, "load").start());
            // Mid-stream: the first enriched articles are written, most likely in a transaction still open.
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(1)).until(() -> tail.seen(marker + "-") >= 50);
            enrich.kill();
            load.join();
            int committedAtKill = kit.readTopic(Topics.ENRICHED_ARTICLES, marker + "-", 0, true).size();
            int writtenAtKill = kit.readTopic(Topics.ENRICHED_ARTICLES, marker + "-", 0, false).size();
            LOG.info("enrich killed with {} committed, {} written of {}", committedAtKill, writtenAtKill, total);

            // Same state dir, as a restarted pod would have: the dirty store is wiped and restored.
            restarted = kit.enrichChild("enrich-kill-2.log", stateDir);
            List<ConsumerRecord<String, byte[]>> out = kit.readTopic(Topics.ENRICHED_ARTICLES, marker + "-", total, true);
            int rawWritten = kit.readTopic(Topics.ENRICHED_ARTICLES, marker + "-", total, false).size();
            assertThat(out).hasSize(total);
            assertThat(out.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(total);
            LOG.info("enrich kill: {} articles, {} committed at the kill, {} committed once after restart, "
                            + "{} written in all (aborted ones included), {} ms",
                    total, committedAtKill, out.size(), rawWritten, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            enrich.kill();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    @Test
    void indexKilledMidBatchAndRestartedIndexesEveryArticleOnce(LocalStack stack) {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("index-kill");
        int total = 2000;
        long t0 = System.nanoTime();
        // Small bulks, so the kill lands between a bulk accepted by OpenSearch and its offset commit.
        Map<String, String> smallBulks = Map.of("CARAVAN_INDEX_BULK_MAX_DOCS", "50", "CARAVAN_INDEX_BULK_LINGER_MS", "50");
        ChildJvm index = kit.indexChild("index-kill-1.log", smallBulks);
        ChildJvm restarted = null;
        try (EnrichService enrich = kit.enrich()) {
            produce(kit, marker, total);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> kit.indexedCount(marker) >= 100);
            index.kill();
            long atKill = kit.indexedCount(marker);
            LOG.info("index killed with {} of {} indexed", atKill, total);

            restarted = kit.indexChild("index-kill-2.log", smallBulks);
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kit.indexedCount(marker) >= total);
            FaultKit.Indexed indexed = kit.indexed(marker);
            assertThat(indexed.hits()).isEqualTo(total);
            assertThat(indexed.ids()).hasSize(total);
            LOG.info("index kill: {} articles, {} indexed at the kill, {} searchable once after restart, {} ms",
                    total, atKill, indexed.hits(), (System.nanoTime() - t0) / 1_000_000);
        } finally {
            index.kill();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }
}
