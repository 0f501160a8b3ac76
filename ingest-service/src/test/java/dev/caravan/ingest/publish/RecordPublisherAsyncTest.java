package dev.caravan.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.ingest.files.FileIngestor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class RecordPublisherAsyncTest {

    private static final Serializer<Object> NO_BYTES = (topic, value) -> new byte[0];

    private static FileIngestor.Parsed page() throws Exception {
        Path file = Path.of("../samples/steppe-herald-2024-12-02.txt");
        return new FileIngestor((a, t) -> { }, "", Clock.systemUTC())
                .parse(file.toString(), Files.readString(file), "steppe", null, Instant.now());
    }

    @Test
    void theFutureCompletesOnlyWhenEveryRecordIsAcknowledged() throws Exception {
        MockProducer<String, Object> producer = new MockProducer<>(false, null, new StringSerializer(), NO_BYTES);
        FileIngestor.Parsed page = page();
        int records = page.articles().size() + page.ticks().size();
        try (RecordPublisher publisher = new RecordPublisher(producer)) {
            CompletableFuture<Void> ack = publisher.publishAsync(page.articles(), page.ticks());
            assertThat(producer.history()).hasSize(records);
            for (int i = 0; i < records - 1; i++) {
                producer.completeNext();
            }
            assertThat(ack).isNotDone();
            producer.completeNext();
            assertThat(ack).isCompleted();
        }
    }

    @Test
    void oneRecordNotStoredFailsTheFuture() throws Exception {
        MockProducer<String, Object> producer = new MockProducer<>(false, null, new StringSerializer(), NO_BYTES);
        FileIngestor.Parsed page = page();
        try (RecordPublisher publisher = new RecordPublisher(producer)) {
            CompletableFuture<Void> ack = publisher.publishAsync(page.articles(), page.ticks());
            producer.completeNext();
            producer.errorNext(new RuntimeException("not leader"));
            assertThatThrownBy(ack::join).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(RecordPublisher.PublishException.class);
        }
    }
}
