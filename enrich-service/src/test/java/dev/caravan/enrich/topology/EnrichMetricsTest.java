package dev.caravan.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.metrics.EnrichMetrics;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The enrich stage's own meters, as an operator reads them on /metrics. */
class EnrichMetricsTest {

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path stateDir;

    private static final Instant NOW = Instant.parse("2024-12-02T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2024, 12, 2);

    @Test
    void articlesEntitiesMoneyWithoutUsdAndLateTicksAreCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EnrichSerdes serdes = EnrichSerdes.forRegistry("mock://enrich-metrics-test");
        Properties props = EnrichTopology.streamsProperties(new EnrichConfig(Map.of()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()); // its own, so two builds on one machine never share a lock
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(Gazetteer.bundled(),
                g -> new ArticleEnricher(g, 7, Clock.fixed(NOW, ZoneOffset.UTC)), serdes, GlobalDeadLetters.LOG_ONLY,
                EnrichTopology.DEFAULT_MAX_RECORD_BYTES, AwaitingRates.DEFAULTS, new EnrichMetrics(registry)), props, NOW)) {
            TestInputTopic<String, RawArticle> raw = driver.createInputTopic(Topics.RAW_ARTICLES,
                    serdes.key().serializer(), serdes.raw().serializer());
            TestInputTopic<String, FxTick> ticks = driver.createInputTopic(Topics.FX_TICKS,
                    serdes.key().serializer(), serdes.tick().serializer());
            raw.pipeInput("a1", RawArticle.newBuilder().setId("a1").setSource("t").setTitle("Loan")
                    .setBody("Kassym-Jomart Tokayev said a loan of KZT 2.3bn was signed in Almaty.").setTruncated(false)
                    .setPublishedDate(DAY).setIngestedAt(NOW).setContentHash("h").build());

            assertThat(registry.get("caravan.enrich.articles").tag("outcome", "enriched").counter().count()).isEqualTo(1);
            assertThat(registry.get("caravan.enrich.entities.per.article").summary().totalAmount()).isGreaterThanOrEqualTo(2);
            assertThat(registry.get("caravan.enrich.money.facts.per.article").summary().totalAmount()).isEqualTo(1);
            assertThat(registry.get("caravan.enrich.money.facts.without.usd").counter().count()).isEqualTo(1);
            assertThat(registry.get("caravan.enrich.tagging").timer().count()).isEqualTo(1);

            ticks.pipeInput("KZT/USD", FxTick.newBuilder().setBase("KZT").setQuote("USD")
                    .setRate(new BigDecimal("0.00192").setScale(10)).setChangePct(0).setAsOf(DAY).setSource("t").build(), NOW);
            driver.advanceWallClockTime(Duration.ofSeconds(5));
            assertThat(registry.get("caravan.enrich.articles").tag("outcome", "re_enriched").counter().count()).isEqualTo(1);
        }
    }
}
