package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caravan ingest --dry-run} on a directory: records on stdout, progress and reasons on stderr, exit 1. */
class IngestCommandTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void dryRunOnADirectoryPrintsRecordsAndNamesWhatWasSkipped(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("..", "samples", "steppe-herald-2024-12-03.txt"), dir.resolve("steppe-herald-2024-12-03.txt"));
        Files.writeString(dir.resolve("wire.ndjson"), """
                {"source": "almaty-wire", "title": "Almaty Air Quality Alert", "body": "Smog closed schools.", "publishedDate": "2024-12-06"}
                {"source": "almaty-wire", "title": "No Date"}
                """);

        int exit = run("ingest", "--dry-run", dir.toString());

        assertThat(exit).isEqualTo(1);
        ObjectMapper json = new ObjectMapper();
        long articles = 0;
        for (String line : out.toString().strip().split("\n")) {
            JsonNode record = json.readTree(line);
            articles += record.get("topic").asText().equals("news.articles.raw.v1") ? 1 : 0;
        }
        assertThat(articles).isEqualTo(4);
        assertThat(err.toString())
                .contains("2/2 " + dir.resolve("wire.ndjson"))
                .contains("files 2, articles 4, FX ticks 3, skipped 2 (dry run: nothing published)")
                .contains("skipped: " + dir.resolve("wire.ndjson") + ":2: record 1, field body: is required; skipped");
    }

    @Test
    void missingInputIsAUsageError() {
        assertThat(run("ingest", "no-such-dir-anywhere")).isEqualTo(64);
        assertThat(err.toString()).contains("no such file or directory");
    }
}
