package dev.caravan.index.api;

import dev.caravan.index.document.ArticleDocuments;
import dev.caravan.schema.EntityType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.CalendarInterval;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.ChildScoreMode;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Article queries on the {@code articles} alias, built only with the client's typed builders: the
 * user's text is a value inside a simple_query_string (which never fails on syntax), never DSL.
 */
final class ArticleSearch {

    private static final int TITLE_LIMIT = 1_000;
    private static final int SNIPPET_LIMIT = 320;
    private static final int FACET_SIZE = 10;
    private static final Map<String, EntityType> ENTITY_FACETS = Map.of(
            "people", EntityType.PERSON, "places", EntityType.LOCATION,
            "organizations", EntityType.ORGANIZATION, "currencies", EntityType.CURRENCY);

    private final OpenSearchClient client;
    private final int pageSize;

    ArticleSearch(OpenSearchClient client, int pageSize) {
        this.client = client;
        this.pageSize = pageSize;
    }

    @SuppressWarnings("rawtypes")
    Map<String, Object> search(SearchQuery query) throws IOException {
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(ArticleDocuments.ARTICLES_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true) // nothing indexed yet is an empty answer
                .query(query(query, entityMatch(query.entity(), query.type())))
                .from((query.page() - 1) * pageSize).size(pageSize)
                .trackTotalHits(t -> t.enabled(true))
                .sort(s -> s.score(o -> o.order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field("publishedDate").order(SortOrder.Desc)))
                .sort(s -> s.field(f -> f.field("id").order(SortOrder.Asc)))
                .aggregations("entities", facets())
                // the per-article sum of money facts: each amount once, never its bracketed equivalent or repeats
                .aggregations("moneyUsd", Aggregation.of(a -> a.sum(s -> s.field("moneyUsdCents"))));
        if (query.q() != null) {
            // highlight within the first 999,999 characters: beyond OpenSearch's index.highlight.max_analyzed_offset
            // (1,000,000) it refused the whole shard, and every page holding a long body came back empty
            request.highlight(h -> h.preTags(TextSegments.HIT_START).postTags(TextSegments.HIT_END).maxAnalyzerOffset(999_999)
                    .fields("title", f -> f.numberOfFragments(0))
                    .fields("body", f -> f.fragmentSize(160).numberOfFragments(2))
                    .fields("title.english", f -> f.numberOfFragments(0))
                    .fields("body.english", f -> f.fragmentSize(160).numberOfFragments(2)));
        }
        SearchResponse<Map> response = client.search(request.build(), Map.class);
        // A shard that failed (once: OpenSearch refusing to highlight a body over a million characters)
        // must never look like "no results": an empty page with failures is an error, a partial one says so.
        int failedShards = response.shards() == null ? 0 : response.shards().failed();
        if (failedShards > 0 && response.hits().hits().isEmpty()) {
            String reason = response.shards().failures().isEmpty() ? "unknown"
                    : response.shards().failures().get(0).reason().reason();
            throw ApiProblem.unavailable("the search failed on " + failedShards + " of " + response.shards().total()
                    + " shards (" + reason + "); try again, or tell the operators");
        }

        List<Map<String, Object>> results = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            results.add(result(hit));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", response.hits().total() == null ? results.size() : response.hits().total().value());
        body.put("page", query.page());
        body.put("pageSize", pageSize);
        body.put("results", results);
        if (failedShards > 0) {
            body.put("partial", true);
            body.put("failedShards", failedShards);
        }
        body.put("facets", facets(response.aggregations().get("entities")));
        Aggregate money = response.aggregations().get("moneyUsd");
        Double cents = money == null ? null : money.sum().value();
        Double usd = cents == null ? null : java.math.BigDecimal.valueOf(cents).movePointLeft(2).doubleValue();
        body.put("moneyUsd", usd == null || usd.isNaN() || usd.isInfinite() ? 0.0 : usd);
        return body;
    }

