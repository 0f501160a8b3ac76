package dev.caravan.launcher;

import dev.caravan.ingest.config.IngestConfig;
import dev.caravan.ingest.files.FileIngestor;
import dev.caravan.ingest.files.IngestSummary;
import dev.caravan.ingest.publish.RecordPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caravan ingest FILE|DIR...}: page dumps into Kafka, with a summary and a non-zero exit on problems. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish page-dump files (or every file in a directory) to Kafka.")
final class IngestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    List<Path> inputs;

    @Option(names = "--source", description = "Source name recorded on the articles (default: from the file name).")
    String source;

    @Option(names = "--kafka-bootstrap", description = "Overrides CARAVAN_KAFKA_BOOTSTRAP.")
    String bootstrap;

    @Option(names = "--schema-registry-url", description = "Overrides CARAVAN_SCHEMA_REGISTRY_URL.")
    String registryUrl;

    @Override
    public Integer call() {
        List<Path> files = InputFiles.expand(inputs, spec.commandLine());
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
        IngestConfig config = IngestConfig.fromEnvironment(overrides);
        var out = spec.commandLine().getOut();
        int[] done = {0};
        try (RecordPublisher publisher = new RecordPublisher(config)) {
            IngestSummary summary = new FileIngestor(publisher, config.source(), Clock.systemUTC())
                    .ingest(files, file -> out.printf("[%d/%d] %s%n", ++done[0], files.size(), file));
            out.printf("files %d, articles %d, FX ticks %d, skipped %d%n",
                    summary.files(), summary.articles(), summary.fxTicks(), summary.problems().size());
            summary.problems().forEach(p -> spec.commandLine().getErr().println("skipped: " + p));
            return summary.clean() ? 0 : 1;
        }
    }
}
