package dev.caravan.launcher;

import dev.caravan.ingest.api.IngestServer;
import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.files.FileIngestor;
import dev.caravan.ingest.files.IngestSummary;
import dev.caravan.ingest.files.InputDocument;
import dev.caravan.ingest.publish.DryRunSink;
import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.ingest.publish.RecordSink;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan ingest FILE|DIR|URL...}: page dumps, HTML listings, RSS/Atom feeds, JSON and NDJSON
 * into Kafka (format told by content), with progress, a summary and exit 1 when something was
 * skipped; {@code --dry-run} prints the records as JSON instead; {@code --serve} runs the HTTP API.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Publish page dumps, HTML pages, RSS/Atom, JSON or NDJSON (files, directories, URLs) to Kafka.",
                "The format is detected from the content.",
                "Exit code: 0 all used, 1 something was skipped (named with file and line), 2 Kafka did not take the records."})
final class IngestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR|URL")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--source", description = "Source name recorded on the articles (default: from the file name or host).")
    String source;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Day of articles that neither their input, the page nor their own text dates (default: today).")
    java.time.LocalDate date;

    @Option(names = "--dry-run", description = "Print the records as JSON lines (topic, key, value) instead of publishing.")
    boolean dryRun;

    @Option(names = "--serve", description = "Run the HTTP ingest API (POST /v1/articles, /v1/fx-ticks) until Ctrl-C.")
    boolean serve;

    @Option(names = "--port", description = "Port of the HTTP API with --serve (default: ingest.api.port, 8082).")
    Integer port;

    @Option(names = "--kafka-bootstrap", description = "Overrides CARAVAN_KAFKA_BOOTSTRAP.")
    String bootstrap;

    @Option(names = "--schema-registry-url", description = "Overrides CARAVAN_SCHEMA_REGISTRY_URL.")
    String registryUrl;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        if (serve != inputs.isEmpty()) {
            throw new CommandLine.ParameterException(cli, serve
                    ? "--serve takes no FILE|DIR|URL arguments" : "give at least one FILE|DIR|URL (or --serve)");
        }
        Map<String, String> overrides = new HashMap<>(dev.caravan.launcher.demo.DemoEndpoints.overridesIfUnset(bootstrap,
                System.getenv(), cli.getErr()));
        overrides.putAll(overrides());
        IngestConfig config = IngestConfig.fromEnvironment(overrides);
        if (serve) {
            return serve(config);
        }
        List<InputDocument> documents = documents(cli);
        // With --dry-run stdout carries only the records, so progress and summary go to stderr.
        PrintWriter out = dryRun ? cli.getErr() : cli.getOut();
        Progress progress = new Progress(out, documents.size(), System.console() != null);
        IngestSummary summary;
        try (RecordPublisher publisher = dryRun ? null : new RecordPublisher(config)) {
            RecordSink sink = dryRun ? new DryRunSink(cli.getOut()) : publisher;
            summary = new FileIngestor(sink, config.source(), Clock.systemUTC(), date).withMaxArticleBytes(config.maxArticleBytes()).ingestDocuments(documents, progress);
        } catch (RecordPublisher.PublishException e) {
            progress.done();
            cli.getErr().println("error: " + e.getMessage() + " (Kafka at " + config.kafkaBootstrap() + ")");
            return ExitCodes.KAFKA;
        }
        progress.done();
        out.printf("files %d, articles %d, FX ticks %d, skipped %d%s%n", summary.files(), summary.articles(),
                summary.fxTicks(), summary.problems().size(), dryRun ? " (dry run: nothing published)" : "");
        summary.problems().forEach(p -> cli.getErr().println("skipped: " + p));
        return summary.clean() ? 0 : 1;
    }

    private Map<String, String> overrides() {
        Map<String, String> overrides = new HashMap<>();
        if (bootstrap != null) {
            overrides.put(IngestConfig.KAFKA_BOOTSTRAP, bootstrap);
        }
        if (registryUrl != null) {
            overrides.put(IngestConfig.SCHEMA_REGISTRY_URL, registryUrl);
        }
        if (source != null) {
            overrides.put(IngestConfig.SOURCE, source);
        }
        return overrides;
    }

    private List<InputDocument> documents(CommandLine cli) {
        List<InputDocument> documents = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            if (InputDocument.isUrl(input)) {
                documents.addAll(InputFiles.expand(paths, cli).stream().map(InputDocument::of).toList());
                paths.clear();
                try {
                    documents.add(InputDocument.of(URI.create(input)));
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cli, "not a valid URL: " + input);
                }
            } else {
                paths.add(Path.of(input));
            }
        }
        documents.addAll(InputFiles.expand(paths, cli).stream().map(InputDocument::of).toList());
        return documents;
    }

    private int serve(IngestConfig config) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        int listen = port != null ? port : config.apiPort();
        try (IngestServer server = ServiceCommands.onPort("The ingest API", listen,
                port != null ? "--port" : IngestConfig.API_PORT, () -> IngestServer.start(config, listen))) {
            spec.commandLine().getOut().printf("Ingest API on %s (OpenAPI: %s/openapi.yaml); Ctrl-C stops it%n",
                    server.url(), server.url());
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "ingest-api-stop"));
            stopped.await();
        }
        return 0;
    }

    /** A bar redrawn in place on a terminal; one line per input otherwise (logs, CI). */
    private static final class Progress implements Consumer<InputDocument> {

        private static final int WIDTH = 30;

        private final PrintWriter out;
        private final int total;
        private final boolean terminal;
        private int done;

        Progress(PrintWriter out, int total, boolean terminal) {
            this.out = out;
            this.total = total;
            this.terminal = terminal;
        }

        @Override
        public void accept(InputDocument doc) {
            done++;
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + doc.name();
            if (terminal) {
                out.print("\r" + bar + "\u001B[K");
            } else {
                out.println(bar);
            }
            out.flush();
        }

        void done() {
            if (terminal && done > 0) {
                out.println();
            }
        }
    }
}
