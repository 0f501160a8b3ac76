package dev.caravan.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityTrend;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.MoneyMention;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnrichTopologyTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    private static final Instant NOW = Instant.parse("2024-12-02T10:00:00Z");
    private static final LocalDate DEC_2 = LocalDate.of(2024, 12, 2);

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestInputTopic<String, FxTick> ticks;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, EntityTrend> trending;
    private TestInputTopic<String, String> gazetteer;

    @BeforeEach
    void setUp() {
        EnrichSerdes serdes = EnrichSerdes.forRegistry("mock://enrich-topology-test");

        Properties props = EnrichTopology.streamsProperties(new EnrichConfig(Map.of()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()); // its own, so two builds on one machine never share a lock
        driver = new TopologyTestDriver(EnrichTopology.build(Gazetteer.bundled(),
                g -> new ArticleEnricher(g, 7, Clock.fixed(NOW, ZoneOffset.UTC)), serdes), props, NOW);
        gazetteer = driver.createInputTopic(Topics.GAZETTEER, new StringSerializer(), new StringSerializer());
        raw = driver.createInputTopic(Topics.RAW_ARTICLES, serdes.key().serializer(), serdes.raw().serializer());
        rawBytes = driver.createInputTopic(Topics.RAW_ARTICLES, new StringSerializer(), new ByteArraySerializer());
        ticks = driver.createInputTopic(Topics.FX_TICKS, serdes.key().serializer(), serdes.tick().serializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, serdes.key().deserializer(), serdes.enriched().deserializer());
        trending = driver.createOutputTopic(Topics.TRENDING_ENTITIES, serdes.key().deserializer(), serdes.trend().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static RawArticle article(String id, LocalDate day, String title, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
                .setTruncated(body.endsWith("...")).setPublishedDate(day)
                .setIngestedAt(NOW).setContentHash("h-" + id).build();
    }

    private void tick(String pair, String rate, LocalDate day) {
        String[] p = pair.split("/");
        ticks.pipeInput(pair, FxTick.newBuilder().setBase(p[0]).setQuote(p[1]).setRate(new BigDecimal(rate).setScale(10))
                .setChangePct(0).setAsOf(day).setSource("test").build(), day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void articleComesOutTaggedUnderItsId() {
        raw.pipeInput("a1", article("a1", DEC_2, "Tokayev visits Almaty", "Kassym-Jomart Tokayev opened the metro..."));

        var record = enriched.readKeyValue();
        assertThat(record.key).isEqualTo("a1");
        EnrichedArticle out = record.value;
        assertThat(out.getTitle()).isEqualTo("Tokayev visits Almaty");
        assertThat(out.getTruncated()).isTrue();
        assertThat(out.getPublishedDate()).isEqualTo(DEC_2);
        assertThat(out.getEnrichedAt()).isEqualTo(NOW);
        assertThat(out.getEntities()).extracting(Entity::getName).containsExactly("Kassym-Jomart Tokayev", "Almaty");
    }

    @Test
    void moneyIsConvertedAtTheRateOfTheArticlesDayEvenWhenALaterRateArrivedFirst() {
        tick("KZT/USD", "0.00192", DEC_2);
        tick("KZT/USD", "0.00150", DEC_2.plusDays(10));
        raw.pipeInput("a1", article("a1", DEC_2, "Fund", "The fund lost 1.5 billion tenge (US$3.1 million)."));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.getMoney()).extracting(MoneyMention::getCurrency, MoneyMention::getAmount, MoneyMention::getUsd,
                MoneyMention::getRateAsOf).containsExactly(
                org.assertj.core.groups.Tuple.tuple("KZT", 1.5e9, 1.5e9 * 0.00192, DEC_2),
                org.assertj.core.groups.Tuple.tuple("USD", 3.1e6, 3.1e6, null));
    }

    @Test
    void articleBeforeAnyTickHasNoUsdAndALateTickServesLaterArticles() {
        raw.pipeInput("early", article("early", DEC_2, "Loan", "A loan of KZT 2.3bn was signed."));
        assertThat(enriched.readValue().getMoney().get(0).getUsd()).isNull();

        tick("KZT/USD", "0.00192", DEC_2);
        raw.pipeInput("later", article("later", DEC_2, "Loan", "A loan of KZT 2.3bn was signed."));
        assertThat(enriched.readValue().getMoney().get(0).getUsd()).isEqualTo(2.3e9 * 0.00192);
    }

    @Test
    void anArticleWithoutARateIsSentAgainOnceWhenItsTickArrivesLate() {
        raw.pipeInput("early", article("early", DEC_2, "Loan", "A loan of KZT 2.3bn and 40,000 somoni was signed."));
        EnrichedArticle first = enriched.readValue();
        assertThat(first.getMoneyFacts()).extracting(f -> f.getNoUsdReason()).containsExactly(
                "no KZT/USD tick within 7 days before 2024-12-02", "no TJS/USD tick within 7 days before 2024-12-02");
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(enriched.isEmpty()).as("nothing changed: nothing is sent again").isTrue();

        tick("KZT/USD", "0.00192", DEC_2.minusDays(1)); // the day before: still within enrich.fx.max.age.days
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        EnrichedArticle second = enriched.readValue();
        assertThat(second.getId()).isEqualTo("early");
        assertThat(second.getMoneyFacts().get(0).getUsd()).isEqualByComparingTo("4416000.00");
        assertThat(second.getMoneyFacts().get(1).getUsd()).isNull();
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(enriched.isEmpty()).as("sent once, not at every check").isTrue();

        tick("USD/TJS", "10.9", DEC_2);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        EnrichedArticle third = enriched.readValue();
        assertThat(third.getMoneyFacts()).allSatisfy(f -> assertThat(f.getUsd()).isNotNull());
        tick("KZT/USD", "0.00191", DEC_2.plusDays(3)); // a later tick: the article's day already has its rates
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(enriched.isEmpty()).as("an article with every rate waits no more").isTrue();
    }

    @Test
    void unreadableRecordIsSkippedAndTheStreamGoesOn() {
        // The dead-letter record itself is checked against the real broker in EnrichPipelineIT:
        // TopologyTestDriver does not pass handler-built DLQ records to output topics.
        rawBytes.pipeInput("bad", new byte[] {1, 2, 3});
        raw.pipeInput("a2", article("a2", DEC_2, "Bishkek", "A body."));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a2");
    }

    @Test
    void trendingCountsArticlesPerEntityPerWindow() {
        raw.pipeInput("a1", article("a1", DEC_2, "Tokayev in Astana", "Tokayev spoke. Tokayev left."), NOW);
        raw.pipeInput("a2", article("a2", DEC_2, "Astana news", "Kassym-Jomart Tokayev again."), NOW.plus(Duration.ofMinutes(2)));
        assertThat(trending.isEmpty()).as("sums wait for the next flush").isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        var latest = new java.util.HashMap<String, EntityTrend>();
        trending.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        EntityTrend daily = latest.values().stream()
                .filter(t -> t.getName().equals("Kassym-Jomart Tokayev") && t.getWindow().equals("P1D"))
                .findFirst().orElseThrow();
        assertThat(daily.getArticles()).as("two articles, however many mentions").isEqualTo(2);
        assertThat(daily.getWindowStart()).isEqualTo(Instant.parse("2024-12-02T00:00:00Z"));
        assertThat(latest.values()).filteredOn(t -> t.getWindow().equals("PT1H") && t.getName().equals("Astana"))
                .extracting(EntityTrend::getArticles).contains(2L);
    }

    @Test
    void trendingSumsOfLaterFlushesAddUpAndSlicesKeepTheirWindows() {
        raw.pipeInput("a1", article("a1", DEC_2, "Tokayev", "Tokayev spoke."), NOW);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        raw.pipeInput("a2", article("a2", DEC_2, "Tokayev", "Tokayev left."), NOW.plus(Duration.ofMinutes(1)));
        raw.pipeInput("a3", article("a3", DEC_2, "Tokayev", "Tokayev came back."), NOW.plus(Duration.ofMinutes(20)));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        var latest = new java.util.HashMap<String, EntityTrend>();
        trending.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
        var tokayev = latest.values().stream().filter(t -> t.getName().equals("Kassym-Jomart Tokayev")).toList();
        assertThat(tokayev).filteredOn(t -> t.getWindow().equals("P1D")).singleElement()
                .satisfies(t -> assertThat(t.getArticles()).isEqualTo(3));
        // 10:00 and 10:01 fall in the hours starting 09:15..10:00; 10:20 in 09:30..10:15.
        assertThat(tokayev).filteredOn(t -> t.getWindow().equals("PT1H"))
                .extracting(t -> t.getWindowStart().toString(), EntityTrend::getArticles)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("2024-12-02T09:15:00Z", 2L),
                        org.assertj.core.groups.Tuple.tuple("2024-12-02T09:30:00Z", 3L),
                        org.assertj.core.groups.Tuple.tuple("2024-12-02T09:45:00Z", 3L),
                        org.assertj.core.groups.Tuple.tuple("2024-12-02T10:00:00Z", 3L),
                        org.assertj.core.groups.Tuple.tuple("2024-12-02T10:15:00Z", 1L));
    }

    @Test
    void entityPublishedOnTheGazetteerTopicIsTaggedWithoutARedeploy() {
        raw.pipeInput("before", article("before", DEC_2, "Zhanar Ospanova speaks", "Ospanova spoke in Zhelsai."));
        assertThat(enriched.readValue().getEntities()).extracting(Entity::getName).doesNotContain("Zhanar Ospanova", "Zhelsai");

        gazetteer.pipeInput("Zhanar Ospanova", "PERSON\tZhanar Ospanova\tOspanova\t\t");
        gazetteer.pipeInput("Zhelsai", "LOCATION\tZhelsai\tJelsay\tKazakhstan\tCentral Asia");
        gazetteer.pipeInput("broken", "PLANET\tMars");
        raw.pipeInput("after", article("after", DEC_2, "Zhanar Ospanova speaks", "Ospanova spoke in Zhelsai."));
        EnrichedArticle after = enriched.readValue();
        assertThat(after.getEntities()).extracting(Entity::getName).contains("Zhanar Ospanova", "Zhelsai");
        assertThat(after.getEntities()).filteredOn(e -> e.getName().equals("Zhanar Ospanova")).singleElement()
                .satisfies(e -> assertThat(e.getMentions()).hasSize(2));

        gazetteer.pipeInput("Zhelsai", (String) null);
        raw.pipeInput("removed", article("removed", DEC_2, "News", "A day in Zhelsai."));
        assertThat(enriched.readValue().getEntities()).extracting(Entity::getName).doesNotContain("Zhelsai");
    }

    @Test
    void poisonOnTheGlobalTopicsIsSkippedAndTheStreamGoesOn() {
        TestInputTopic<String, byte[]> tickBytes = driver.createInputTopic(Topics.FX_TICKS, new StringSerializer(), new ByteArraySerializer());
        tickBytes.pipeInput("KZT/USD", new byte[] {0, 0, 0, 0, 42, 1});
        tickBytes.pipeInput("KZT/USD", "not avro".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        gazetteer.pipeInput("broken", "\u0000\u0001");
        tick("KZT/USD", "0.00192", DEC_2);
        raw.pipeInput("a1", article("a1", DEC_2, "Loan", "A loan of KZT 2.3bn was signed in Astana."));

        EnrichedArticle out = enriched.readValue();
        assertThat(out.getMoney().get(0).getUsd()).isEqualTo(2.3e9 * 0.00192);
    }
}
