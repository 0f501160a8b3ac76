package dev.caravan.bench.jmh;

import dev.caravan.bench.load.Corpus;
import dev.caravan.enrich.fx.FxRates;
import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.EntityTagger;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.tag.GazetteerEntry;
import dev.caravan.schema.RawArticle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ahocorasick.trie.PayloadTrie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tagger, per thread, against a plain Aho-Corasick pass over the same text with the same
 * dictionary (every surface form of the bundled gazetteer in an {@code org.ahocorasick}
 * PayloadTrie, whole words, no overlaps: the matching the tagger itself starts from).
 * One operation tags {@link #ARTICLES} articles (title and body); MB/s = ops/s x {@link #corpusBytes()} / 10^6.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TaggerBenchmark {

    public static final int ARTICLES = 100;

    private final List<Corpus.Article> articles = articles();
    private final Gazetteer gazetteer = Gazetteer.bundled();
    private final EntityTagger tagger = new EntityTagger(gazetteer);
    private final ArticleEnricher enricher = new ArticleEnricher(gazetteer, 7,
            Clock.fixed(Instant.parse("2024-12-30T00:00:00Z"), ZoneOffset.UTC));
    private final PayloadTrie<GazetteerEntry> trie = plainTrie(gazetteer);
    private final List<RawArticle> raw = articles.stream().map(a -> a.toRaw("bench", Instant.parse("2024-12-30T00:00:00Z"))).toList();
    private final FxRates rates = (pair, day) -> Optional.of(new FxRates.FxQuote(0.002, day));

    public static List<Corpus.Article> articles() {
        return new Corpus(7).articles(0, ARTICLES);
    }

    public static long corpusBytes() {
        return articles().stream().mapToLong(Corpus.Article::utf8Bytes).sum();
    }

    static PayloadTrie<GazetteerEntry> plainTrie(Gazetteer gazetteer) {
        Map<String, GazetteerEntry> forms = new HashMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String form : entry.surfaceForms()) {
                forms.putIfAbsent(form, entry);
            }
        }
        PayloadTrie.PayloadTrieBuilder<GazetteerEntry> builder = PayloadTrie.<GazetteerEntry>builder()
                .onlyWholeWords().ignoreOverlaps();
        forms.forEach(builder::addKeyword);
        return builder.build();
    }

    @Benchmark
    public void tagger(Blackhole bh) {
        for (Corpus.Article a : articles) {
            bh.consume(tagger.tag(a.title(), a.body()));
        }
    }

    @Benchmark
    public void ahoCorasickBaseline(Blackhole bh) {
        for (Corpus.Article a : articles) {
            bh.consume(trie.parseText(a.title()));
            bh.consume(trie.parseText(a.body()));
        }
    }

    /** Tagging plus money extraction and conversion: the whole per-article work of the enrich stage. */
    @Benchmark
    public void enricher(Blackhole bh) {
        for (RawArticle a : raw) {
            bh.consume(enricher.enrich(a, rates));
        }
    }
}
