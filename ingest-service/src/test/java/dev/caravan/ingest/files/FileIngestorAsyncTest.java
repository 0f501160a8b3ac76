package dev.caravan.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.ingest.publish.RecordPublisher;
import dev.caravan.ingest.publish.RecordSink;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Files are sent without waiting one by one, yet the run returns only once all are acknowledged, and fails if one was not. */
class FileIngestorAsyncTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-06T12:00:00Z"), ZoneOffset.UTC);
    private static final List<Path> PAGES = List.of(Path.of("../samples/steppe-herald-2024-12-02.txt"),
            Path.of("../samples/steppe-herald-2024-12-03.txt"));

    /** Acknowledges nothing until flushed, like a producer that lingers. */
    private static final class LaterSink implements RecordSink {
        final List<CompletableFuture<Void>> acks = new ArrayList<>();
        RuntimeException failure;
        boolean flushed;

        @Override
        public void publish(List<RawArticle> articles, List<FxTick> ticks) {
            throw new AssertionError("the ingestor must not publish synchronously");
        }

        @Override
        public CompletableFuture<Void> publishAsync(List<RawArticle> articles, List<FxTick> ticks) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        }

        @Override
        public void flush() {
            flushed = true;
            // Every file was handed over before the first acknowledgement arrives.
            assertThat(acks).hasSize(PAGES.size());
            for (CompletableFuture<Void> ack : acks) {
                if (failure != null && ack == acks.get(acks.size() - 1)) {
                    ack.completeExceptionally(failure);
                } else {
                    ack.complete(null);
                }
            }
        }
    }

    @Test
    void everyFileIsSentBeforeTheAcknowledgementsAreAwaited() {
        LaterSink sink = new LaterSink();
        IngestSummary summary = new FileIngestor(sink, "", CLOCK).ingest(PAGES, f -> { });
        assertThat(sink.flushed).isTrue();
        assertThat(sink.acks).allMatch(CompletableFuture::isDone);
        assertThat(summary.files()).isEqualTo(2);
        assertThat(summary.articles()).isPositive();
    }

    @Test
    void aRecordKafkaDidNotStoreFailsTheRun() {
        LaterSink sink = new LaterSink();
        sink.failure = new RecordPublisher.PublishException("Kafka did not store a record: boom", null);
        assertThatThrownBy(() -> new FileIngestor(sink, "", CLOCK).ingest(PAGES, f -> { }))
                .isSameAs(sink.failure);
    }
}
