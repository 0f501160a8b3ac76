package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/**
 * FX rates and published dates as a hostile client writes them: whatever the text, the parser
 * answers within a bounded time, and what it accepts is a positive rate of at most 10 decimals and a
 * day between 1900-01-01 and tomorrow.
 */
class FieldParsingPropertiesTest {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final JsonRecordsParser parser = new JsonRecordsParser();

    @Provide
    Arbitrary<String> rates() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> exponents = Arbitraries.integers().between(-2_000_000_000, 2_000_000_000).map(e -> "e" + e);
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.eE+-").ofMaxLength(40),
                digits.flatMap(d -> exponents.map(e -> d + e)),
                digits.flatMap(d -> digits.map(f -> d + "." + f)),
                Arbitraries.of("1e-16000000", "1e-999999999", "0.00000000001", "NaN", "Infinity", "-1", "0", "1e20"));
    }

    @Property(tries = 300)
    void anyRateIsAnsweredQuicklyAndOnlySensibleRatesAreKept(@ForAll("rates") String rate) {
        for (String written : new String[] {"\"" + rate + "\"", rate}) {
            String json = "{\"base\":\"KZT\",\"quote\":\"USD\",\"rate\":" + written + ",\"asOf\":\"2024-12-02\"}";
            JsonRecordsParser.Result result = Assertions.assertTimeoutPreemptively(LIMIT,
                    () -> parser.parse(json, JsonRecordsParser.Expect.TICKS, "p", NOW));
            for (FxTick tick : result.ticks()) {
                assertThat(tick.getRate().signum()).isPositive();
                assertThat(tick.getRate().scale()).isEqualTo(10);
            }
            assertThat(result.ticks().size() + result.errors().size()).isPositive();
        }
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> years = Arbitraries.oneOf(Arbitraries.integers().between(-999_999_999, 999_999_999).map(y ->
                        y > 9999 ? "+" + y : y < 0 ? String.valueOf(y) : String.format("%04d", y)),
                Arbitraries.integers().between(1850, 2100).map(String::valueOf));
        Arbitrary<String> days = Arbitraries.integers().between(0, 13).flatMap(m -> Arbitraries.integers().between(0, 32)
                .map(d -> String.format("-%02d-%02d", m, d)));
        return Arbitraries.oneOf(years.flatMap(y -> days.map(d -> y + d)),
                Arbitraries.strings().withChars("0123456789-+T:Z ").ofMaxLength(40));
    }

    @Property(tries = 300)
    void anyDateIsAnsweredQuicklyAndOnlyDaysInTheDocumentedRangeAreKept(@ForAll("dates") String date) {
        String json = "{\"title\":\"t\",\"body\":\"b\",\"publishedDate\":\"" + date + "\"}";
        JsonRecordsParser.Result result = Assertions.assertTimeoutPreemptively(LIMIT,
                () -> parser.parse(json, JsonRecordsParser.Expect.ARTICLES, "p", NOW));
        for (RawArticle article : result.articles()) {
            assertThat(article.getPublishedDate()).isBetween(LocalDate.of(1900, 1, 1), LocalDate.of(2026, 12, 2));
        }
        assertThat(result.articles().size() + result.errors().size()).isEqualTo(1);
    }
}
