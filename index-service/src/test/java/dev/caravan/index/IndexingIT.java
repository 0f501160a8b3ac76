package dev.caravan.index;

import static dev.caravan.index.IndexHarness.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.index.dlq.DeadLetters;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.get_alias.IndexAliases;

/** The index stage against real Kafka, registry and OpenSearch: templates, replay, revisions, bulk failures, an outage. */
@ExtendWith(LocalStackExtension.class)
class IndexingIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private IndexHarness harness;
    private String source;

    @BeforeEach
    void setUp(LocalStack stack) {
        harness = new IndexHarness(stack);
        source = "it-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private List<EnrichedArticle> articles(int count, Instant ingestedAt) {
        return IntStream.range(0, count).mapToObj(i -> TestArticles.article(source + "-" + i, source,
                "Article " + i + " about the Astana budget", "Body " + i + " mentions Kassym-Jomart Tokayev.")
                .entity(EntityType.PERSON, "Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev", null)
                .ingestedAt(ingestedAt).build()).toList();
    }

    @Test
    void templatesAndAliasesAreInstalledAndMonthlyIndicesJoinTheAlias() throws Exception {
        String group = IndexHarness.newGroup("templates");
        IndexService service = harness.startService(group);
        OpenSearchClient client = service.client();

        assertThat(client.indices().existsIndexTemplate(t -> t.name("articles-v1")).value()).isTrue();
        assertThat(client.indices().existsIndexTemplate(t -> t.name("fx-ticks-v1")).value()).isTrue();

        harness.send(List.of(TestArticles.article(source + "-nov", source, "November", "Older news.")
                .published(java.time.LocalDate.of(2031, 11, 30)).build(),
                TestArticles.article(source + "-dec", source, "December", "Newer news.")
                .published(java.time.LocalDate.of(2031, 12, 1)).build()));
        await().atMost(PATIENCE).until(() -> harness.countBySource(client, source) == 2);

        Map<String, IndexAliases> aliases = client.indices().getAlias(a -> a.index("articles-v1-2031.*")).result();
        assertThat(aliases).containsOnlyKeys("articles-v1-2031.11", "articles-v1-2031.12");
        assertThat(aliases.values()).allSatisfy(a -> assertThat(a.aliases()).containsKey("articles"));
        var mapping = client.indices().getMapping(m -> m.index("articles-v1-2031.12")).result().get("articles-v1-2031.12")
                .mappings().properties();
        assertThat(mapping.get("entities").isNested()).isTrue();
        assertThat(mapping.get("money").isNested()).isTrue();
        assertThat(mapping.get("publishedDate").isDate()).isTrue();
    }

    @Test
    void theSameThousandRecordsTwiceAndAReplayLeaveAThousandDocuments() throws Exception {
        List<EnrichedArticle> batch = articles(1_000, Instant.parse("2024-12-02T10:00:00Z"));
        harness.send(batch);
        harness.send(batch); // the same records again, as a producer retry or a re-ingest would
        String group = IndexHarness.newGroup("replay");
        IndexService service = harness.startService(group);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group));
        assertThat(harness.countBySource(service.client(), source)).isEqualTo(1_000);

        // A replay from the start under a new group overwrites every document with itself.
        String replay = IndexHarness.newGroup("replay-again");
        harness.startService(replay);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(replay));
        assertThat(harness.countBySource(service.client(), source)).isEqualTo(1_000);
    }

    @Test
    @SuppressWarnings("rawtypes")
    void aTruncatedOrOlderRevisionNeverOverwritesAFullerOrNewerOne() throws Exception {
        Instant t1 = Instant.parse("2024-12-02T10:00:00Z");
        Instant t2 = t1.plusSeconds(60);
        Instant t3 = t2.plusSeconds(60);
        String a = source + "-a";
        String b = source + "-b";
        String c = source + "-c";
        harness.send(List.of(
                // a: full text, then a newer teaser, then an older full text: the first full text stays
                TestArticles.article(a, source, "A", "full text of a, revision 2").ingestedAt(t2).build(),
                TestArticles.article(a, source, "A", "teaser of a...").truncated(true).ingestedAt(t3).build(),
                TestArticles.article(a, source, "A", "full text of a, revision 1").ingestedAt(t1).build(),
                // b: a teaser first, then the full text (older): the full text wins
                TestArticles.article(b, source, "B", "teaser of b...").truncated(true).ingestedAt(t3).build(),
                TestArticles.article(b, source, "B", "full text of b").ingestedAt(t1).build(),
                // c: two full texts: the newer wins, whichever arrives first
                TestArticles.article(c, source, "C", "full text of c, revision 2").ingestedAt(t2).build(),
                TestArticles.article(c, source, "C", "full text of c, revision 1").ingestedAt(t1).build()));
        String group = IndexHarness.newGroup("revisions");
        IndexService service = harness.startService(group);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group));

        OpenSearchClient client = service.client();
        client.indices().refresh(r -> r.index("articles"));
        Map<String, String> bodies = new java.util.HashMap<>();
        for (var hit : client.search(s -> s.index("articles").query(q -> q.ids(i -> i.values(List.of(a, b, c)))), Map.class)
                .hits().hits()) {
            bodies.put(hit.id(), (String) hit.source().get("body"));
        }
        assertThat(bodies).containsExactlyInAnyOrderEntriesOf(Map.of(
                a, "full text of a, revision 2", b, "full text of b", c, "full text of c, revision 2"));
    }

    @Test
    void aRevisionWhoseDateMovedToAnotherMonthReplacesTheOldCopyAndAnOlderOneDoesNot() throws Exception {
        String id = source + "-moved";
        Instant t1 = Instant.parse("2024-12-02T10:00:00Z");
        harness.send(List.of(TestArticles.article(id, source, "Moved", "revision 1, November")
                .published(java.time.LocalDate.of(2024, 11, 30)).ingestedAt(t1).build()));
        String group = IndexHarness.newGroup("moved");
        IndexService service = harness.startService(group);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group));
        harness.send(List.of(
                TestArticles.article(id, source, "Moved", "revision 2, December")
                        .published(java.time.LocalDate.of(2024, 12, 2)).ingestedAt(t1.plusSeconds(60)).build(),
                TestArticles.article(id, source, "Moved", "revision 0, October, arriving late")
                        .published(java.time.LocalDate.of(2024, 10, 5)).ingestedAt(t1.minusSeconds(60)).build()));
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group));

        OpenSearchClient client = service.client();
        client.indices().refresh(r -> r.index("articles"));
        var hits = client.search(s -> s.index("articles").query(q -> q.ids(i -> i.values(List.of(id)))), Map.class).hits().hits();
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.index()).isEqualTo("articles-v1-2024.12");
            assertThat(hit.source().get("body")).isEqualTo("revision 2, December");
        });
    }

    @Test
    void aDocumentOpenSearchRejectsGoesToTheDlqAndTheGoodOnesLand() throws Exception {
        List<EnrichedArticle> records = new ArrayList<>(articles(20, Instant.parse("2024-12-02T10:00:00Z")));
        // NaN is a valid Avro double but OpenSearch refuses it in a float field: a 400 for this item only.
        String bad = source + "-bad";
        records.add(10, TestArticles.article(bad, source, "Bad", "A record with an impossible confidence.")
                .entity(EntityType.PERSON, "Nobody", "impossible", null, Double.NaN).build());
        harness.send(records);
        String group = IndexHarness.newGroup("partial");
        IndexService service = harness.startService(group);
        await().atMost(PATIENCE).until(() -> harness.caughtUp(group));

        assertThat(harness.countBySource(service.client(), source)).isEqualTo(20);
        List<ConsumerRecord<String, byte[]>> dead = harness.deadLetters(List.of(bad));
        assertThat(dead).isNotEmpty().allSatisfy(r -> {
            assertThat(header(r, DeadLetters.STATUS)).isEqualTo("400");
            assertThat(header(r, DeadLetters.REASON)).contains("mapper_parsing_exception");
            assertThat(header(r, DeadLetters.ORIGIN_TOPIC)).isEqualTo(Topics.ENRICHED_ARTICLES);
            assertThat(r.value()).isNotEmpty();
        });
        assertThat(service.deadLetteredCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void openSearchDownForAWhileMidStreamThenEveryRecordArrivesExactlyOnce(LocalStack stack) throws Exception {
        List<EnrichedArticle> all = articles(600, Instant.parse("2024-12-02T10:00:00Z"));
        String group = IndexHarness.newGroup("outage");
        IndexService service = harness.startService(group);
        harness.send(all.subList(0, 300));
        await().atMost(PATIENCE).until(() -> harness.countBySource(service.client(), source) == 300);
        long settled = harness.committedArticles(group);

        stack.stopOpenSearch();
        try {
            harness.send(all.subList(300, 600));
            // While OpenSearch is down the batch stays unsettled: nothing more is committed.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> harness.committedArticles(group) == settled);
        } finally {
            stack.startOpenSearch();
        }

        await().atMost(PATIENCE).until(() -> harness.caughtUp(group));
        assertThat(harness.countBySource(service.client(), source)).isEqualTo(600);
    }
}
