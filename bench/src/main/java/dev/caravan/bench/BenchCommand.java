package dev.caravan.bench;

import dev.caravan.bench.jmh.MicroBench;
import dev.caravan.bench.report.Machine;
import dev.caravan.bench.report.Report;
import dev.caravan.bench.stage.EndToEndStage;
import dev.caravan.bench.stage.EnrichStage;
import dev.caravan.bench.stage.IndexStage;
import dev.caravan.bench.stage.IngestStage;
import dev.caravan.bench.stage.StageContext;
import dev.caravan.launcher.topics.TopicCatalog;
import dev.caravan.localstack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caravan bench}: the JMH micro-benchmarks, then one local stack and each stage beside its
 * raw baseline in the same run, then the end-to-end load. Prints a table, writes JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures each stage beside its raw baseline in the same run, and the pipeline end to end.",
                "Prints a table and writes JSON (machine + results with value, baseline, ratio, goal)."})
public final class BenchCommand implements Callable<Integer> {

    public enum Part { jmh, ingest, enrich, index, e2e }

    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "Parts to run, comma-separated: ${COMPLETION-CANDIDATES} (default: all). enrich and index read what ingest wrote.")
    Set<Part> only = EnumSet.allOf(Part.class);

    // Enough that each timed part runs for seconds, not a few hundred milliseconds of JIT warm-up and poll granularity.
    @Option(names = "--articles", defaultValue = "10000", description = "Articles per ingest path (CLI and API each; default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--enrich-articles", defaultValue = "100000",
            description = "Raw articles the enrich runs read, topped up after ingest (default ${DEFAULT-VALUE}): the pass-through baseline needs seconds to be timed.")
    int enrichArticles;

    @Option(names = "--index-docs", defaultValue = "20000",
            description = "Newest enriched documents the index stage keeps and indexes (default ${DEFAULT-VALUE}).")
    int indexDocs;

    // One round is at the mercy of a neighbour's burst or a late JIT compile on a shared 2-core host.
    @Option(names = "--rounds", defaultValue = "3",
            description = "Rounds of each ingest path and the indexer, each beside its baseline; the median round is reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of the data topics (default ${DEFAULT-VALUE}).")
    int partitions;

    // Long enough to outlast what Kafka absorbs: 10,000 gave 933-1,423 articles/s, 30,000 shows OpenSearch's merging (878).
    @Option(names = "--burst", defaultValue = "30000", description = "Articles of the end-to-end sustained burst, run with 1 and then 2 enrich instances (default ${DEFAULT-VALUE}).")
    int burst;

    @Option(names = "--rate", defaultValue = "500", description = "Fixed end-to-end rate, articles/s (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "How long the fixed rate runs (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--jmh-iterations", defaultValue = "3", description = "JMH measurement iterations per benchmark (default ${DEFAULT-VALUE}).")
    int jmhIterations;

    @Option(names = "--jmh-seconds", defaultValue = "2", description = "Seconds per JMH iteration (default ${DEFAULT-VALUE}).")
    int jmhSeconds;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "target/bench/results.json", description = "Where the JSON goes (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be at least 1, was " + rounds);
        }
        Map<String, Object> machine = Machine.describe();
        Report report = new Report(machine);
        StageContext.log("machine: %s", Machine.line(machine));
        try {
            if (only.contains(Part.jmh)) {
                StageContext.log("JMH: parser and tagger (one fork each)");
                MicroBench.run(report, jmhIterations, jmhSeconds);
            }
            if (only.stream().anyMatch(p -> p != Part.jmh)) {
                stack(report);
            }
        } finally {
            report.writeJson(out);
            System.out.println();
            System.out.println("Machine: " + Machine.line(machine));
            System.out.println();
            System.out.print(report.table());
            System.out.println();
            System.out.println("JSON: " + out.toAbsolutePath());
        }
        return 0;
    }

    private void stack(Report report) throws Exception {
        Path work = Files.createTempDirectory("caravan-bench");
        StageContext.log("starting the local stack (Kafka, schema registry, OpenSearch)");
        try (LocalStack stack = LocalStack.builder().build().start()) {
            TopicCatalog.ensure(stack.kafkaBootstrap(), partitions, (short) 1);
            StageContext ctx = new StageContext(stack.kafkaBootstrap(), stack.schemaRegistryUrl(), stack.opensearchUrl(),
                    partitions, articles, enrichArticles, indexDocs, rounds, work, report);
            if (only.contains(Part.ingest)) {
                new IngestStage(ctx).run();
            }
            if (only.contains(Part.enrich)) {
                new EnrichStage(ctx).run();
            }
            if (only.contains(Part.index)) {
                new IndexStage(ctx).run();
            }
            if (only.contains(Part.e2e)) {
                new EndToEndStage(ctx, burst, rate, seconds).run();
            }
        }
    }
}
