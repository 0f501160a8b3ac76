package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.ingest.files.IngestSummary;
import dev.caravan.ingest.identity.ArticleIdentity;
import dev.caravan.launcher.demo.LocalPipeline;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/** The sample page through the real broker, registry and OpenSearch, checked as a user would search it. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineEndToEndIT {

    private static final Path SAMPLE = Path.of("..", "samples", "steppe-herald-2024-12-02.txt");

    private LocalPipeline pipeline;
    private IngestSummary summary;

    @BeforeAll
    void ingestTheSamplePage(LocalStack stack) {
        pipeline = LocalPipeline.start(new LocalPipeline.Endpoints(
                stack.kafkaBootstrap(), stack.schemaRegistryUrl(), stack.opensearchUrl()), 3);
        summary = pipeline.ingest(List.of(SAMPLE), f -> { });
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .until(() -> pipeline.searchableArticles(summary.articleIds()) == 4 && pipeline.fxTicksIndexed() >= 5);
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @SuppressWarnings("rawtypes")
    private List<Hit<Map>> search(String index, org.opensearch.client.opensearch._types.query_dsl.Query query) throws Exception {
        SearchResponse<Map> response = pipeline.search().search(s -> s.index(index).query(query).size(50), Map.class);
        return response.hits().hits();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void everyArticleIsSearchableUnderItsStableIdWithPageDateAndTruncation() throws Exception {
        assertThat(summary.articles()).isEqualTo(4);
        assertThat(summary.problems()).isEmpty();
        String heatingId = ArticleIdentity.articleId("steppe", null, "Astana Approves 600 Billion Tenge Plan for Heating Networks");

        List<Hit<Map>> hits = search("articles", org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.term(t -> t
                .field("source").value(FieldValue.of("steppe")))));
        assertThat(hits).hasSize(4);
        Map heating = hits.stream().filter(h -> h.id().equals(heatingId)).findFirst().orElseThrow().source();
        assertThat(heating.get("title")).isEqualTo("Astana Approves 600 Billion Tenge Plan for Heating Networks");
        assertThat(heating.get("publishedDate")).isEqualTo("2024-12-02");
        assertThat(heating.get("truncated")).isEqualTo(false);
        assertThat(hits).extracting(h -> h.source().get("truncated")).containsExactlyInAnyOrder(false, true, false, true);
        assertThat(hits).extracting(Hit::index).containsOnly("articles-v1-2024.12");
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void taggedEntitiesAreSearchableAsNestedFieldsAndAccentFreeText() throws Exception {
        List<Hit<Map>> byPerson = search("articles", org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.nested(n -> n
                .path("entities").query(nq -> nq.term(t -> t.field("entities.name.keyword")
                        .value(FieldValue.of("Kassym-Jomart Tokayev")))))));
        assertThat(byPerson).singleElement().satisfies(hit ->
                assertThat(hit.source().get("title")).isEqualTo("Astana Approves 600 Billion Tenge Plan for Heating Networks"));

        List<Hit<Map>> inKyrgyzstan = search("articles", org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.nested(n -> n
                .path("entities").query(nq -> nq.term(t -> t.field("entities.country").value(FieldValue.of("Kyrgyzstan")))))));
        assertThat(inKyrgyzstan).extracting(h -> h.source().get("title")).contains("Kyrgyz Central Bank Keeps Key Rate at 9%");

        SearchResponse<Void> byCountry = pipeline.search().search(s -> s.index("articles").size(0)
                .query(q -> q.term(t -> t.field("source").value(FieldValue.of("steppe"))))
                .aggregations("countries", a -> a.terms(t -> t.field("countries"))), Void.class);
        assertThat(byCountry.aggregations().get("countries").sterms().buckets().array())
                .as("flat fields for dashboards").extracting(b -> b.key()).contains("Kazakhstan", "Kyrgyzstan");

        List<Hit<Map>> folded = search("articles", org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.match(m -> m
                .field("title").query(FieldValue.of("ASTANA approves")))));
        assertThat(folded).isNotEmpty();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void fiveDistinctFxTicksWithRatesAndChanges() throws Exception {
        List<Hit<Map>> ticks = search("fx-ticks", org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.matchAll(m -> m)));
        assertThat(ticks).extracting(Hit::id).containsExactlyInAnyOrder(
                "KGS-USD-2024-12-02", "KZT-USD-2024-12-02", "TJS-USD-2024-12-02", "UZS-USD-2024-12-02", "TMT-USD-2024-12-02");
        Map tjs = ticks.stream().filter(h -> h.id().startsWith("TJS")).findFirst().orElseThrow().source();
        assertThat(((Number) tjs.get("rate")).doubleValue()).isEqualTo(0.09146);
        assertThat(((Number) tjs.get("changePct")).doubleValue()).isEqualTo(-2.56);
        assertThat(tjs.get("pair")).isEqualTo("TJS/USD");
        Map kzt = ticks.stream().filter(h -> h.id().startsWith("KZT")).findFirst().orElseThrow().source();
        assertThat(((Number) kzt.get("rate")).doubleValue()).isEqualTo(0.00192);
    }

    @Test
    void ingestingTheSamePageAgainDuplicatesNothing() {
        IngestSummary again = pipeline.ingest(List.of(SAMPLE), f -> { });
        assertThat(again.articleIds()).containsExactlyInAnyOrderElementsOf(summary.articleIds());
        // The re-sent records carry a later ingestedAt: wait until the index stage has taken them, then count.
        long before = pipeline.indexService().indexedCount();
        await().atMost(Duration.ofMinutes(1)).until(() -> pipeline.indexService().indexedCount() >= before + 1);
        assertThat(pipeline.searchableArticles(summary.articleIds())).isEqualTo(4);
    }

    @Test
    void anArticlePostedToTheIngestApiIsFoundThroughTheSearchApi() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String article = """
                {"source": "newsroom-cms", "url": "https://example.org/news/aktobe-bridge",
                 "title": "Aktobe Bridge Reopens After Repairs",
                 "body": "The bridge in Aktobe reopened after repairs costing 2 billion tenge, akim officials said.",
                 "publishedDate": "2024-12-02"}
                """;
        var accepted = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(pipeline.ingestUrl() + "/v1/articles"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(article)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);

        String url = pipeline.searchUrl() + "/v1/search?q=Aktobe+bridge";
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            var found = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).isEqualTo(200);
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(found.body());
            assertThat(json.get("total").asInt()).isEqualTo(1);
            assertThat(found.body()).contains("Aktobe Bridge Reopens After Repairs");
        });
    }
}
