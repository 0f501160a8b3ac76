package dev.caravan.index.api;

import dev.caravan.index.document.ArticleDocuments;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/** The rate history of a currency pair from the {@code fx-ticks} alias. */
final class FxHistory {

    /** A pair in a URL path: KZT-USD, KZT_USD or KZTUSD (a slash would be a path separator). */
    private static final Pattern PAIR = Pattern.compile("([A-Za-z]{3})[-_]?([A-Za-z]{3})");
    private static final int MAX_POINTS = 1_000;

    private final OpenSearchClient client;

    FxHistory(OpenSearchClient client) {
        this.client = client;
    }

    /** The pairs that have ticks, for the page's chart selector. */
    @SuppressWarnings("rawtypes")
    Map<String, Object> pairs() throws IOException {
        SearchResponse<Map> response = client.search(s -> s.index(ArticleDocuments.FX_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .aggregations("pairs", a -> a.terms(t -> t.field("pair").size(200))), Map.class);
        List<String> pairs = new ArrayList<>();
        if (response.aggregations().containsKey("pairs")) {
            response.aggregations().get("pairs").sterms().buckets().array().forEach(b -> pairs.add(b.key().replace('/', '-')));
        }
        pairs.sort(null);
        return Map.of("pairs", pairs);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    Map<String, Object> history(String pathPair, Map<String, List<String>> values) throws IOException {
        Matcher m = PAIR.matcher(pathPair);
        if (!m.matches()) {
            throw ApiProblem.badParameter("pair", "must be two ISO 4217 codes such as KZT-USD");
        }
        String pair = m.group(1).toUpperCase(Locale.ROOT) + "/" + m.group(2).toUpperCase(Locale.ROOT);
        QueryParams params = new QueryParams(values, java.util.Set.of("from", "to"));
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        QueryParams.requireOrdered(from, to);

        BoolQuery.Builder bool = new BoolQuery.Builder().filter(f -> f.term(t -> t.field("pair").value(FieldValue.of(pair))));
        if (from != null || to != null) {
            bool.filter(f -> f.range(r -> {
                r.field("asOf");
                if (from != null) {
                    r.gte(JsonData.of(from.toString()));
                }
                if (to != null) {
                    r.lte(JsonData.of(to.toString()));
                }
                return r;
            }));
        }
        SearchResponse<Map> response = client.search(s -> s.index(ArticleDocuments.FX_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.bool(bool.build())).size(MAX_POINTS)
                .sort(o -> o.field(f -> f.field("asOf").order(SortOrder.Asc))), Map.class);
        List<Map<String, Object>> points = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> tick = hit.source();
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("asOf", tick.get("asOf"));
            // exact: the decimal of the tick (rateText) as a JSON number and as text; ticks indexed before
            // rateText existed have only the double
            Object text = tick.get("rateText");
            point.put("rate", text instanceof String t ? new java.math.BigDecimal(t) : tick.get("rate"));
            point.put("rateText", text instanceof String t ? t : null);
            point.put("changePct", tick.get("changePct"));
            point.put("source", tick.get("source"));
            points.add(point);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pair", pair);
        body.put("points", points);
        return body;
    }
}
