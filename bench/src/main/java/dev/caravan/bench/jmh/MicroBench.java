package dev.caravan.bench.jmh;

import dev.caravan.bench.report.Report;
import dev.caravan.bench.report.Result;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs the JMH benchmarks (one fork each) and turns ops/s into MB/s lines beside their baselines. */
public final class MicroBench {

    private MicroBench() {
    }

    public static void run(Report report, int iterations, int seconds) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ParserBenchmark.class.getName() + "\\.")
                .include(TaggerBenchmark.class.getName() + "\\.")
                .forks(1)
                // at least 5 warm-up iterations: with 2 the tagger was still being compiled in the first
                // measured iteration (warm-up 13, 38, then 175, 219, 221 ops/s), which biased it low
                .warmupIterations(Math.max(5, iterations - 1))
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx512m")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> opsPerSecond = new HashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            opsPerSecond.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        double pageMb = ParserBenchmark.pageBytes() / 1e6;
        double corpusMb = TaggerBenchmark.corpusBytes() / 1e6;
        // Goals (issue 18) are on the enricher only: the parser and the tagger are parts of it, for information.
        report.add(Result.vsBaseline("parser: page dump (JMH)", opsPerSecond.get("pageDumpParser") * pageMb,
                opsPerSecond.get("readLinesBaseline") * pageMb, "MB/s", null,
                "for information; baseline: BufferedReader.readLine over the same UTF-8 bytes"));
        double tagger = opsPerSecond.get("tagger") * corpusMb;
        double ahoCorasick = opsPerSecond.get("ahoCorasickBaseline") * corpusMb;
        report.add(Result.vsBaseline("tagger, per thread (JMH)", tagger, ahoCorasick, "MB/s", null,
                "for information; baseline: one org.ahocorasick PayloadTrie pass (whole words, no overlaps) over the same text, "
                        + "every surface form of the bundled gazetteer"));
        double enricher = opsPerSecond.get("enricher") * TaggerBenchmark.ARTICLES;
        report.add(Result.absolute("enricher with the full recogniser, per thread (JMH)", enricher, "articles/s", 1000.0,
                Result.Goal.MIN_VALUE, String.format(java.util.Locale.ROOT,
                        "tokens, every recogniser, resolver, money facts and FX, tagger %s; %.1f MB/s; no baseline: an absolute floor",
                        dev.caravan.enrich.tag.ArticleEnricher.TAGGER_VERSION, opsPerSecond.get("enricher") * corpusMb)));
    }
}
