package dev.caravan.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.index.IndexService;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.Topics;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema registry away: mid-stream, services and producers keep going on the schema ids they
 * have cached; at a service's start-up (nothing cached), the service waits for the registry rather
 * than dead-lettering good records or dying, and catches up when it is back.
 */
@ExtendWith(LocalStackExtension.class)
class SchemaRegistryFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryFaultIT.class);
    private static final int TOTAL = 200;

    private static void send(KafkaProducer<String, Object> producer, String marker, int from, int to) {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
        }
        producer.flush();
    }

    private static void assertEveryArticleSearchableOnceAndNoneDeadLettered(FaultKit kit, String marker, String what, long t0) {
        FaultKit.Indexed indexed = kit.indexed(marker);
        assertThat(indexed.hits()).isEqualTo(TOTAL);
        assertThat(indexed.ids()).hasSize(TOTAL);
        assertThat(deadLettered(kit, marker)).isZero();
        LOG.info("{}: {} articles, {} searchable once, 0 dead-lettered, {} ms",
                what, TOTAL, indexed.hits(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static long deadLettered(FaultKit kit, String marker) {
        return kit.readTopic(Topics.INDEX_DLQ, marker + "-", 0, false).size()
                + kit.readTopic(Topics.ENRICH_DLQ, marker + "-", 0, false).size();
    }

    @Test
    void registryKilledMidStreamCachedIdsKeepWorking(LocalStack stack) {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("registry-mid");
        long t0 = System.nanoTime();
        try (IndexService index = kit.index(); EnrichService enrich = kit.enrich();
             KafkaProducer<String, Object> producer = kit.avroProducer()) {
            send(producer, marker, 0, 10);
            await().atMost(Duration.ofMinutes(3)).until(() -> kit.indexedCount(marker) >= 10);
            try {
                stack.killSchemaRegistry();
                send(producer, marker, 10, TOTAL);
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> kit.indexedCount(marker) >= TOTAL);
                assertThat(stack.isSchemaRegistryRunning()).isFalse();
            } finally {
                stack.startSchemaRegistry();
            }
            assertEveryArticleSearchableOnceAndNoneDeadLettered(kit, marker, "registry mid-stream", t0);
        }
    }

    @Test
    void servicesStartedWhileTheRegistryIsDownWaitForItAndLoseNothing(LocalStack stack) {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("registry-start");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, Object> producer = kit.avroProducer()) {
            send(producer, marker, 0, 1); // the producer has its id cached; the services to come have nothing
            try {
                stack.killSchemaRegistry();
                send(producer, marker, 1, TOTAL);
                try (IndexService index = kit.index(); EnrichService enrich = kit.enrich()) {
                    // The services wait, not ready, and so do the articles: nothing indexed, nothing dead-lettered.
                    await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                            .until(() -> kit.indexedCount(marker) <= 0 && !enrich.health().readiness().up()
                                    && enrich.state() != org.apache.kafka.streams.KafkaStreams.State.ERROR);
                    stack.startSchemaRegistry();
                    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                            .until(() -> kit.indexedCount(marker) >= TOTAL);
                    assertThat(enrich.state().isRunningOrRebalancing()).isTrue();
                }
            } finally {
                stack.startSchemaRegistry();
            }
            assertEveryArticleSearchableOnceAndNoneDeadLettered(kit, marker, "registry at start-up", t0);
        }
    }
}
