package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlListingParserTest {

    private final HtmlListingParser parser = new HtmlListingParser();

    @Test
    void listingPageGivesTickerDateListingAndArticlesWithLinks() throws IOException {
        Path file = Path.of("src/test/resources/samples/caspian-courier-listing-2024-12-04.html");
        ParsedPage page = parser.parse(file.toString(), Files.readString(file), null);

        assertThat(page.problems()).isEmpty();
        assertThat(page.pageDate()).isEqualTo(LocalDate.of(2024, 12, 4));
        assertThat(page.listingFirst()).isEqualTo(7);
        assertThat(page.listingTotal()).isEqualTo(212);
        assertThat(page.ticks()).extracting(t -> t.base() + "/" + t.quote() + " " + t.rate().toPlainString() + " " + t.changePct())
                .containsExactly("AZN/USD 0.58824 0.0", "GEL/USD 0.35461 0.12", "AMD/USD 0.00253 -0.4", "KZT/USD 0.00191 -0.52");
        assertThat(page.articles()).extracting(ParsedPage.Article::title).containsExactly(
                "Baku Port Container Volumes Up 18% – Highest Since 2019",
                "“Strong Dram” Worries Armenian Exporters",
                "#Georgia: Qvevri Wine Exports Reach ₾ 700 Million");
        ParsedPage.Article baku = page.articles().get(0);
        assertThat(baku.url()).isEqualTo("https://caspian-courier.example/news/2024/12/04/baku-port-container-volumes");
        assertThat(baku.body()).startsWith("The Port of Baku").contains("\n\nFreight from Aktau");
        assertThat(baku.truncated()).isTrue();
        assertThat(baku.position()).isEqualTo(7);
        assertThat(baku.publishedDate()).isEqualTo(LocalDate.of(2024, 12, 4));
        assertThat(page.articles().get(1).publishedDate()).isNull(); // the page date stands in
        assertThat(page.articles().get(1).truncated()).isFalse();
        assertThat(page.articles().get(2).publishedDate()).isEqualTo(LocalDate.of(2024, 12, 3));
        assertThat(page.articles()).extracting(ParsedPage.Article::line).allMatch(line -> line > 20);
    }

    @Test
    void pageWithoutArticleMarkupUsesHeadlinesAndParagraphs() {
        ParsedPage page = parser.parse("plain.html", """
                <html><body>
                <p>5 December 2024</p>
                <h2>Turkmen Gas Pipeline Talks Resume</h2>
                <p>Officials from Ashgabat and Kabul met in Herat.</p>
                <p>The TAPI pipeline would carry 33 billion cubic metres a year...</p>
                <h3><a href="https://ashgabat.example/cotton">Cotton Harvest Complete</a></h3>
                <p>Turkmenistan finished its cotton harvest.</p>
                </body></html>""", null);

        assertThat(page.problems()).isEmpty();
        assertThat(page.articles()).extracting(ParsedPage.Article::title)
                .containsExactly("Turkmen Gas Pipeline Talks Resume", "Cotton Harvest Complete");
        assertThat(page.articles().get(0).truncated()).isTrue();
        assertThat(page.articles().get(1).url()).isEqualTo("https://ashgabat.example/cotton");
    }

    @Test
    void articleWithoutTextOrDateIsReportedWithItsLine() {
        ParsedPage page = parser.parse("broken.html", """
                <html><body>
                <article><h2>Headline Only</h2></article>
                <article><p>Text without a headline.</p></article>
                <article><h2>No Date Anywhere</h2><p>Some text.</p></article>
                </body></html>""", null);

        assertThat(page.articles()).isEmpty();
        assertThat(page.problems()).extracting(ParseProblem::toString).containsExactly(
                "broken.html:2: article 'Headline Only' has no text; skipped",
                "broken.html:3: article without a headline; skipped",
                "broken.html:4: article 'No Date Anywhere' has no date and the page has none; skipped");
    }
}
