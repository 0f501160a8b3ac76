package dev.caravan.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.enrich.EnrichService;
import dev.caravan.enrich.topology.GlobalDeadLetters;
import dev.caravan.index.IndexService;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The article that once crash-looped the enrich stage (a currency word 68,267 times: its enriched
 * record listed every mention and was over Kafka's 1 MB limit), and one whose enriched record still
 * cannot fit: the first is indexed with its mentions capped, the second is dead-lettered with its
 * reason, and valid articles sent after both are all searchable.
 */
@ExtendWith(LocalStackExtension.class)
class OversizedArticleFaultIT {

    private static final int GOOD = 10;

    private static RawArticle withBody(String marker, String suffix, String body) {
        return RawArticle.newBuilder().setId(marker + "-" + suffix).setSource(marker).setTitle("Oversized " + suffix)
                .setBody(body).setPublishedDate(FaultKit.DAY).setIngestedAt(Instant.now()).setContentHash("h-" + suffix).build();
    }

    @Test
    void oversizedArticlesNeverStopTheStageAndLaterArticlesAreIndexed(LocalStack stack) throws Exception {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("oversized");
        String places = "Almaty Astana Bishkek Tashkent Dushanbe Ashgabat ";
        String nearlyOneMegabyte = places.repeat(998_000 / places.length());
        try (IndexService index = kit.index(); EnrichService enrich = kit.enrich();
             KafkaProducer<String, Object> producer = kit.avroProducer()) {
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-tenge", withBody(marker, "tenge", "tenge ".repeat(68_267))));
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-huge", withBody(marker, "huge", nearlyOneMegabyte)));
            for (int i = 0; i < GOOD; i++) {
                producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, marker + "-" + i, FaultKit.article(marker, i)));
            }
            producer.flush();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> kit.indexedCount(marker) >= GOOD + 1);
            FaultKit.Indexed indexed = kit.indexed(marker);
            assertThat(indexed.ids()).contains(marker + "-tenge").doesNotContain(marker + "-huge").hasSize(GOOD + 1);

            List<ConsumerRecord<String, byte[]>> dead = kit.readTopic(Topics.ENRICH_DLQ, marker + "-huge", 1, false);
            assertThat(dead).hasSize(1);
            Map<String, String> headers = FaultKit.headers(dead.get(0));
            assertThat(headers.get(GlobalDeadLetters.REASON)).contains("enrich.max.record.bytes");
            assertThat(headers.get(GlobalDeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.RAW_ARTICLES);
            assertThat(enrich.state().isRunningOrRebalancing()).isTrue();
            assertThat(enrich.health().liveness().up()).isTrue();
        }
    }
}
