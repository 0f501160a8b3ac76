package dev.caravan.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.ArticleLimits;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The article that once stopped the stage: one currency word repeated 68,267 times (~410 KB). */
class OversizedArticleTopologyTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    private static final Instant NOW = Instant.parse("2024-12-02T10:00:00Z");
    private static final String HOSTILE_BODY = "tenge ".repeat(68_267);

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, RawArticle> deadLetters;

    private void start(ArticleLimits limits, int maxRecordBytes) {
        EnrichSerdes serdes = EnrichSerdes.forRegistry("mock://oversized-article-test");
        Properties props = EnrichTopology.streamsProperties(new EnrichConfig(Map.of()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()); // its own, so two builds on one machine never share a lock
        driver = new TopologyTestDriver(EnrichTopology.build(Gazetteer.bundled(),
                g -> new ArticleEnricher(g, 7, Clock.fixed(NOW, ZoneOffset.UTC), limits), serdes,
                GlobalDeadLetters.LOG_ONLY, maxRecordBytes, AwaitingRates.DEFAULTS), props, NOW);
        raw = driver.createInputTopic(Topics.RAW_ARTICLES, serdes.key().serializer(), serdes.raw().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, serdes.key().deserializer(), serdes.enriched().deserializer());
        deadLetters = driver.createOutputTopic(Topics.ENRICH_DLQ, serdes.key().deserializer(), serdes.raw().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static RawArticle article(String id, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setTitle("Title " + id).setBody(body)
                .setTruncated(false).setPublishedDate(LocalDate.of(2024, 12, 2))
                .setIngestedAt(NOW).setContentHash("h-" + id).build();
    }

    @Test
    void repeatedCurrencyWordIsCappedAndTheRecordFitsUnderKafkasLimit() {
        start(ArticleLimits.DEFAULTS, EnrichTopology.DEFAULT_MAX_RECORD_BYTES);
        raw.pipeInput("hostile", article("hostile", HOSTILE_BODY));
        raw.pipeInput("next", article("next", "Kassym-Jomart Tokayev visited Almaty."));

        EnrichedArticle hostile = enriched.readValue();
        Entity tenge = hostile.getEntities().stream().filter(e -> e.getName().equals("KZT")).findFirst().orElseThrow();
        assertThat(tenge.getMentions()).hasSize(ArticleLimits.DEFAULTS.maxMentionsPerEntity());
        assertThat(hostile.getLimitsApplied()).anySatisfy(l -> assertThat(l).contains("mentions of CURRENCY KZT capped at 100"));
        assertThat(hostile.getBody()).isEqualTo(HOSTILE_BODY); // the text is kept whole
        assertThat(enriched.readValue().getId()).isEqualTo("next");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void bodyBeyondTheTaggedLengthIsNotRead() {
        start(new ArticleLimits(40, 500, 100, 200), EnrichTopology.DEFAULT_MAX_RECORD_BYTES);
        raw.pipeInput("long", article("long", "Kassym-Jomart Tokayev visited Almaty. Later he met Shavkat Mirziyoyev in Tashkent."));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.getEntities()).extracting(Entity::getName).containsExactly("Kassym-Jomart Tokayev", "Almaty");
        assertThat(out.getLimitsApplied()).containsExactly("body tagged up to 40 of 82 characters");
    }

    @Test
    void recordThatStillDoesNotFitGoesToTheDeadLetterTopicWithItsReasonAndTheStreamGoesOn() {
        start(ArticleLimits.DEFAULTS, 200_000);
        String big = "Almaty news. ".repeat(20_000); // 260 KB of text, over a 200 KB record limit
        raw.pipeInput("big", article("big", big));
        raw.pipeInput("next", article("next", "Kassym-Jomart Tokayev visited Almaty."));

        TestRecord<String, RawArticle> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("big");
        assertThat(dead.value().getBody()).isEqualTo(big); // the raw article, to be replayed once fixed
        String reason = new String(dead.headers().lastHeader(GlobalDeadLetters.REASON).value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("over enrich.max.record.bytes (200000)");
        assertThat(new String(dead.headers().lastHeader(GlobalDeadLetters.ORIGIN_TOPIC).value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.RAW_ARTICLES);
        assertThat(enriched.readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("next");
    }
}
