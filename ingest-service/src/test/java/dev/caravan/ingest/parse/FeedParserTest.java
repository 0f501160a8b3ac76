package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    private ParsedPage sample(String name) throws IOException {
        Path file = Path.of("src/test/resources/samples", name);
        return parser.parse(file.toString(), Files.readString(file));
    }

    @Test
    void rssItemsGiveLinkDateAndPlainTextAndTheUndatedOneIsReported() throws IOException {
        ParsedPage page = sample("steppe-herald-feed.rss");

        assertThat(page.articles()).extracting(ParsedPage.Article::title).containsExactly(
                "Kazakhstan Lifts Wheat Export Quota for Winter", "Ташкент: новая линия метро",
                "Kyrgyzstan Signs Kambarata-1 Financing Deal");
        ParsedPage.Article wheat = page.articles().get(0);
        assertThat(wheat.url()).isEqualTo("https://steppe-herald.example/economy/wheat-quota?utm_medium=feed");
        assertThat(wheat.publishedDate()).isEqualTo(LocalDate.of(2024, 12, 5));
        assertThat(wheat.body()).isEqualTo("The Ministry of Agriculture in Astana lifted the wheat export quota of 1 million tonnes,"
                + " citing a record harvest of 26.7 million tonnes.");
        assertThat(page.articles().get(1).publishedDate()).isEqualTo(LocalDate.of(2024, 12, 4));
        assertThat(page.articles().get(1).truncated()).isTrue();
        ParsedPage.Article kambarata = page.articles().get(2);
        assertThat(kambarata.url()).isEqualTo("https://steppe-herald.example/energy/kambarata-1");
        assertThat(kambarata.body()).startsWith("Kyrgyzstan, Kazakhstan and Uzbekistan").doesNotContain("teaser");
        assertThat(kambarata.publishedDate()).isEqualTo(LocalDate.of(2024, 12, 4));
        assertThat(page.problems()).extracting(ParseProblem::toString)
                .containsExactly(page.file() + ":27: feed item 'Item Without A Date' has no date; skipped");
    }

    @Test
    void atomEntriesUseTheAlternateLinkAndPublishedElseUpdated() throws IOException {
        ParsedPage page = sample("mongolia-today-feed.atom");

        assertThat(page.problems()).isEmpty();
        assertThat(page.articles()).extracting(ParsedPage.Article::url).containsExactly(
                "https://mongolia-today.example/business/tugrik-coal", "https://mongolia-today.example/city/airport-rail");
        assertThat(page.articles()).extracting(ParsedPage.Article::publishedDate)
                .containsExactly(LocalDate.of(2024, 12, 6), LocalDate.of(2024, 12, 5));
        assertThat(page.articles().get(0).body()).startsWith("The tugrik fell 0.8%");
        assertThat(page.articles().get(1).body()).contains("Chinggis Khaan International Airport");
    }

    @Test
    void unreadableDateIsNamedAndAFeedWithoutItemsIsReported() {
        ParsedPage bad = parser.parse("f.xml", "<rss><channel><item><title>T</title><description>D</description>"
                + "<pubDate>yesterday</pubDate></item></channel></rss>");
        assertThat(bad.problems()).extracting(ParseProblem::message)
                .containsExactly("feed item 'T' has an unreadable date 'yesterday'; skipped");

        ParsedPage empty = parser.parse("e.xml", "<rss><channel><title>Nothing</title></channel></rss>");
        assertThat(empty.articles()).isEmpty();
        assertThat(empty.problems()).hasSize(1);
    }
}
