package dev.caravan.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.index.IndexHarness;
import dev.caravan.index.IndexService;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The search API over real HTTP, on a corpus indexed through real Kafka into the real OpenSearch node. */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SearchCorpus corpus = new SearchCorpus();
    private IndexHarness harness;
    private SearchServer server;

    record Reply(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    @BeforeAll
    void indexTheCorpus(LocalStack stack) {
        harness = new IndexHarness(stack);
        IndexService service = harness.startService(IndexHarness.newGroup("search-api"));
        server = SearchServer.start(service.client(), "127.0.0.1", 0, 10);
        corpus.send(harness);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> get("/v1/search?q=" + corpus.marker).body().path("total").asInt() == 13
                        && get("/v1/fx/" + corpus.fxPair()).body().path("points").size() == 5);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private Reply get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode body = type.contains("json") ? json.readTree(response.body()) : null;
        return new Reply(response.statusCode(), type, body, response);
    }

    private JsonNode search(String query) throws Exception {
        Reply reply = get("/v1/search?" + query);
        assertThat(reply.status()).as("GET /v1/search?%s: %s", query, reply.raw().body()).isEqualTo(200);
        return reply.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    @Test
    void pagesThroughTheResultsTenAtATime() throws Exception {
        JsonNode first = search("q=" + corpus.marker);
        JsonNode second = search("q=" + corpus.marker + "&page=2");
        assertThat(first.path("results").size()).isEqualTo(10);
        assertThat(second.path("results").size()).isEqualTo(3);
        List<String> ids = new ArrayList<>(texts(first.path("results"), "id"));
        ids.addAll(texts(second.path("results"), "id"));
        assertThat(ids).doesNotHaveDuplicates().hasSize(13);
    }

    @Test
    void highlightsTheQueryAndMarksEntitiesByType() throws Exception {
        JsonNode body = search("q=" + enc("tokayev " + corpus.marker));
        assertThat(body.path("total").asInt()).isEqualTo(1);
        JsonNode result = body.path("results").get(0);
        assertThat(result.path("id").asText()).isEqualTo(corpus.heatingId);

        List<String> hits = new ArrayList<>();
        result.path("highlights").forEach(fragment -> fragment.forEach(s -> {
            if (s.path("hit").asBoolean()) {
                hits.add(s.path("text").asText());
            }
        }));
        assertThat(hits).contains("Tokayev", corpus.marker);

        JsonNode person = StreamSupport.stream(result.path("titleSegments").spliterator(), false)
                .filter(s -> "PERSON".equals(s.path("type").asText())).findFirst().orElseThrow();
        assertThat(person.path("text").asText()).isEqualTo("Tokayev");
        assertThat(person.path("entity").asText()).isEqualTo("Kassym-Jomart Tokayev");
        assertThat(texts(result.path("snippetSegments"), "type")).contains("LOCATION", "ORGANIZATION", "CURRENCY");
        assertThat(String.join("", texts(result.path("titleSegments"), "text")))
                .isEqualTo("Tokayev Signs 600 Billion Tenge Heating Plan in Astana");
    }

    @Test
    void facetsCountArticlesPerEntityAndSumTheMoneyInUsd() throws Exception {
        JsonNode body = search("q=" + corpus.marker);
        JsonNode facets = body.path("facets");
        assertThat(texts(facets.path("people"), "name")).containsExactlyInAnyOrder("Kassym-Jomart Tokayev", "Nursultan Nazarbayev");
        assertThat(facets.path("places").get(0).path("name").asText()).isEqualTo("Tashkent");
        assertThat(facets.path("places").get(0).path("count").asInt()).isEqualTo(10);
        assertThat(texts(facets.path("organizations"), "name"))
                .containsExactlyInAnyOrder("Samruk-Kazyna", "National Bank of the Kyrgyz Republic");
        assertThat(texts(facets.path("countries"), "name")).containsExactly("Uzbekistan", "Kazakhstan", "Kyrgyzstan");
        assertThat(facets.path("countries").get(1).path("count").asInt()).isEqualTo(2);
        assertThat(texts(facets.path("currencies"), "name")).containsExactlyInAnyOrder("KZT", "KGS");
        assertThat(body.path("moneyUsd").asDouble()).isEqualTo(SearchCorpus.HEATING_USD + SearchCorpus.LIBRARY_USD);
    }

    @Test
    void filtersByEntityTypeCountryCurrencyAndDate() throws Exception {
        String q = "q=" + corpus.marker;
        assertThat(texts(search(q + "&entity=" + enc("kassym-jomart TOKAYEV")).path("results"), "id"))
                .containsExactly(corpus.heatingId);
        assertThat(search(q + "&type=organization").path("total").asInt()).isEqualTo(2);
        assertThat(search(q + "&entity=Tashkent&type=LOCATION").path("total").asInt()).isEqualTo(10);
        assertThat(search(q + "&entity=Tashkent&type=PERSON").path("total").asInt()).isZero();
        assertThat(texts(search(q + "&country=Kyrgyzstan").path("results"), "id")).containsExactly(corpus.bankId);
        assertThat(texts(search(q + "&currency=kzt").path("results"), "id"))
                .containsExactlyInAnyOrder(corpus.heatingId, corpus.libraryId);
        assertThat(texts(search(q + "&from=2024-12-01&to=2024-12-05").path("results"), "id"))
                .containsExactlyInAnyOrder(corpus.heatingId, corpus.bankId);
        assertThat(search(q + "&from=2024-12-06").path("total").asInt()).isEqualTo(1);
    }

    @Test
    void accentFreeQueriesFindAccentedText() throws Exception {
        assertThat(texts(search("q=" + enc("nazarbaev " + corpus.marker)).path("results"), "id")).containsExactly(corpus.libraryId);
    }

    @Test
    void queryTextIsOnlyEverAValueNeverQueryDsl() throws Exception {
        assertThat(search("q=" + enc("{\"match_all\":{}}")).path("total").asInt()).isZero();
        assertThat(search("q=" + enc("title:* OR source:* " + corpus.marker + " \"unclosed")).path("total").asInt()).isZero();
        assertThat(search("q=" + enc(")))(((" )).path("total").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
        "page=0|page",
        "page=abc|page",
        "page=1001|page",
        "from=2024-13-01|from",
        "to=yesterday|to",
        "from=2024-12-10&to=2024-12-01|from",
        "type=ANIMAL|type",
        "currency=KZTX|currency",
        "currency=K1T|currency",
        "sort=date|sort",
        "q=a&q=b|q",
    })
    void badParametersAreAnsweredWithProblemJsonNamingThem(String query, String parameter) throws Exception {
        Reply reply = get("/v1/search?" + query);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("parameter").asText()).isEqualTo(parameter);
        assertThat(reply.body().path("detail").asText()).contains(parameter);
        assertThat(reply.raw().body()).doesNotContain("Exception", "at dev.caravan");
    }

    @Test
    void anArticleWithItsTextAsSegmentsAndA404ForAnUnknownId() throws Exception {
        Reply reply = get("/v1/articles/" + enc(corpus.libraryId));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("title").asText()).isEqualTo(SearchCorpus.SCRIPT_TITLE);
        assertThat(String.join("", texts(reply.body().path("bodySegments"), "text"))).startsWith("Nursultan Nazarbáev opened");
        assertThat(texts(reply.body().path("bodySegments"), "entity")).contains("Nursultan Nazarbayev", "Almaty");
        assertThat(reply.body().path("money").get(0).path("usd").asDouble()).isEqualTo(SearchCorpus.LIBRARY_USD);

        Reply missing = get("/v1/articles/no-such-" + corpus.marker);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anEntityWithItsArticlesOverTime() throws Exception {
        Reply reply = get("/v1/entities/" + enc("nursultan nazarbayev").replace("+", "%20"));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.body();
        assertThat(body.path("name").asText()).isEqualTo("Nursultan Nazarbayev");
        assertThat(body.path("type").asText()).isEqualTo("PERSON");
        assertThat(texts(body.path("articles"), "id")).contains(corpus.libraryId);
        assertThat(texts(body.path("timeline"), "date")).contains("2024-12-10");

        Reply place = get("/v1/entities/Bishkek");
        assertThat(place.body().path("country").asText()).isEqualTo("Kyrgyzstan");
        assertThat(get("/v1/entities/Nobody-" + corpus.marker).status()).isEqualTo(404);
    }

    @Test
    void theRateHistoryOfAPairInDateOrderWithinARange() throws Exception {
        JsonNode all = get("/v1/fx/" + corpus.fxPair()).body();
        assertThat(all.path("pair").asText()).isEqualTo(corpus.fxBase + "/USD");
        assertThat(texts(all.path("points"), "asOf"))
                .containsExactly("2024-12-01", "2024-12-02", "2024-12-03", "2024-12-04", "2024-12-05");
        assertThat(all.path("points").get(0).path("rate").asDouble()).isEqualTo(0.00192);

        JsonNode some = get("/v1/fx/" + corpus.fxPair().toLowerCase() + "?from=2024-12-02&to=2024-12-04").body();
        assertThat(texts(some.path("points"), "asOf")).containsExactly("2024-12-02", "2024-12-03", "2024-12-04");

        assertThat(get("/v1/fx").body().path("pairs").toString()).contains(corpus.fxPair());
        Reply bad = get("/v1/fx/TENGE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("parameter").asText()).isEqualTo("pair");
        assertThat(get("/v1/fx/" + corpus.fxPair() + "?from=someday").body().path("parameter").asText()).isEqualTo("from");
    }

    @Test
    void healthAndThePageWithAStrictContentSecurityPolicy() throws Exception {
        Reply health = get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");

        Reply page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw().body()).contains("id=\"search-form\"", "/app.js");
        assertThat(page.raw().headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(get("/app.js").status()).isEqualTo(200);
    }
}
