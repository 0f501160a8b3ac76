package dev.caravan.ingest.files;

import dev.caravan.ingest.parse.PageDumpParser;
import dev.caravan.ingest.parse.PageRecords;
import dev.caravan.ingest.parse.ParseProblem;
import dev.caravan.ingest.parse.ParsedPage;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads page-dump files and publishes what they hold. A file that cannot be read or parsed is
 * reported with its name (and line) and the others go on.
 */
public final class FileIngestor {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);

    private final RecordPublisher publisher;
    private final String configuredSource;
    private final Clock clock;
    private final PageDumpParser parser = new PageDumpParser();

    public FileIngestor(RecordPublisher publisher, String configuredSource, Clock clock) {
        this.publisher = publisher;
        this.configuredSource = configuredSource;
        this.clock = clock;
    }

    public IngestSummary ingest(List<Path> files, Consumer<Path> progress) {
        List<String> ids = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        int articles = 0;
        int ticks = 0;
        for (Path file : files) {
            progress.accept(file);
            ParsedPage page;
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                page = parser.parse(file.toString(), new StringReader(text));
            } catch (CharacterCodingException e) {
                problems.add(new ParseProblem(file.toString(), 0, "not UTF-8 text; file skipped"));
                continue;
            } catch (IOException e) {
                problems.add(new ParseProblem(file.toString(), 0, "cannot read: " + e.getMessage()));
                continue;
            }
            problems.addAll(page.problems());
            String source = sourceFor(file);
            List<RawArticle> records = PageRecords.articles(page, source, clock.instant());
            List<FxTick> fx = PageRecords.ticks(page, source);
            publisher.publish(records, fx);
            records.forEach(r -> ids.add(r.getId()));
            articles += records.size();
            ticks += fx.size();
            LOG.info("Ingested {}: {} articles, {} FX ticks, page date {}, {} problems",
                    file.getFileName(), records.size(), fx.size(), page.pageDate(), page.problems().size());
        }
        return new IngestSummary(files.size(), articles, ticks, List.copyOf(ids), List.copyOf(problems));
    }

    /** The configured source, else the file name up to its first '-' ("steppe-herald-..." gives "steppe"). */
    String sourceFor(Path file) {
        if (configuredSource != null && !configuredSource.isBlank()) {
            return configuredSource;
        }
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        int dot = name.indexOf('.');
        int end = dash > 0 ? dash : (dot > 0 ? dot : name.length());
        return name.substring(0, end);
    }
}
