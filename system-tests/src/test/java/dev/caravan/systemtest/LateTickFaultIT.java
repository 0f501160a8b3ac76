package dev.caravan.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caravan.enrich.EnrichService;
import dev.caravan.index.IndexService;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rate comes late: an article whose day has no KZT tick is searchable without USD and says why;
 * once the tick arrives the article is enriched again and searchable with its USD, one document.
 */
@ExtendWith(LocalStackExtension.class)
class LateTickFaultIT {

    @Test
    void anArticleSentBeforeItsTickIsSearchableWithUsdOnceTheTickArrives(LocalStack stack) throws Exception {
        FaultKit kit = new FaultKit(stack);
        String marker = FaultKit.marker("late-tick");
        // a day about eight years back that no other test ticks, so the rate can only come from this test's tick;
        // not older: the FX store keeps ten years behind the newest tick it saw and skips older ones
        LocalDate day = LocalDate.now().minusYears(8).withDayOfYear(1).plusDays(Math.floorMod(marker.hashCode(), 700));
        String id = marker + "-loan";
        RawArticle article = RawArticle.newBuilder().setId(id).setSource(marker).setTitle("Loan of 600 billion tenge signed")
                .setBody("The bank signed a loan of 600 billion tenge for heating networks.").setPublishedDate(day)
                .setIngestedAt(Instant.now()).setContentHash("h-loan").build();
        try (IndexService index = kit.index(); EnrichService enrich = kit.enrich();
             KafkaProducer<String, Object> producer = kit.avroProducer()) {
            producer.send(new ProducerRecord<>(Topics.RAW_ARTICLES, id, article)).get();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> kit.article(id) != null);
            JsonNode before = kit.article(id).path("moneyFacts").get(0);
            assertThat(before.path("usd").isNull()).isTrue();
            assertThat(before.path("noUsdReason").asText()).isEqualTo("no KZT/USD tick within 7 days before " + day);

            producer.send(new ProducerRecord<>(Topics.FX_TICKS, null, Topics.fxTickTimestamp(day), "KZT/USD",
                    FaultKit.tick("KZT", day, marker))).get();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !kit.article(id).path("moneyFacts").get(0).path("usd").isNull());
            JsonNode after = kit.article(id);
            assertThat(after.path("moneyFacts").get(0).path("usdCents").asLong()).isEqualTo(115_200_000_000L);
            assertThat(after.path("moneyFacts").get(0).path("usdSource").asText()).isEqualTo("RATE");
            assertThat(after.path("moneyUsd").asDouble()).isEqualTo(1.152e9);
            assertThat(kit.indexed(marker).hits()).as("one document, the newer revision").isEqualTo(1);
        }
    }
}
