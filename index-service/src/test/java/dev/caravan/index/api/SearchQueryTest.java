package dev.caravan.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.schema.EntityType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    private static SearchQuery parse(Map<String, List<String>> params) {
        return SearchQuery.parse(params, 10);
    }

    @Test
    void readsAndNormalisesEveryParameter() {
        SearchQuery query = parse(Map.of("q", List.of("  tenge heating "), "type", List.of("person"),
                "entity", List.of("Tokayev"), "country", List.of("Kazakhstan"), "currency", List.of("kzt"),
                "from", List.of("2024-12-01"), "to", List.of("2024-12-31"), "page", List.of("3")));
        assertThat(query).isEqualTo(new SearchQuery("tenge heating", EntityType.PERSON, "Tokayev", "Kazakhstan", "KZT",
                LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31), 3));
    }

    @Test
    void blankParametersAreAbsentAndThePageDefaultsToOne() {
        assertThat(parse(Map.of("q", List.of(" "), "entity", List.of("")))).isEqualTo(
                new SearchQuery(null, null, null, null, null, null, null, 1));
    }

    @Test
    void aBadParameterIsNamedInTheProblem() {
        assertThatThrownBy(() -> parse(Map.of("page", List.of("1001"))))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.body()).containsEntry("parameter", "page");
                });
        assertThatThrownBy(() -> parse(Map.of("q", List.of("x".repeat(501)))))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.body()).containsEntry("parameter", "q"));
        assertThatThrownBy(() -> parse(Map.of("from", List.of("2024-12-31"), "to", List.of("2024-12-01"))))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.body()).containsEntry("parameter", "from"));
    }
}
