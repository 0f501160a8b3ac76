package dev.caravan.ingest.publish;

import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where parsed records go: Kafka, or standard output for a dry run. */
public interface RecordSink {

    /** Returns once every record is stored; throws when one could not be. */
    void publish(List<RawArticle> articles, List<FxTick> ticks);

    /**
     * Hands the records over and returns without waiting for them to be stored: the future
     * completes when every record is stored, or exceptionally when one could not be. A sink that
     * cannot do better publishes at once ({@link #publish}) and returns a completed future.
     */
    default CompletableFuture<Void> publishAsync(List<RawArticle> articles, List<FxTick> ticks) {
        publish(articles, ticks);
        return CompletableFuture.completedFuture(null);
    }

    /** Sends what is buffered now rather than after a linger (the caller has nothing more to send). */
    default void flush() {
    }
}
