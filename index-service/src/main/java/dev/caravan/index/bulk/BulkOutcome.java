package dev.caravan.index.bulk;

import dev.caravan.index.document.IndexAction;
import java.util.List;

/** What became of a batch: every action is counted exactly once in one of these. */
public record BulkOutcome(int indexed, int keptNewer, List<Rejected> rejected, int retries) {

    /** OpenSearch refused the document for good (mapping error and the like): it goes to the DLQ. */
    public record Rejected(IndexAction action, int status, String reason) {
    }
}
