package dev.caravan.index.bulk;

import dev.caravan.index.document.IndexAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a batch with the bulk API and settles every item: accepted, kept-newer (version
 * conflict: OpenSearch already holds a newer or fuller revision), retried (429, 5xx, an index
 * closed for a moment, or OpenSearch unreachable) or rejected for good (other 4xx). Returns only when each is settled.
 */
public final class BulkIndexer {

    /**
     * An index closed while a new template version adds its analysers (IndexTemplates) answers 400
     * index_closed_exception for a moment: retried, not dead-lettered.
     */
    static boolean closedForAMoment(BulkResponseItem item) {
        return item.error() != null && "index_closed_exception".equals(item.error().type());
    }

    private static final Logger LOG = LoggerFactory.getLogger(BulkIndexer.class);

    private final OpenSearchClient client;
    private final Backoff backoff;
    private final MonthMoves moves;

    public BulkIndexer(OpenSearchClient client, Backoff backoff) {
        this.client = client;
        this.backoff = backoff;
        this.moves = new MonthMoves(client, dev.caravan.index.document.ArticleDocuments.ARTICLES_ALIAS,
                dev.caravan.index.document.ArticleDocuments.ARTICLES_ALIAS + "-");
    }

    /** @throws ShutdownException when {@code running} turns false while items still wait for a retry */
    public BulkOutcome index(List<IndexAction> actions, BooleanSupplier running) {
        MonthMoves.Plan plan = null;
        int attempt = 0;
        while (plan == null) {
            try {
                plan = moves.plan(actions);
            } catch (Exception e) {
                if (attempt > 0) {
                    pause(attempt - 1, running);
                }
                attempt++;
                LOG.warn("Cannot look up earlier copies of {} documents ({}); retry {} after backoff", actions.size(),
                        e.getMessage(), attempt);
            }
        }
        BulkOutcome outcome = write(plan.write(), running);
        java.util.Set<IndexAction> refused = new java.util.HashSet<>();
        outcome.rejected().forEach(r -> refused.add(r.action()));
        moves.written(plan.write().stream().filter(a -> !refused.contains(a)).toList());
        moves.deleteReplaced(plan.deleteAfter());
        return new BulkOutcome(outcome.indexed(), outcome.keptNewer() + plan.keptNewer(), outcome.rejected(),
                outcome.retries() + attempt);
    }

    private BulkOutcome write(List<IndexAction> actions, BooleanSupplier running) {
        List<IndexAction> pending = actions;
        List<BulkOutcome.Rejected> rejected = new ArrayList<>();
        int indexed = 0;
        int keptNewer = 0;
        int attempt = 0;
        while (!pending.isEmpty()) {
            if (attempt > 0) {
                pause(attempt - 1, running);
            }
            BulkResponse response;
            try {
                response = client.bulk(request(pending));
            } catch (Exception e) {
                attempt++;
                LOG.warn("OpenSearch bulk of {} documents failed ({}); retry {} after backoff",
                        pending.size(), e.getMessage(), attempt);
                continue;
            }
            List<IndexAction> retry = new ArrayList<>();
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                BulkResponseItem item = items.get(i);
                int status = item.status();
                if (item.error() == null && status < 300) {
                    indexed++;
                } else if (status == 409) {
                    keptNewer++;
                } else if (status == 429 || status >= 500 || closedForAMoment(item)) {
                    retry.add(pending.get(i));
                } else {
                    String reason = item.error() == null ? "HTTP " + status
                            : item.error().type() + ": " + item.error().reason();
                    rejected.add(new BulkOutcome.Rejected(pending.get(i), status, reason));
                }
            }
            if (!retry.isEmpty()) {
                attempt++;
                LOG.warn("{} of {} bulk items must be retried (429/5xx/index closed); retry {}", retry.size(), pending.size(), attempt);
            }
            pending = retry;
        }
        return new BulkOutcome(indexed, keptNewer, List.copyOf(rejected), attempt);
    }

    private static BulkRequest request(List<IndexAction> actions) {
        BulkRequest.Builder builder = new BulkRequest.Builder();
        for (IndexAction action : actions) {
            builder.operations(op -> op.index(index -> {
                index.index(action.index()).id(action.id()).document(action.document());
                if (action.version() != null) {
                    index.version(action.version()).versionType(VersionType.ExternalGte);
                }
                return index;
            }));
        }
        return builder.build();
    }

    private void pause(int attempt, BooleanSupplier running) {
        long until = System.currentTimeMillis() + backoff.delayMs(attempt);
        while (System.currentTimeMillis() < until) {
            if (!running.getAsBoolean()) {
                throw new ShutdownException();
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ShutdownException();
            }
        }
    }

    /** Shutdown was requested while a batch was unsettled: its offsets must not be committed. */
    public static final class ShutdownException extends RuntimeException {
        public ShutdownException() {
            super("shutdown requested before the batch was settled", null, false, false);
        }
    }
}
