package dev.caravan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Assertions;

/**
 * Every parser, on random text and on realistic inputs with random damage, returns a result (never
 * an unchecked exception) within a bounded time, and every problem it reports has a line.
 */
class ParserRobustnessTest {

    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(2);
    private static final List<String> SAMPLES = List.of(
            read("../samples/steppe-herald-2024-12-02.txt"), read("../samples/steppe-herald-2024-12-03.txt"),
            read("src/test/resources/samples/caspian-courier-listing-2024-12-04.html"),
            read("src/test/resources/samples/steppe-herald-feed.rss"),
            read("src/test/resources/samples/mongolia-today-feed.atom"),
            read("src/test/resources/samples/newsroom-export-2024-12-06.ndjson"));
    private static final List<String> FRAGMENTS = List.of("\n", "\n\n", "•", " KZT/USD = ", "0.00192", "-2.56%", "%",
            "99999999999999999999", "Viewing results 1 - 6 of ", "02 December 2024", "...", "…", "\u00A0", "\uFEFF",
            "<article>", "</article>", "<h2>", "<a href=\"", "\">", "<time datetime=\"", "<item>", "<entry>",
            "<![CDATA[", "]]>", "&amp;", "&#x0;", "{", "}", "[", "]", "\"", ":", ",", "null", "\"publishedDate\":",
            "\"rate\":", "1e999999", "-0", "Қазақша", "#tag", "\uD83D\uDE00", "\uD800");

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> sample = Arbitraries.of(SAMPLES);
        Arbitrary<Integer> cuts = Arbitraries.integers().between(1, 12);
        return Combinators.combine(sample, cuts, Arbitraries.randoms()).as((text, n, random) -> {
            StringBuilder b = new StringBuilder(text);
            for (int i = 0; i < n; i++) {
                int at = random.nextInt(b.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> b.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                    case 1 -> b.delete(at, Math.min(b.length(), at + random.nextInt(200)));
                    case 2 -> b.setLength(at); // a truncated download
                    default -> {
                        int from = random.nextInt(b.length() + 1);
                        int to = Math.min(b.length(), from + random.nextInt(300));
                        b.insert(at, b.substring(from, to)); // a duplicated block
                    }
                }
            }
            return b.toString();
        });
    }

    @Provide
    Arbitrary<String> fragmentSoup() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(200).map(parts -> String.join("", parts));
    }

    private static void parseEveryWay(String text) {
        Assertions.assertTimeoutPreemptively(LIMIT, () -> {
            Instant now = Instant.parse("2024-12-06T00:00:00Z");
            check(new PageDumpParser().parse("p.txt", new StringReader(text)));
            check(new HtmlListingParser().parse("p.html", text, null));
            check(new HtmlListingParser().parse("p.html", text, "https://example.org/news/"));
            check(new FeedParser().parse("p.xml", text));
            for (JsonRecordsParser.Expect expect : JsonRecordsParser.Expect.values()) {
                JsonRecordsParser.Result json = new JsonRecordsParser().parse(text, expect, "src", now);
                assertThat(json.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
            }
            InputFormat.detect("p", text);
            PublishedDates.parse(text);
        });
    }

    private static void check(ParsedPage page) {
        assertThat(page.problems()).allSatisfy(p -> assertThat(p.line()).isNotNegative());
        PageRecords.articles(page, "src", Instant.EPOCH);
        PageRecords.ticks(page, "src");
    }

    @Property(tries = 300)
    void mutatedSamplesNeverThrowNorHang(@ForAll("mutated") String text) {
        parseEveryWay(text);
    }

    @Property(tries = 300)
    void fragmentSoupNeverThrowsNorHangs(@ForAll("fragmentSoup") String text) {
        parseEveryWay(text);
    }

    @Property(tries = 300)
    void randomTextNeverThrowsNorHangs(@ForAll @StringLength(max = 2000) String text) {
        parseEveryWay(text);
    }
}
