package dev.caravan.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.ingest.parse.ParseProblem;
import dev.caravan.ingest.publish.DryRunSink;
import dev.caravan.ingest.publish.RecordSink;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIngestorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-06T12:00:00Z"), ZoneOffset.UTC);

    private static final class Captured implements RecordSink {
        final List<RawArticle> articles = new ArrayList<>();
        final List<FxTick> ticks = new ArrayList<>();

        @Override
        public void publish(List<RawArticle> a, List<FxTick> t) {
            articles.addAll(a);
            ticks.addAll(t);
        }
    }

    private static List<Path> everyFileIn(Path... dirs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> list = Files.list(dir)) {
                list.sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void directoryOfEveryFormatIsReadWithProblemsNamedAndTheRestKept(@TempDir Path tmp) throws IOException {
        Files.write(tmp.resolve("latin1.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9});
        Files.writeString(tmp.resolve("archive.bin"), "PK\u0003\u0004 not text we know");
        Captured sink = new Captured();

        IngestSummary summary = new FileIngestor(sink, "", CLOCK).ingest(
                everyFileIn(Path.of("src/test/resources/samples"), Path.of("../samples"), tmp), f -> { });

        assertThat(summary.files()).isEqualTo(8);
        assertThat(summary.articles()).isEqualTo(17).isEqualTo(sink.articles.size());
        assertThat(summary.fxTicks()).isEqualTo(13).isEqualTo(sink.ticks.size());
        assertThat(summary.problems()).extracting(ParseProblem::toString).containsExactlyInAnyOrder(
                "src/test/resources/samples/newsroom-export-2024-12-06.ndjson:4: record 3, field title: must not be blank; skipped",
                "src/test/resources/samples/steppe-herald-feed.rss:27: feed item 'Item Without A Date' has no date; skipped",
                tmp.resolve("archive.bin") + ":1: not a page dump, HTML page, RSS/Atom feed, JSON or NDJSON; file skipped",
                tmp.resolve("latin1.txt") + ":0: cannot read (not UTF-8 text); skipped");
        assertThat(sink.articles).extracting(RawArticle::getSource).contains("caspian", "steppe", "dushanbe-daily");
        assertThat(sink.articles).filteredOn(a -> a.getSource().equals("caspian"))
                .allSatisfy(a -> assertThat(a.getUrl()).startsWith("https://caspian-courier.example/news/"));
        assertThat(sink.ticks).extracting(t -> t.getBase() + "@" + t.getAsOf()).contains("AMD@2024-12-04", "TJS@2024-12-06");
    }

    @Test
    void dryRunPrintsOneJsonLinePerRecord() {
        StringWriter out = new StringWriter();
        IngestSummary summary = new FileIngestor(new DryRunSink(new PrintWriter(out)), "", CLOCK)
                .ingest(List.of(Path.of("src/test/resources/samples/newsroom-export-2024-12-06.ndjson")), f -> { });

        assertThat(out.toString().lines()).hasSize(summary.articles() + summary.fxTicks());
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .startsWith("{\"topic\":\"news.articles.raw.v1\",\"key\":\"")
                .contains("\"publishedDate\":\"2024-12-06\"", "\"ingestedAt\":\"2024-12-06T12:00:00Z\"");
        assertThat(out.toString()).contains("{\"topic\":\"fx.ticks.v1\",\"key\":\"TJS/USD\"", "\"rate\":\"0.09152\"");
    }

    /** A 200 MB single line once ended the run with an OutOfMemoryError; one oversized record with exit 2. */
    @Test
    void anOversizedFileAndAnOversizedRecordAreNamedAndSkippedAndTheFilesAfterThemIngested(@TempDir Path tmp) throws IOException {
        Path huge = tmp.resolve("a-huge.ndjson");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024); // 200 MB on disk without writing it
        }
        String big = "x".repeat(950_000);
        Files.writeString(tmp.resolve("b-one-big-record.ndjson"),
                "{\"source\":\"s\",\"title\":\"Big one\",\"body\":\"" + big + "\",\"publishedDate\":\"2024-12-06\"}\n"
                        + "{\"source\":\"s\",\"title\":\"Small one\",\"body\":\"fine\",\"publishedDate\":\"2024-12-06\"}\n");
        Files.copy(Path.of("../samples/steppe-herald-2024-12-02.txt"), tmp.resolve("c-page.txt"));
        Captured sink = new Captured();

        IngestSummary summary = new FileIngestor(sink, "", CLOCK).ingest(everyFileIn(tmp), f -> { });

        assertThat(summary.problems()).extracting(ParseProblem::toString).anySatisfy(p ->
                assertThat(p).contains("a-huge.ndjson").contains("67108864 bytes (64 MiB)"));
        assertThat(summary.problems()).extracting(ParseProblem::toString).anySatisfy(p ->
                assertThat(p).contains("b-one-big-record.ndjson").contains("Big one").contains("ingest.max.article.bytes"));
        assertThat(sink.articles).extracting(RawArticle::getTitle).contains("Small one").doesNotContain("Big one");
        assertThat(sink.articles.size()).isGreaterThan(1); // the page after them too
    }
}
