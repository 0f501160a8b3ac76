package dev.caravan.ingest.files;

import dev.caravan.ingest.parse.FeedParser;
import dev.caravan.ingest.parse.HtmlListingParser;
import dev.caravan.ingest.parse.InputFormat;
import dev.caravan.ingest.parse.JsonRecordsParser;
import dev.caravan.ingest.parse.PageDumpParser;
import dev.caravan.ingest.parse.PageRecords;
import dev.caravan.ingest.parse.ParseProblem;
import dev.caravan.ingest.publish.ArticleSize;
import dev.caravan.ingest.parse.ParsedPage;
import dev.caravan.ingest.publish.RecordSink;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads input files of any supported format (page dump, HTML listing, RSS/Atom, JSON, NDJSON),
 * told apart by their content, and hands what they hold to a {@link RecordSink}. A file that
 * cannot be read or parsed is reported with its name (and line) and the others go on.
 */
public final class FileIngestor {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngestor.class);

    private final RecordSink sink;
    private final String configuredSource;
    private final Clock clock;
    private final PageDumpParser pageDumps = new PageDumpParser();
    private final HtmlListingParser htmlPages = new HtmlListingParser();
    private final FeedParser feeds = new FeedParser();
    private final JsonRecordsParser json = new JsonRecordsParser();

    private final java.time.LocalDate fallbackDate;
    private int maxArticleBytes = ArticleSize.DEFAULT_MAX_BYTES;

    /** @param bytes ingest.max.article.bytes */
    public FileIngestor withMaxArticleBytes(int bytes) {
        this.maxArticleBytes = bytes;
        return this;
    }

    public FileIngestor(RecordSink sink, String configuredSource, Clock clock) {
        this(sink, configuredSource, clock, null);
    }

    /** @param fallbackDate day of articles neither their input, page nor text dates (null: the ingestion day) */
    public FileIngestor(RecordSink sink, String configuredSource, Clock clock, java.time.LocalDate fallbackDate) {
        this.sink = sink;
        this.configuredSource = configuredSource;
        this.clock = clock;
        this.fallbackDate = fallbackDate;
    }

    public IngestSummary ingest(List<Path> files, Consumer<Path> progress) {
        return ingestDocuments(files.stream().map(InputDocument::of).toList(), doc -> progress.accept(doc.file()));
    }

    /**
     * Reads, parses and publishes every document. Files are not waited for one by one: each is sent
     * while the acknowledgements of the earlier ones are still coming, at most
     * {@link #MAX_PENDING_RECORDS} records unacknowledged (then the oldest file is waited for), and
     * the call returns only when every record was acknowledged. A record that Kafka did not store
     * ends the run with the sink's exception, as a synchronous publish would have.
     */
    public IngestSummary ingestDocuments(List<InputDocument> documents, Consumer<InputDocument> progress) {
        List<String> ids = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        Deque<Pending> pending = new ArrayDeque<>();
        int pendingRecords = 0;
        int articles = 0;
        int ticks = 0;
        for (InputDocument doc : documents) {
            progress.accept(doc);
            String text;
            try {
                text = doc.read();
            } catch (IOException e) {
                problems.add(new ParseProblem(doc.name(), 0, "cannot read (" + e.getMessage() + "); skipped"));
                continue;
            }
            Parsed parsed = withinSize(parse(doc.name(), text, sourceFor(doc.sourceHint()), doc.baseUri(), clock.instant()),
                    doc.name());
            problems.addAll(parsed.problems());
            Pending sent = new Pending(doc.name(), parsed.format(), parsed.articles().size(), parsed.ticks().size(),
                    parsed.problems().size(), sink.publishAsync(parsed.articles(), parsed.ticks()));
            pending.add(sent);
            pendingRecords += sent.records();
            // Settle what is acknowledged already; wait for the oldest while too much is unacknowledged.
            while (!pending.isEmpty() && (pending.peek().ack().isDone() || pendingRecords > MAX_PENDING_RECORDS)) {
                pendingRecords -= settle(pending.poll());
            }
            parsed.articles().forEach(r -> ids.add(r.getId()));
            articles += parsed.articles().size();
            ticks += parsed.ticks().size();
        }
        if (!pending.isEmpty()) {
            sink.flush();
        }
        while (!pending.isEmpty()) {
            settle(pending.poll());
        }
        return new IngestSummary(documents.size(), articles, ticks, List.copyOf(ids), List.copyOf(problems));
    }

    /** Records handed to the sink and not yet acknowledged, at most (a bound on memory and on what a failure leaves open). */
    static final int MAX_PENDING_RECORDS = 5_000;

    /** A document handed to the sink: what to log once it is acknowledged (not its records: they may be large). */
    private record Pending(String name, InputFormat format, int articles, int ticks, int problems, CompletableFuture<Void> ack) {
        int records() {
            return articles + ticks;
        }
    }

    /** Waits for one document's acknowledgements; rethrows the sink's exception when a record was not stored. */
    private static int settle(Pending p) {
        try {
            p.ack().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        LOG.info("Ingested {} ({}): {} articles, {} FX ticks, {} problems", p.name(), p.format(), p.articles(), p.ticks(),
                p.problems());
        return p.records();
    }

    /** What one input holds, ready to publish, and what of it was skipped. */
    /** An article over ingest.max.article.bytes is skipped with its name; the rest of the file goes on. */
    private Parsed withinSize(Parsed parsed, String name) {
        List<RawArticle> kept = new ArrayList<>(parsed.articles().size());
        List<ParseProblem> problems = new ArrayList<>(parsed.problems());
        for (RawArticle article : parsed.articles()) {
            String why = ArticleSize.tooLarge(article, maxArticleBytes);
            if (why == null) {
                kept.add(article);
            } else {
                problems.add(new ParseProblem(name, 0, why + "; skipped"));
            }
        }
        return kept.size() == parsed.articles().size() ? parsed : new Parsed(parsed.format(), kept, parsed.ticks(), problems);
    }

    public record Parsed(InputFormat format, List<RawArticle> articles, List<FxTick> ticks, List<ParseProblem> problems) {
    }

    /** Detects the format of one document and parses it; {@code baseUri} resolves relative links in HTML. */
    public Parsed parse(String name, String text, String source, String baseUri, Instant now) {
        InputFormat format = InputFormat.detect(name, text);
        ParsedPage page;
        switch (format) {
            case PAGE_DUMP -> page = pageDumps.parse(name, new StringReader(text));
            case HTML -> page = htmlPages.parse(name, text, baseUri);
            case FEED -> page = feeds.parse(name, text);
            case JSON, NDJSON -> {
                JsonRecordsParser.Result result = json.parse(text, JsonRecordsParser.Expect.ANY, source, now);
                List<ParseProblem> problems = result.errors().stream()
                        .map(e -> new ParseProblem(name, e.line(), "record " + e.index()
                                + ("$".equals(e.field()) ? "" : ", field " + e.field()) + ": " + e.message() + "; skipped"))
                        .toList();
                return new Parsed(format, result.articles(), result.ticks(), problems);
            }
            default -> {
                return new Parsed(format, List.of(), List.of(), List.of(new ParseProblem(name, 1,
                        "not a page dump, HTML page, RSS/Atom feed, JSON or NDJSON; file skipped")));
            }
        }
        return new Parsed(format, PageRecords.articles(page, source, now, fallbackDate), PageRecords.ticks(page, source),
                page.problems());
    }

    /** The configured source, else the file name up to its first '-' ("steppe-herald-..." gives "steppe"). */
    String sourceFor(Path file) {
        return sourceFor(file.getFileName().toString());
    }

    private String sourceFor(String name) {
        if (configuredSource != null && !configuredSource.isBlank()) {
            return configuredSource;
        }
        int dash = name.indexOf('-');
        int dot = name.indexOf('.');
        int end = dash > 0 ? dash : (dot > 0 ? dot : name.length());
        return name.substring(0, end);
    }
}
