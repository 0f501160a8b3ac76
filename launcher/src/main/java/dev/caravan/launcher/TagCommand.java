package dev.caravan.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.fx.TickListRates;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.index.document.ArticleDocuments;
import dev.caravan.ingest.files.FileIngestor;
import dev.caravan.ingest.files.InputDocument;
import dev.caravan.ingest.parse.ParseProblem;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan tag FILE|DIR|-...}: parse, tag and convert offline (no Kafka) whatever {@code ingest}
 * reads (page dumps, HTML listings, RSS/Atom, JSON, NDJSON), one article per line as JSON in the
 * form the search API returns. FX ticks found in the inputs (a page's ticker, tick records) convert the money.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = {"Tag what ingest reads, offline (no Kafka): one article per line as JSON.",
                "Reads page dumps, HTML listing pages, RSS/Atom feeds, JSON and NDJSON, and prints each article",
                "in the form the index stores: entities with their mentions (text, field, start, end; the",
                "search API counts them), money facts with USD, publishedDate and dateSource.",
                "FX ticks in the inputs (a page's ticker, tick records) convert the money.",
                "Exit code: 0 all tagged, 1 something was skipped (named with file and line), 64 usage error."})
final class TagCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-", description = "Files, directories, or - for standard input.")
    List<String> inputs = new ArrayList<>();

    @CommandLine.Option(names = "--source", description = "Source name recorded on the articles (default: offline).")
    String source;

    @CommandLine.Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Day of articles that neither their input, the page nor their own text dates (default: today).")
    java.time.LocalDate date;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileIngestor parser = new FileIngestor(null, source, Clock.systemUTC(), date);
        Instant now = Instant.now();
        List<RawArticle> articles = new ArrayList<>();
        List<FxTick> ticks = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (Input input : inputs()) {
            String text;
            try {
                text = input.read();
            } catch (IOException e) {
                problems.add(new ParseProblem(input.name(), 1, e.getMessage() + "; file skipped"));
                continue;
            }
            FileIngestor.Parsed parsed = parser.parse(input.name(), text, source != null ? source : "offline",
                    input.baseUri(), now);
            articles.addAll(parsed.articles());
            ticks.addAll(parsed.ticks());
            problems.addAll(parsed.problems());
        }
        int fxMaxAgeDays = (Integer) EnrichConfig.DEFINITION.defaultValues().get(EnrichConfig.FX_MAX_AGE_DAYS);
        ArticleEnricher enricher = new ArticleEnricher(Gazetteer.bundled(), fxMaxAgeDays, Clock.systemUTC());
        TickListRates rates = new TickListRates(ticks);
        ObjectMapper json = new ObjectMapper();
        for (RawArticle raw : articles) {
            EnrichedArticle enriched = enricher.enrich(raw, rates);
            out.println(json.writeValueAsString(ArticleDocuments.article(enriched)));
        }
        out.flush();
        problems.forEach(p -> err.println("skipped: " + p));
        err.flush();
        return problems.isEmpty() ? 0 : 1;
    }

    /** One input: a file, or standard input. */
    private record Input(String name, InputDocument document) {

        String read() throws IOException {
            if (document != null) {
                return document.read();
            }
            byte[] bytes = System.in.readAllBytes();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new IOException("not UTF-8 text", e);
            }
        }

        String baseUri() {
            return document != null ? document.baseUri() : null;
        }
    }

    private List<Input> inputs() {
        List<Input> all = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            if ("-".equals(input)) {
                InputFiles.expand(paths, spec.commandLine()).forEach(p -> all.add(new Input(p.toString(), InputDocument.of(p))));
                paths.clear();
                all.add(new Input("stdin", null));
            } else {
                paths.add(Path.of(input));
            }
        }
        InputFiles.expand(paths, spec.commandLine()).forEach(p -> all.add(new Input(p.toString(), InputDocument.of(p))));
        return all;
    }
}
