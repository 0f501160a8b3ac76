package dev.caravan.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.ingest.files.IngestSummary;
import dev.caravan.launcher.InputFiles;
import dev.caravan.localstack.LocalStack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code caravan demo}: real Kafka, schema registry and OpenSearch in child JVMs, the three
 * services in this one, the sample pages ingested and waited for until searchable.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the local stack and the pipeline, ingest page files, wait until they are searchable.")
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR", description = "Page files to ingest (default: the bundled samples).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--json", description = "Print the summary as one JSON object on the last line.")
    boolean json;

    @Option(names = "--exit-when-indexed", description = "Stop everything after the summary instead of serving until Ctrl-C.")
    boolean exitWhenIndexed;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the data topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the run keeps Kafka's log, OpenSearch's data, "
            + "enrich's state and the servers' logs: a new stack-* directory under DIR, removed at stop "
            + "(default: $XDG_CACHE_HOME/caravan/demo, else ~/.cache/caravan/demo).")
    Path dataDir;

    @Option(names = "--timeout", defaultValue = "PT3M", description = "Longest wait until searchable: 60, 60s, 2m or PT3M (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = InputFiles.expand(inputs.isEmpty() ? List.of(bundledSamples()) : inputs,
                spec.commandLine());
        long started = System.nanoTime();
        out.println("Starting the local stack: Kafka, schema registry and OpenSearch in child JVMs...");
        out.flush();
        // One shutdown hook, the stack's, stops everything on SIGTERM or Ctrl-C, also during start-up:
        // the endpoints file and the services first (they are Kafka's clients), then the servers, then
        // the run's directory (Kafka's log, OpenSearch's data, enrich's state, the servers' logs).
        LocalStack stack = LocalStack.builder().dataDirUnder(dataDir == null ? defaultDataDir() : dataDir).build();
        stack.beforeStop(DemoEndpoints::remove);
        try {
            stack.start();
            LocalPipeline pipeline = LocalPipeline.start(new LocalPipeline.Endpoints(
                    stack.kafkaBootstrap(), stack.schemaRegistryUrl(), stack.opensearchUrl()), partitions,
                    stack.dataDir(), stack::beforeStop);
            out.printf("Ingesting %d file(s)...%n", files.size());
            out.flush();
            int[] done = {0};
            IngestSummary summary = pipeline.ingest(files, f -> {
                out.printf("  [%d/%d] %s%n", ++done[0], files.size(), f);
                out.flush();
            });
            summary.problems().forEach(p -> err.println("  skipped: " + p));
            err.flush();
            out.printf("Waiting until %d article(s) are searchable...%n", summary.articles());
            out.flush();
            long indexed = pipeline.awaitSearchable(summary.articleIds(), timeout);
            long fx = pipeline.fxTicksIndexed();
            double elapsed = (System.nanoTime() - started) / 1e9;

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("files", summary.files());
            result.put("articles", summary.articles());
            result.put("fxTicks", summary.fxTicks());
            result.put("indexed", indexed);
            result.put("fxTicksIndexed", fx);
            result.put("problems", summary.problems().size());
            result.put("elapsedSeconds", Math.round(elapsed * 10) / 10.0);
            result.put("kafkaBootstrap", stack.kafkaBootstrap());
            result.put("schemaRegistryUrl", stack.schemaRegistryUrl());
            result.put("opensearchUrl", stack.opensearchUrl());
            result.put("ingestUrl", pipeline.ingestUrl());
            result.put("searchUrl", pipeline.searchUrl());
            result.put("opsUrls", pipeline.opsUrls());
            result.put("dataDir", stack.dataDir().toString());

            out.println();
            out.printf("Summary: %d file(s), %d article(s), %d FX tick(s) published; %d article(s) searchable; "
                    + "%d problem(s); %.1f s%n", summary.files(), summary.articles(), summary.fxTicks(), indexed,
                    summary.problems().size(), elapsed);
            out.println("Where to look:");
            out.printf("  Search page          %s/%n", pipeline.searchUrl());
            out.printf("  Search API           %s/v1/search?q=Tokayev%n", pipeline.searchUrl());
            out.printf("  Ingest API           %s/v1/articles (POST; OpenAPI at %s/openapi.yaml)%n", pipeline.ingestUrl(), pipeline.ingestUrl());
            out.printf("  Kafka bootstrap      %s%n", stack.kafkaBootstrap());
            out.printf("  Schema registry      %s/subjects%n", stack.schemaRegistryUrl());
            out.printf("  OpenSearch           %s/articles/_search?q=Tokayev%n", stack.opensearchUrl());
            out.printf("  FX rate history      %s/fx-ticks/_search%n", stack.opensearchUrl());
            pipeline.opsUrls().forEach((service, url) -> out.printf("  %-20s %s/health/ready, %s/metrics%n",
                    Character.toUpperCase(service.charAt(0)) + service.substring(1) + " ops", url, url));
            DemoEndpoints.write(result);
            out.println("From another terminal (the CLI finds this demo through " + DemoEndpoints.file() + "):");
            out.println("  ./caravan ingest samples/");
            out.printf("  curl -X POST %s/v1/articles -H 'Content-Type: application/json' %s\\%n", pipeline.ingestUrl(),
                    System.getenv("CARAVAN_INGEST_API_TOKEN") == null ? "" : "-H \"Authorization: Bearer $CARAVAN_INGEST_API_TOKEN\" ");
            out.println("       -d '{\"title\":\"Tokayev visits Almaty\",\"body\":\"Kassym-Jomart Tokayev met the akim.\",\"publishedDate\":\"2024-12-02\"}'");
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(result));
            }
            out.flush();
            boolean complete = indexed == summary.articles();
            if (!complete) {
                err.printf("caravan: only %d of %d articles became searchable within %s%n", indexed, summary.articles(), timeout);
                err.flush();
            }
            if (exitWhenIndexed) {
                return complete && summary.clean() ? 0 : 1;
            }
            out.println("Running. Press Ctrl-C to stop.");
            out.flush();
            stack.awaitClosed(); // by the shutdown hook; an interrupt (an embedded demo) stops it below
            return 0;
        } catch (RuntimeException e) {
            if (stack.isClosing()) {
                err.println("caravan: stopped during start-up");
                err.flush();
                return 1;
            }
            throw e;
        } finally {
            boolean interrupted = Thread.interrupted(); // an embedded demo stopped by an interrupt still stops in order
            stack.close(); // returns once done if the hook did it; else the same order as the hook
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Not the system temp dir: Kafka Streams warns that the OS may clear it under a running app. */
    static Path defaultDataDir() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("caravan").resolve("demo");
    }

    /** The samples shipped with the project, found from the launcher script's directory. */
    private static Path bundledSamples() {
        Path home = Path.of(System.getProperty("caravan.home", "."));
        Path samples = home.resolve("samples");
        if (!Files.isDirectory(samples)) {
            throw new IllegalStateException("bundled samples not found at " + samples.toAbsolutePath()
                    + "; pass page files as arguments");
        }
        return samples;
    }
}
