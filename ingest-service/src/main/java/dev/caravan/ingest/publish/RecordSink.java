package dev.caravan.ingest.publish;

import dev.caravan.schema.FxTick;
import dev.caravan.schema.RawArticle;
import java.util.List;

/** Where parsed records go: Kafka, or standard output for a dry run. */
public interface RecordSink {

    /** Returns once every record is stored; throws when one could not be. */
    void publish(List<RawArticle> articles, List<FxTick> ticks);
}
