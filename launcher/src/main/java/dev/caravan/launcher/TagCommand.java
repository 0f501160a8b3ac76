package dev.caravan.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.enrich.config.EnrichConfig;
import dev.caravan.enrich.fx.TickListRates;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.index.document.ArticleDocuments;
import dev.caravan.ingest.parse.PageDumpParser;
import dev.caravan.ingest.parse.PageRecords;
import dev.caravan.ingest.parse.ParsedPage;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan tag FILE|-}: parse, tag and convert a page offline (no Kafka), one enriched
 * article per line as JSON with the Avro schema's field names. The page's own FX ticker converts the money.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag a page dump offline and print one EnrichedArticle per line as JSON.")
final class TagCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE|-", description = "A page dump, or - for standard input.")
    String input;

    @CommandLine.Option(names = "--source", defaultValue = "offline", description = "Source name (default: ${DEFAULT-VALUE}).")
    String source;

    @CommandLine.Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Day of articles that neither the page nor their own text dates (default: today).")
    java.time.LocalDate date;

    @Override
    public Integer call() throws IOException {
        ParsedPage page;
        try (Reader reader = "-".equals(input)
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(existing(Path.of(input)), StandardCharsets.UTF_8)) {
            page = new PageDumpParser().parse(input, reader);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        page.problems().forEach(p -> err.println("skipped: " + p));
        int fxMaxAgeDays = (Integer) EnrichConfig.DEFINITION.defaultValues().get(EnrichConfig.FX_MAX_AGE_DAYS);
        ArticleEnricher enricher = new ArticleEnricher(Gazetteer.bundled(), fxMaxAgeDays, Clock.systemUTC());
        TickListRates rates = new TickListRates(PageRecords.ticks(page, source));
        ObjectMapper json = new ObjectMapper();
        for (RawArticle raw : PageRecords.articles(page, source, Instant.now(), date)) {
            EnrichedArticle enriched = enricher.enrich(raw, rates);
            Map<String, Object> document = ArticleDocuments.article(enriched);
            out.println(json.writeValueAsString(document));
        }
        out.flush();
        err.flush();
        return page.problems().isEmpty() ? 0 : 1;
    }

    private Path existing(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + path);
        }
        return path;
    }
}
