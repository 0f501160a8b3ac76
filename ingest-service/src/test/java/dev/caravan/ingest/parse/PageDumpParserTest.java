package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PageDumpParserTest {

    private final PageDumpParser parser = new PageDumpParser();

    private ParsedPage parse(String text) {
        return parser.parse("page.txt", new StringReader(text));
    }

    @Test
    void bundledSampleGivesFourArticlesAndFiveDistinctTicks() throws IOException {
        Path sample = Path.of("..", "samples", "steppe-herald-2024-12-02.txt");
        ParsedPage page = parser.parse(sample.toString(), Files.newBufferedReader(sample));

        assertThat(page.problems()).isEmpty();
        assertThat(page.pageDate()).isEqualTo(LocalDate.of(2024, 12, 2));
        assertThat(page.listingFirst()).isEqualTo(1);
        assertThat(page.listingTotal()).isEqualTo(58);
        assertThat(page.ticks()).extracting(t -> t.base() + "/" + t.quote())
                .containsExactly("KGS/USD", "KZT/USD", "TJS/USD", "UZS/USD", "TMT/USD");
        assertThat(page.ticks().get(2).rate()).isEqualByComparingTo("0.09146");
        assertThat(page.ticks().get(2).changePct()).isEqualTo(-2.56);
        assertThat(page.articles()).extracting(ParsedPage.Article::title).containsExactly(
                "Astana Approves 600 Billion Tenge Plan for Heating Networks",
                "Uzbekistan and Tajikistan Sign Water Sharing Deal on the Syr Darya",
                "Kyrgyz Central Bank Keeps Key Rate at 9%",
                "#Almaty: Metro Extension Opens Two New Stations");
        assertThat(page.articles()).extracting(ParsedPage.Article::truncated).containsExactly(false, true, false, true);
        assertThat(page.articles()).extracting(ParsedPage.Article::position).containsExactly(1, 2, 3, 4);
    }

    @Test
    void realListingFromTheSharedSamplesParses() throws IOException {
        Path real = Path.of("..", "..", "shared", "samples", "timesca-listing-2024-12-02.txt");
        Assumptions.assumeTrue(Files.exists(real), "the shared sample is only beside a developer checkout");
        ParsedPage page = parser.parse(real.toString(), Files.newBufferedReader(real));

        assertThat(page.problems()).isEmpty();
        assertThat(page.ticks()).hasSize(5);
        assertThat(page.listingTotal()).isEqualTo(107);
        assertThat(page.articles()).hasSize(6);
        assertThat(page.articles().get(1).title()).contains("Part Two");
        assertThat(page.articles().get(1).truncated()).isTrue();
        assertThat(page.articles().get(0).truncated()).isFalse();
    }

    @Test
    void toleratesOtherBulletsSignsSpacesAndMissingListingLine() {
        ParsedPage page = parse("""
                * KZT/USD = 0,00192 +0.5%
                \u00A0- RUB / USD = 0.0101 −1.25 %
                EUR/USD = 1.05
                2 December 2024

                Title – with a dash, "quotes" and Қазақша letters

                Body text here.
                """);
        assertThat(page.problems()).isEmpty();
        assertThat(page.listingFirst()).isNull();
        assertThat(page.ticks()).extracting(ParsedPage.Tick::changePct).containsExactly(0.5, -1.25, 0.0);
        assertThat(page.ticks().get(0).rate()).isEqualTo(new BigDecimal("0.00192"));
        assertThat(page.articles()).singleElement().satisfies(a -> {
            assertThat(a.title()).isEqualTo("Title – with a dash, \"quotes\" and Қазақша letters");
            assertThat(a.body()).isEqualTo("Body text here.");
        });
    }

    @Test
    void pageWithoutTickerStillGivesArticles() {
        ParsedPage page = parse("03 December 2024\n\nA headline\n\nA body...\n");
        assertThat(page.ticks()).isEmpty();
        assertThat(page.articles()).singleElement().extracting(ParsedPage.Article::truncated).isEqualTo(true);
    }

    @Test
    void bodyInSeveralParagraphsStaysOneArticle() {
        ParsedPage page = parse("""
                03 December 2024

                First headline

                Paragraph one.

                Paragraph two ends here.

                Second headline

                Its body.
                """);
        assertThat(page.articles()).extracting(ParsedPage.Article::title).containsExactly("First headline", "Second headline");
        assertThat(page.articles().get(0).body()).isEqualTo("Paragraph one.\n\nParagraph two ends here.");
    }

    @Test
    void aPageWithoutADateLineKeepsItsArticlesAndEachIsDatedFromItsTextOrTheFallback() {
        ParsedPage page = parse("• KZT/USD = 0.00192 0%\n\nHeadline\n\nASTANA – On 12 May 2025 the fund reported. "
                + "It was founded on 13 October 2008.\n\nSecond headline\n\nNo date here at all.\n");
        assertThat(page.pageDate()).isNull();
        assertThat(page.problems()).isEmpty();
        assertThat(page.articles()).extracting(ParsedPage.Article::title).containsExactly("Headline", "Second headline");

        java.util.List<dev.caravan.schema.RawArticle> records = PageRecords.articles(page, "src",
                java.time.Instant.parse("2026-01-10T08:00:00Z"), java.time.LocalDate.of(2025, 6, 1));
        assertThat(records).extracting(r -> r.getPublishedDate().toString(), r -> r.getDateSource())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2025-05-12", ArticleDates.TEXT),
                        org.assertj.core.groups.Tuple.tuple("2025-06-01", ArticleDates.OPTION));
        assertThat(PageRecords.articles(page, "src", java.time.Instant.parse("2026-01-10T08:00:00Z")).get(1))
                .satisfies(r -> {
                    assertThat(r.getPublishedDate()).isEqualTo(java.time.LocalDate.of(2026, 1, 10));
                    assertThat(r.getDateSource()).isEqualTo(ArticleDates.INGESTED);
                });
        assertThat(PageRecords.ticks(page, "src")).as("a ticker without a day is not a rate of any day").isEmpty();
    }

    @Test
    void titleWithoutBodyIsReportedAndOthersKept() {
        ParsedPage page = parse("03 December 2024\n\nGood title\n\nGood body.\n\nOrphan title\n");
        assertThat(page.articles()).hasSize(1);
        assertThat(page.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("Orphan title").contains("no body");
        });
    }

    @Test
    void conflictingTickerEntryIsReported() {
        ParsedPage page = parse("• KZT/USD = 0.00192 0%\n• KZT/USD = 0.00199 0%\n03 December 2024\n");
        assertThat(page.ticks()).singleElement().extracting(ParsedPage.Tick::rate).isEqualTo(new BigDecimal("0.00192"));
        assertThat(page.problems()).singleElement().extracting(ParseProblem::line).isEqualTo(2);
    }

    @Test
    void detectsPageDumps() {
        assertThat(PageDumpParser.looksLikePageDump("  • KGS/USD = 0.01152 0%\n")).isTrue();
        assertThat(PageDumpParser.looksLikePageDump("02 December 2024\n\nTitle")).isTrue();
        assertThat(PageDumpParser.looksLikePageDump("<html><body>")).isFalse();
    }
}
