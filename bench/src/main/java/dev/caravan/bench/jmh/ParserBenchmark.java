package dev.caravan.bench.jmh;

import dev.caravan.bench.load.Corpus;
import dev.caravan.ingest.parse.PageDumpParser;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The page-dump parser against the floor of any line-based parser: reading the same UTF-8 bytes
 * line by line with a {@link BufferedReader}. One operation is one page of {@link #ARTICLES}
 * articles; MB/s = ops/s x {@link #pageBytes()} / 10^6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

    public static final int ARTICLES = 50;

    private final byte[] page = page();
    private final PageDumpParser parser = new PageDumpParser();

    public static byte[] page() {
        Corpus corpus = new Corpus(42);
        List<Corpus.Article> articles = corpus.articles(0, ARTICLES * Corpus.DAYS).stream()
                .filter(a -> a.date().equals(Corpus.FIRST_DAY)).limit(ARTICLES).toList();
        return corpus.pageDump(Corpus.FIRST_DAY, articles, corpus.ticks(), 1, ARTICLES)
                .getBytes(StandardCharsets.UTF_8);
    }

    public static int pageBytes() {
        return page().length;
    }

    @Benchmark
    public Object pageDumpParser() {
        return parser.parse("bench.txt", new InputStreamReader(new ByteArrayInputStream(page), StandardCharsets.UTF_8));
    }

    @Benchmark
    public void readLinesBaseline(Blackhole bh) throws IOException {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(page), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                bh.consume(line);
            }
        }
    }
}
