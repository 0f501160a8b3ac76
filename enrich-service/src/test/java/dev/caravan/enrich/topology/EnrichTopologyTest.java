package dev.caravan.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.EntityTagger;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.Topics;
import java.time.Clock;
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

    private static final Instant NOW = Instant.parse("2024-12-02T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, RawArticle> raw;
    private TestInputTopic<String, byte[]> rawBytes;
    private TestOutputTopic<String, EnrichedArticle> enriched;

    @BeforeEach
    void setUp() {
        EnrichSerdes serdes = EnrichSerdes.forRegistry("mock://enrich-topology-test");
        ArticleEnricher enricher = new ArticleEnricher(new EntityTagger(Gazetteer.bundled()), Clock.fixed(NOW, ZoneOffset.UTC));
        Properties props = EnrichTopology.streamsProperties(new EnrichConfig(Map.of()));
        props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/enrich-topology-test");
        driver = new TopologyTestDriver(EnrichTopology.build(enricher, serdes), props);
        raw = driver.createInputTopic(Topics.RAW_ARTICLES, serdes.key().serializer(), serdes.raw().serializer());
        rawBytes = driver.createInputTopic(Topics.RAW_ARTICLES, new StringSerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.ENRICHED_ARTICLES, serdes.key().deserializer(), serdes.enriched().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private static RawArticle article(String id, String title, String body) {
        return RawArticle.newBuilder().setId(id).setSource("test").setTitle(title).setBody(body)
                .setTruncated(body.endsWith("...")).setPublishedDate(LocalDate.of(2024, 12, 2))
                .setIngestedAt(NOW).setContentHash("h-" + id).build();
    }

    @Test
    void articleComesOutTaggedUnderItsId() {
        raw.pipeInput("a1", article("a1", "Tokayev visits Almaty", "Kassym-Jomart Tokayev opened the metro..."));

        var record = enriched.readKeyValue();
        assertThat(record.key).isEqualTo("a1");
        EnrichedArticle out = record.value;
        assertThat(out.getTitle()).isEqualTo("Tokayev visits Almaty");
        assertThat(out.getTruncated()).isTrue();
        assertThat(out.getPublishedDate()).isEqualTo(LocalDate.of(2024, 12, 2));
        assertThat(out.getEnrichedAt()).isEqualTo(NOW);
        assertThat(out.getEntities()).extracting(Entity::getName).containsExactly("Kassym-Jomart Tokayev", "Almaty");
    }

    @Test
    void unreadableRecordIsSkippedAndTheStreamGoesOn() {
        // The dead-letter record itself is checked against the real broker in EnrichPipelineIT:
        // TopologyTestDriver does not pass handler-built DLQ records to output topics.
        rawBytes.pipeInput("bad", new byte[] {1, 2, 3});
        raw.pipeInput("a2", article("a2", "Bishkek", "A body."));

        assertThat(enriched.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a2");
    }
}
