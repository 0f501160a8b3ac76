package dev.caravan.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caravan.index.api.SearchServer;
import dev.caravan.index.bulk.IndexLifecycle;
import dev.caravan.index.bulk.IndexTemplates;
import dev.caravan.index.config.IndexConfig;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * What the index keeps and how it is searched, on the real node: English analysis of title and body (also
 * for an index made by the previous template version), FX rates exactly as the ticks carry them, and the
 * index lifecycle (ISM) at start-up.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexMappingIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String marker = "mapping" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private IndexHarness harness;
    private IndexService service;
    private SearchServer server;
    private List<String> startupLog;

    @BeforeAll
    void start(LocalStack stack) {
        harness = new IndexHarness(stack);
        Map<String, Object> values = new HashMap<>(harness.config(IndexHarness.newGroup("mapping")).originals());
        values.put(IndexConfig.RETENTION_MONTHS, 6);
        service = new IndexService(new IndexConfig(values));
        try (CapturedLog log = new CapturedLog(IndexLifecycle.class)) {
            service.start();
            startupLog = log.lines();
        }
        server = SearchServer.start(service.client(), "127.0.0.1", 0, 10);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (service != null) {
            service.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String getRaw(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private List<String> ids(String q) throws Exception {
        return StreamSupport.stream(get("/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).path("results").spliterator(), false)
                .map(r -> r.path("id").asText()).toList();
    }

    @Test
    void possessivesAndPluralsAreFoundByTheirStem() throws Exception {
        String id = marker + "-rail";
        harness.send(List.of(TestArticles.article(id, "it-" + marker, "Freight on the steppe " + marker,
                "Kazakhstan's railways carried more grain this autumn. Filed under " + marker + ".").build()));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> ids(marker).contains(id));

        assertThat(ids("railway " + marker)).containsExactly(id);
        assertThat(ids("Kazakhstan " + marker)).containsExactly(id);
        assertThat(ids("kazakhstans railway carrying " + marker)).containsExactly(id);
        JsonNode result = get("/v1/search?q=" + URLEncoder.encode("railway " + marker, StandardCharsets.UTF_8)).path("results").get(0);
        StringBuilder hits = new StringBuilder();
        result.path("highlights").forEach(fragment -> fragment.forEach(s -> {
            if (s.path("hit").asBoolean()) {
                hits.append(s.path("text").asText()).append('|');
            }
        }));
        assertThat(hits.toString()).contains("railways|");
        assertThat(ids("railroad " + marker)).isEmpty();
    }

    @Test
    void anIndexOfThePreviousTemplateVersionGetsTheEnglishAnalysis() throws Exception {
        OpenSearchClient client = service.client();
        String index = "articles-v1-1999.0" + (1 + (int) (Math.random() * 9));
        String legacy = "it-legacy-" + marker;
        // articles-v1 as version 3 had it (no news_english, no .english subfields), for this one index only
        ObjectNode template = (ObjectNode) json.readTree(resource("/opensearch/articles-v1.template.json")
                .replace("\"${replicas}\"", "0"));
        template.putArray("index_patterns").add(index);
        template.put("priority", 500).put("version", 3);
        ObjectNode analysis = (ObjectNode) template.path("template").path("settings").path("analysis");
        analysis.remove("filter");
        ((ObjectNode) analysis.path("analyzer")).remove("news_english");
        ObjectNode properties = (ObjectNode) template.path("template").path("mappings").path("properties");
        ((ObjectNode) properties.path("title").path("fields")).remove("english");
        ((ObjectNode) properties.path("body")).remove("fields");
        execute(client, "DELETE", "/" + index, null);
        assertThat(execute(client, "PUT", "/_index_template/" + legacy, json.writeValueAsString(template))).isEqualTo(200);
        try {
            assertThat(execute(client, "PUT", "/" + index, "{}")).isEqualTo(200);
        } finally {
            execute(client, "DELETE", "/_index_template/" + legacy, null);
        }
        String id = marker + "-legacy";
        Map<String, Object> doc = dev.caravan.index.document.ArticleDocuments.article(TestArticles.article(id, "it-" + marker,
                "Old news " + marker, "Kazakhstan's railways in an index of version 3, " + marker + ".")
                .published(LocalDate.of(1999, 1, 15)).build());
        assertThat(execute(client, "PUT", "/" + index + "/_doc/" + id,
                dev.caravan.index.bulk.OpenSearchClients.objectMapper().writeValueAsString(doc))).isEqualTo(201);
        client.indices().refresh(r -> r.index(index));
        assertThat(ids("Old news " + marker)).contains(id);
        assertThat(ids("Kazakhstan " + marker)).doesNotContain(id); // version 3 knew no possessives

        IndexTemplates.ensure(client, 0);

        JsonNode settings = json.readTree(body(client, "/" + index + "/_settings"));
        assertThat(settings.path(index).path("settings").path("index").path("analysis").path("analyzer").has("news_english")).isTrue();
        JsonNode mapping = json.readTree(body(client, "/" + index + "/_mapping"));
        assertThat(mapping.path(index).path("mappings").path("properties").path("body").path("fields").path("english")
                .path("analyzer").asText()).isEqualTo("news_english");
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            client.indices().refresh(r -> r.index(index));
            return ids("Kazakhstan railway " + marker).contains(id);
        });
        execute(client, "DELETE", "/" + index, null);
    }

    @Test
    void fxRatesComeBackExactly() throws Exception {
        java.util.Random random = new java.util.Random();
        String base = "Q" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        String pair = base + "-USD";
        harness.sendTicks(List.of(
                TestArticles.tick(base, LocalDate.of(2024, 12, 1), "0.0000785123", 0.0),
                TestArticles.tick(base, LocalDate.of(2024, 12, 2), "12345678.1234567891", 0.1)));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> get("/v1/fx/" + pair).path("points").size() == 2);

        String raw = getRaw("/v1/fx/" + pair);
        assertThat(raw).contains("\"rate\":0.0000785123,").contains("\"rateText\":\"0.0000785123\"")
                .contains("\"rate\":12345678.1234567891,").contains("\"rateText\":\"12345678.1234567891\"");
        JsonNode points = get("/v1/fx/" + pair).path("points");
        assertThat(points.get(0).path("rate").decimalValue()).isEqualByComparingTo("0.0000785123");
        assertThat(points.get(0).path("rateText").asText()).isEqualTo("0.0000785123");

        OpenSearchClient client = service.client();
        JsonNode doc = json.readTree(body(client, "/fx-ticks-v1-2024/_doc/" + base + "-USD-2024-12-01")).path("_source");
        assertThat(doc.path("rateText").asText()).isEqualTo("0.0000785123");
        assertThat(doc.path("rateE10").asLong()).isEqualTo(785_123L);
        JsonNode big = json.readTree(body(client, "/fx-ticks-v1-2024/_doc/" + base + "-USD-2024-12-02")).path("_source");
        assertThat(big.path("rateText").asText()).isEqualTo("12345678.1234567891");
        assertThat(big.path("rateE10").asLong()).isEqualTo(123_456_781_234_567_891L);
        // the exact copy is indexed: a term query on it finds the tick
        String found = json.writeValueAsString(Map.of("query", Map.of("bool", Map.of("filter", List.of(
                Map.of("term", Map.of("rateE10", 785_123L)), Map.of("term", Map.of("pair", base + "/USD")))))));
        assertThat(json.readTree(post(client, "/fx-ticks/_search", found)).path("hits").path("hits").get(0).path("_id").asText())
                .isEqualTo(base + "-USD-2024-12-01");
    }

    @Test
    void startUpAppliesTheLifecycleOrSaysItIsNotManaged() throws Exception {
        OpenSearchClient client = service.client();
        if (IndexLifecycle.hasIsm(client)) {
            JsonNode policy = json.readTree(body(client, "/_plugins/_ism/policies/" + IndexLifecycle.POLICY_ID));
            assertThat(policy.path("policy").path("states").get(0).path("transitions").get(0).path("conditions")
                    .path("min_index_age").asText()).isEqualTo("186d");
        } else {
            assertThat(startupLog).filteredOn(l -> l.startsWith("INFO ")).hasSize(1).first().asString()
                    .contains("Index lifecycle not managed").contains(IndexLifecycle.ISM_PLUGIN)
                    .contains("index.retention.months=6");
            assertThat(startupLog).allMatch(l -> l.startsWith("INFO "));
            assertThat(execute(client, "GET", "/_plugins/_ism/policies/" + IndexLifecycle.POLICY_ID, null)).isNotEqualTo(200);
        }
        // start-up went on: the service indexes
        String id = marker + "-alive";
        harness.send(List.of(TestArticles.article(id, "it-" + marker, "Still indexing " + marker, "Lifecycle or not.").build()));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> ids("indexing " + marker).contains(id));
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = IndexMappingIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int execute(OpenSearchClient client, String method, String endpoint, String body) throws Exception {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.json(body);
        }
        try (Response response = client.generic().execute(request.build())) {
            return response.getStatus();
        }
    }

    private static String body(OpenSearchClient client, String endpoint) throws Exception {
        try (Response response = client.generic().execute(Requests.builder().method("GET").endpoint(endpoint).build())) {
            assertThat(response.getStatus()).as("GET %s", endpoint).isEqualTo(200);
            return response.getBody().map(b -> b.bodyAsString()).orElse("");
        }
    }

    private static String post(OpenSearchClient client, String endpoint, String body) throws Exception {
        try (Response response = client.generic().execute(Requests.builder().method("POST").endpoint(endpoint).json(body).build())) {
            assertThat(response.getStatus()).as("POST %s", endpoint).isEqualTo(200);
            return response.getBody().map(b -> b.bodyAsString()).orElse("");
        }
    }
}