    /** The whole article with entity-marked title and body. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Map<String, Object> article(String id) throws IOException {
        SearchResponse<Map> response = client.search(s -> s.index(ArticleDocuments.ARTICLES_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.ids(i -> i.values(id))).size(1), Map.class);
        if (response.hits().hits().isEmpty()) {
            throw ApiProblem.notFound("no article with id '" + id + "'");
        }
        Map<String, Object> doc = response.hits().hits().get(0).source();
        Map<String, Object> body = summary(doc);
        body.put("body", doc.get("body"));
        body.put("titleSegments", TextSegments.withEntities((String) doc.get("title"), TextSegments.spans(doc, "TITLE"), TITLE_LIMIT));
        String text = (String) doc.get("body");
        body.put("bodySegments", TextSegments.withEntities(text, TextSegments.spans(doc, "BODY"), text == null ? 0 : text.length()));
        body.put("entities", entities(doc));
        body.put("money", doc.getOrDefault("money", List.of()));
        body.put("contentHash", doc.get("contentHash"));
        body.put("ingestedAt", doc.get("ingestedAt"));
        return body;
    }

    /** How many of the forms an entity is written in its page lists. */
    private static final int FORMS_LISTED = 20;

    /**
     * The articles mentioning an entity, looked up by its canonical name or any form an article writes it
     * in (a surname, an alias, an accented spelling), case- and accent-insensitively.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    Map<String, Object> entity(String name) throws IOException {
        String canonical = resolve(name);
        if (canonical == null) {
            throw ApiProblem.notFound("no article mentions '" + name + "'");
        }
        Query mentions = nested("entities", term("entities.name.keyword", canonical));
        SearchResponse<Map> response = client.search(s -> s.index(ArticleDocuments.ARTICLES_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(mentions).size(50)
                .trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field("publishedDate").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                .aggregations("timeline", a -> a.dateHistogram(d -> d.field("publishedDate")
                        .calendarInterval(CalendarInterval.Day).format("yyyy-MM-dd").minDocCount(1))), Map.class);
        if (response.hits().hits().isEmpty()) {
            throw ApiProblem.notFound("no article mentions '" + name + "'");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> known = matchingEntity(response.hits().hits().get(0).source(), canonical);
        body.put("name", known.getOrDefault("name", canonical));
        if (!fold(canonical).equals(fold(name))) {
            body.put("lookedUp", name);
        }
        body.put("type", known.get("type"));
        body.put("country", known.get("country"));
        body.put("region", known.get("region"));
        body.put("total", response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value());
        List<Map<String, Object>> timeline = new ArrayList<>();
        response.aggregations().get("timeline").dateHistogram().buckets().array().forEach(b ->
                timeline.add(Map.of("date", b.keyAsString(), "count", b.docCount())));
        body.put("timeline", timeline);
        List<Map<String, Object>> articles = new ArrayList<>();
        for (Hit<Map> hit : response.hits().hits()) {
            Map<String, Object> doc = hit.source();
            Map<String, Object> article = summary(doc);
            article.put("titleSegments", TextSegments.withEntities((String) doc.get("title"), TextSegments.spans(doc, "TITLE"), TITLE_LIMIT));
            articles.add(article);
        }
        body.put("articles", articles);
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        // every form any article writes it in, by aggregation (not only the newest 50 articles' forms); the terms
        // are folded, so the articles that hold the other forms give them back as written
        SearchResponse<Map> withForms = client.search(s -> s.index(ArticleDocuments.ARTICLES_ALIAS)
                .ignoreUnavailable(true).allowNoIndices(true).size(0).query(mentions)
                .aggregations("entities", a -> a.nested(n -> n.path("entities"))
                        .aggregations("this", t -> t.filter(term("entities.name.keyword", canonical))
                                .aggregations("forms", f -> f.terms(terms -> terms.field("entities.forms").size(FORMS_LISTED))))),
                Map.class);
        Aggregate nestedEntities = withForms.aggregations().get("entities");
        List<FieldValue> others = new ArrayList<>();
        if (nestedEntities != null) {
            for (StringTermsBucket bucket : nestedEntities.nested().aggregations().get("this").filter().aggregations()
                    .get("forms").sterms().buckets().array()) {
                if (!bucket.key().equals(fold(canonical))) {
                    others.add(FieldValue.of(bucket.key()));
                }
            }
        }
        if (!others.isEmpty()) {
            Query holders = nested("entities", Query.of(q -> q.bool(b -> b.filter(term("entities.name.keyword", canonical))
                    .filter(f -> f.terms(t -> t.field("entities.forms").terms(v -> v.value(others)))))));
            SearchResponse<Map> written = client.search(s -> s.index(ArticleDocuments.ARTICLES_ALIAS)
                    .ignoreUnavailable(true).allowNoIndices(true).query(holders).size(FORMS_LISTED)
                    .source(src -> src.filter(f -> f.includes("entities.name", "entities.forms"))), Map.class);
            java.util.Set<String> wanted = new java.util.HashSet<>();
            others.forEach(v -> wanted.add(v.stringValue()));
            for (Hit<Map> hit : written.hits().hits()) {
                if (matchingEntity(hit.source(), canonical).get("forms") instanceof List<?> list) {
                    for (Object x : list) {
                        if (wanted.remove(fold(String.valueOf(x)))) {
                            forms.add(String.valueOf(x));
                        }
                    }
                }
            }
            forms.addAll(wanted); // folded, for a form no fetched article gave back
        }
        forms.removeIf(f -> fold(f).equals(fold(canonical)));
        body.put("forms", List.copyOf(forms));
        return body;
    }

    /**
     * What an entity parameter matches inside {@code entities}: the canonical name when some entity has
     * exactly that name (folded), else any entity written that way in an article or whose name contains
     * it as a phrase ("Tokayev" for Kassym-Jomart Tokayev). Null when no entity is asked for.
     */
    private Query entityMatch(String value, EntityType type) throws IOException {
        if (value == null) {
            return null;
        }
        Query exact = term("entities.name.folded", value);
        BoolQuery.Builder probe = new BoolQuery.Builder().filter(exact);
        if (type != null) {
            probe.filter(term("entities.type", type.name()));
        }
        long exactHits = client.count(c -> c.index(ArticleDocuments.ARTICLES_ALIAS).ignoreUnavailable(true)
                .allowNoIndices(true).query(nested("entities", Query.of(q -> q.bool(probe.build()))))).count();
        return exactHits > 0 ? exact : loose(value);
    }

