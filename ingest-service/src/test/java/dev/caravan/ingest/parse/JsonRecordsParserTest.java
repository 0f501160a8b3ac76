package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.ingest.identity.ArticleIdentity;
import dev.caravan.ingest.parse.JsonRecordsParser.Expect;
import dev.caravan.ingest.parse.JsonRecordsParser.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonRecordsParserTest {

    private static final Instant NOW = Instant.parse("2024-12-06T12:00:00Z");
    private final JsonRecordsParser parser = new JsonRecordsParser();

    @Test
    void oneObjectAnArrayAndNdjsonGiveTheSameArticles() {
        String one = "{\"source\":\"bishkek-post\",\"title\":\"Som Steady\",\"body\":\"The som held at 86.9...\",\"publishedDate\":\"2024-12-06\"}";
        assertThat(parser.parse(one, Expect.ARTICLES, null, NOW).articles()).hasSize(1);
        assertThat(parser.parse("[" + one + "," + one + "]", Expect.ARTICLES, null, NOW).articles()).hasSize(2);
        JsonRecordsParser.Result lines = parser.parse(one + "\n" + one + "\n", Expect.ARTICLES, null, NOW);
        assertThat(lines.errors()).isEmpty();
        assertThat(lines.articles()).hasSize(2).allSatisfy(a -> {
            assertThat(a.getId()).isEqualTo(ArticleIdentity.articleId("bishkek-post", null, "Som Steady"));
            assertThat(a.getTruncated()).isTrue();
            assertThat(a.getPublishedDate()).isEqualTo(LocalDate.of(2024, 12, 6));
            assertThat(a.getIngestedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void everyBadFieldIsNamedWithIndexAndLine() {
        String batch = """
                [
                  {"source": "x", "title": "Fine", "body": "b", "publishedDate": "2024-12-06"},
                  {"title": 5, "body": "", "publishedDate": "06.12.2024", "url": "ftp://x", "listingPosition": 0},
                  "not an object"
                ]""";
        JsonRecordsParser.Result result = parser.parse(batch, Expect.ARTICLES, null, NOW);

        assertThat(result.errors()).containsExactly(
                new FieldError(1, 3, "source", "is required"),
                new FieldError(1, 3, "title", "must be a string"),
                new FieldError(1, 3, "body", "must not be blank"),
                new FieldError(1, 3, "url", "must be an absolute http(s) URL"),
                new FieldError(1, 3, "publishedDate", "must be an ISO date such as 2024-12-02 or a date-time with an offset"),
                new FieldError(1, 3, "listingPosition", "must be a whole number from 1"),
                new FieldError(2, 4, "$", "expected a JSON object"));
    }

    @Test
    void defaultSourceFillsAMissingOne() {
        JsonRecordsParser.Result result = parser.parse("{\"title\":\"T\",\"body\":\"B.\",\"publishedDate\":\"2024-12-06T23:30:00-05:00\"}",
                Expect.ARTICLES, "newsroom", NOW);
        assertThat(result.errors()).isEmpty();
        assertThat(result.articles().get(0).getSource()).isEqualTo("newsroom");
        assertThat(result.articles().get(0).getPublishedDate()).isEqualTo(LocalDate.of(2024, 12, 6));
    }

    @Test
    void ticksAreCheckedForCodesRateAndDate() {
        JsonRecordsParser.Result result = parser.parse("""
                {"base": "MNT", "quote": "USD", "rate": "0.000292", "changePct": -0.8, "asOf": "2024-12-06", "source": "mongolbank"}
                {"base": "mnt", "quote": "USD", "rate": -1, "asOf": "2024-12-06", "source": "s"}
                {"base": "CNY", "quote": "USD", "rate": "123456789012345", "source": "s"}
                """, Expect.TICKS, null, NOW);

        assertThat(result.ticks()).singleElement().satisfies(t -> {
            assertThat(t.getRate()).isEqualByComparingTo("0.000292");
            assertThat(t.getChangePct()).isEqualTo(-0.8);
        });
        assertThat(result.errors()).extracting(e -> e.index() + ":" + e.field())
                .containsExactly("1:base", "1:rate", "2:rate", "2:asOf");
    }

    @Test
    void brokenAndEmptyJsonAreReportedNotThrown() {
        assertThat(parser.parse("{\"title\": ", Expect.ARTICLES, null, NOW).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).startsWith("not valid JSON"));
        assertThat(parser.parse("   ", Expect.ARTICLES, null, NOW).errors())
                .singleElement().satisfies(e -> assertThat(e.message()).startsWith("no records"));
        assertThat(parser.parse("[".repeat(100), Expect.ARTICLES, null, NOW).errors()).isNotEmpty();
    }

    @Test
    void anyTellsTicksFromArticlesByTheirFields() {
        JsonRecordsParser.Result result = parser.parse("""
                {"source": "s", "title": "T", "body": "B", "publishedDate": "2024-12-06"}
                {"base": "UZS", "quote": "USD", "rate": 0.000078, "asOf": "2024-12-06", "source": "cbu"}""",
                Expect.ANY, null, NOW);
        assertThat(result.articles()).hasSize(1);
        assertThat(result.ticks()).hasSize(1);
    }

    @Test
    void aBrokenNdjsonLineIsNamedAndEveryValidLineAfterItIsUsed() {
        String ndjson = """
                {"source":"s","title":"First","body":"b","publishedDate":"2024-12-06"}
                {"source":"s","title":"Broken","body":
                {"source":"s","title":"Third","body":"b","publishedDate":"2024-12-06"}
                {"source":"s","title":"No date","body":"b"}
                {"source":"s","title":"Fifth","body":"b","publishedDate":"2024-12-06"}
                """;
        JsonRecordsParser.Result result = parser.parse(ndjson, Expect.ANY, null, NOW);
        assertThat(result.articles()).extracting(a -> a.getTitle()).containsExactly("First", "Third", "Fifth");
        assertThat(result.errors()).extracting(FieldError::line, FieldError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "$"), org.assertj.core.groups.Tuple.tuple(4, "publishedDate"));
    }
}
