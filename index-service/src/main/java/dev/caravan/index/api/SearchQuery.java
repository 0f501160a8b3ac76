package dev.caravan.index.api;

import dev.caravan.schema.EntityType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The validated parameters of {@code GET /v1/search}. Every field but {@code page} may be null. */
public record SearchQuery(String q, EntityType type, String entity, String country, String currency,
                          LocalDate from, LocalDate to, int page) {

    static final Set<String> PARAMETERS = Set.of("q", "type", "entity", "country", "currency", "from", "to", "page");

    public static SearchQuery parse(Map<String, List<String>> values, int pageSize) {
        QueryParams params = new QueryParams(values, PARAMETERS);
        String q = params.text("q", 500);
        EntityType type = entityType(params.text("type", 20));
        String entity = params.text("entity", 200);
        String country = params.text("country", 100);
        String currency = currency("currency", params.text("currency", 3));
        LocalDate from = params.date("from");
        LocalDate to = params.date("to");
        QueryParams.requireOrdered(from, to);
        // OpenSearch pages at most 10,000 hits deep (index.max_result_window).
        int page = params.integer("page", 1, 1, 10_000 / pageSize);
        return new SearchQuery(q, type, entity, country, currency, from, to, page);
    }

    private static EntityType entityType(String value) {
        if (value == null) {
            return null;
        }
        try {
            return EntityType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("type", "must be one of PERSON, LOCATION, ORGANIZATION, CURRENCY");
        }
    }

    static String currency(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("[A-Za-z]{3}")) {
            throw ApiProblem.badParameter(parameter, "must be an ISO 4217 code such as KZT");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