    private static Query loose(String value) {
        return Query.of(q -> q.bool(b -> b.should(term("entities.forms", value))
                .should(s -> s.matchPhrase(m -> m.field("entities.name").query(value)))
                .minimumShouldMatch("1")));
    }

    /** The canonical name an entity lookup means: an exact name first, else the most-mentioned match. */
    @SuppressWarnings("rawtypes")
    private String resolve(String value) throws IOException {
        Query exact = term("entities.name.folded", value);
        for (Query match : List.of(exact, loose(value))) {
            SearchResponse<Map> response = client.search(s -> s.index(ArticleDocuments.ARTICLES_ALIAS)
                    .ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .query(nested("entities", match))
                    .aggregations("entities", a -> a.nested(n -> n.path("entities"))
                            .aggregations("matching", m -> m.filter(match)
                                    .aggregations("names", topTerms("entities.name.keyword")))), Map.class);
            Aggregate entities = response.aggregations().get("entities");
            if (entities == null) {
                return null;
            }
            List<StringTermsBucket> names = entities.nested().aggregations().get("matching").filter()
                    .aggregations().get("names").sterms().buckets().array();
            String best = null;
            long bestCount = -1;
            for (StringTermsBucket bucket : names) {
                long count = bucket.aggregations().get("articles").reverseNested().docCount();
                if (count > bestCount) {
                    best = bucket.key();
                    bestCount = count;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private static Query query(SearchQuery query, Query entityMatch) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        if (query.q() != null) {
            bool.must(m -> m.simpleQueryString(s -> s.query(query.q()).fields("title^3", "body", "title.english^3", "body.english")
                    .defaultOperator(Operator.And).lenient(true)));
        }
        if (query.entity() != null || query.type() != null) {
            BoolQuery.Builder entity = new BoolQuery.Builder();
            if (entityMatch != null) {
                entity.filter(entityMatch);
            }
            if (query.type() != null) {
                entity.filter(term("entities.type", query.type().name()));
            }
            bool.filter(nested("entities", Query.of(q -> q.bool(entity.build()))));
        }
        if (query.country() != null) {
            bool.filter(nested("entities", term("entities.country", query.country())));
        }
        if (query.currency() != null) {
            Query named = Query.of(q -> q.bool(b -> b.filter(term("entities.type", EntityType.CURRENCY.name()))
                    .filter(term("entities.name.keyword", query.currency()))));
            bool.filter(f -> f.bool(b -> b.should(nested("entities", named))
                    .should(nested("money", term("money.currency", query.currency()))).minimumShouldMatch("1")));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> {
                r.field("publishedDate");
                if (query.from() != null) {
                    r.gte(JsonData.of(query.from().toString()));
                }
                if (query.to() != null) {
                    r.lte(JsonData.of(query.to().toString()));
                }
                return r;
            }));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }

    private static Query nested(String path, Query inner) {
        return Query.of(q -> q.nested(n -> n.path(path).query(inner).scoreMode(ChildScoreMode.None)));
    }

    /** Top entities by type and top countries, each counted in articles (reverse_nested), not mentions. */
    private static Aggregation facets() {
        Aggregation.Builder.ContainerBuilder nested = new Aggregation.Builder().nested(n -> n.path("entities"));
        ENTITY_FACETS.forEach((facet, type) -> nested.aggregations(facet, a -> a
                .filter(term("entities.type", type.name()))
                .aggregations("names", topTerms("entities.name.keyword"))));
        nested.aggregations("countries", topTerms("entities.country"));
        return nested.build();
    }

    private static Aggregation topTerms(String field) {
        return Aggregation.of(a -> a.terms(t -> t.field(field).size(FACET_SIZE))
                .aggregations("articles", r -> r.reverseNested(rn -> rn)));
    }

    private static Map<String, Object> facets(Aggregate entities) {
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String facet : List.of("people", "places", "organizations", "countries", "currencies")) {
            List<Map<String, Object>> values = new ArrayList<>();
            if (entities != null) {
                Aggregate terms = "countries".equals(facet)
                        ? entities.nested().aggregations().get(facet)
                        : entities.nested().aggregations().get(facet).filter().aggregations().get("names");
                for (StringTermsBucket bucket : terms.sterms().buckets().array()) {
                    values.add(Map.of("name", bucket.key(),
                            "count", bucket.aggregations().get("articles").reverseNested().docCount()));
                }
            }
            facets.put(facet, values);
        }
        return facets;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Object> result(Hit<Map> hit) {
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = hit.source();
        Map<String, Object> result = summary(doc);
        result.put("titleSegments", TextSegments.withEntities((String) doc.get("title"), TextSegments.spans(doc, "TITLE"), TITLE_LIMIT));
        result.put("snippetSegments", TextSegments.withEntities((String) doc.get("body"), TextSegments.spans(doc, "BODY"), SNIPPET_LIMIT));
        List<List<Map<String, Object>>> highlights = new ArrayList<>();
        for (String field : List.of("title", "body")) {
            // the English subfield marks what stemming matched too (railway in "railways", Kazakhstan in
            // "Kazakhstan's"); a document indexed before it existed has only the folded field's highlights
            List<String> fragments = hit.highlight().getOrDefault(field + ".english", List.of());
            for (String fragment : fragments.isEmpty() ? hit.highlight().getOrDefault(field, List.of()) : fragments) {
                highlights.add(TextSegments.fromHighlight(fragment));
            }
        }
        result.put("highlights", highlights);
        result.put("entities", entities(doc));
        return result;
    }

    private static Map<String, Object> summary(Map<String, Object> doc) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String field : List.of("id", "title", "source", "url", "publishedDate", "dateSource", "truncated")) {
            summary.put(field, doc.get(field));
        }
        summary.put("moneyFacts", doc.getOrDefault("moneyFacts", List.of()));
        summary.put("moneyUsd", doc.get("moneyUsd"));
        return summary;
    }

    /** Each entity once, without its mention offsets. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entities(Map<String, Object> doc) {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (Map<String, Object> entity : (List<Map<String, Object>>) doc.getOrDefault("entities", List.of())) {
            Map<String, Object> e = new LinkedHashMap<>();
            for (String field : List.of("type", "name", "country", "region")) {
                e.put(field, entity.get(field));
            }
            e.put("mentions", ((List<?>) entity.getOrDefault("mentions", List.of())).size());
            entities.add(e);
        }
        return entities;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> matchingEntity(Map<String, Object> doc, String name) {
        String folded = fold(name);
        for (Map<String, Object> entity : (List<Map<String, Object>>) doc.getOrDefault("entities", List.of())) {
            if (entity.get("name") instanceof String n && fold(n).equals(folded)) {
                return entity;
            }
        }
        return Map.of();
    }

    /** Lower case without accents: what the "folded" normalizer does, for picking the entity back out. */
    private static String fold(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
