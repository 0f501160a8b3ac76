package dev.caravan.index.bulk;

import dev.caravan.index.document.IndexAction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.VersionType;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An article lives in the index of its month, so a revision whose date moved to another month
 * would leave its old copy behind (two documents with one id; the article page showed the old one).
 * Before a bulk, the copies of its articles in other months are looked up in one search; a revision
 * older than such a copy is not written, and after the bulk the copies it replaced are deleted
 * (with its version, so a newer copy written meanwhile survives).
 */
final class MonthMoves {

    private static final Logger LOG = LoggerFactory.getLogger(MonthMoves.class);

    /** What to write, what was kept because a newer copy lives in another month, and what to delete after. */
    record Plan(List<IndexAction> write, int keptNewer, List<IndexAction> deleteAfter) {
    }

    private static final int RECENT = 100_000;

    /** Where this indexer wrote an article last, and with which version. */
    private record Copy(String index, long version) {
    }

    private final OpenSearchClient client;
    private final String alias;
    private final String indexPrefix;
    /** A search sees a document only after the next refresh (about a second): what was written since is known here. */
    private final Map<String, Copy> recent = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Copy> eldest) {
            return size() > RECENT;
        }
    };

    MonthMoves(OpenSearchClient client, String alias, String indexPrefix) {
        this.client = client;
        this.alias = alias;
        this.indexPrefix = indexPrefix;
    }

    Plan plan(List<IndexAction> actions) throws IOException {
        List<String> ids = actions.stream().filter(this::isArticle).map(IndexAction::id).distinct().toList();
        if (ids.isEmpty()) {
            return new Plan(actions, 0, List.of());
        }
        SearchResponse<Void> found = client.search(s -> s.index(alias).ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.ids(i -> i.values(ids))).size(ids.size() * 4).source(src -> src.fetch(false)).version(true),
                Void.class);
        Map<String, List<Copy>> copies = new HashMap<>();
        for (Hit<Void> hit : found.hits().hits()) {
            copies.computeIfAbsent(hit.id(), k -> new ArrayList<>())
                    .add(new Copy(hit.index(), hit.version() == null ? Long.MIN_VALUE : hit.version()));
        }
        for (String id : ids) {
            Copy known = recent.get(id);
            if (known != null && copies.getOrDefault(id, List.of()).stream().noneMatch(c -> c.index().equals(known.index()))) {
                copies.computeIfAbsent(id, k -> new ArrayList<>()).add(known);
            }
        }
        List<IndexAction> write = new ArrayList<>(actions.size());
        List<IndexAction> deleteAfter = new ArrayList<>();
        int keptNewer = 0;
        // two revisions of one article in one batch: only the newest is written (they may be months apart)
        Map<String, IndexAction> newest = new HashMap<>();
        for (IndexAction action : actions) {
            if (isArticle(action)) {
                newest.merge(action.id(), action, (a, b) -> b.version() >= a.version() ? b : a);
            }
        }
        for (IndexAction action : actions) {
            if (isArticle(action) && newest.get(action.id()) != action) {
                keptNewer++;
                continue;
            }
            List<Copy> elsewhere = copies.getOrDefault(action.id(), List.of()).stream()
                    .filter(h -> !h.index().equals(action.index())).toList();
            if (!isArticle(action) || elsewhere.isEmpty()) {
                write.add(action);
                continue;
            }
            boolean newerElsewhere = elsewhere.stream().anyMatch(h -> h.version() > action.version());
            if (newerElsewhere) {
                keptNewer++;
                continue;
            }
            write.add(action);
            elsewhere.forEach(h -> deleteAfter.add(new IndexAction(h.index(), action.id(), null, action.version(),
                    action.topic(), action.partition(), action.offset(), action.key(), action.value())));
        }
        return new Plan(write, keptNewer, deleteAfter);
    }

    /** Remembers where these articles now are (those OpenSearch accepted). */
    void written(List<IndexAction> actions) {
        for (IndexAction action : actions) {
            if (isArticle(action)) {
                recent.put(action.id(), new Copy(action.index(), action.version()));
            }
        }
    }

    /** Deletes the replaced copies; one that fails stays (logged): the newer copy is written already. */
    void deleteReplaced(List<IndexAction> copies) {
        if (copies.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexAction copy : copies) {
            bulk.operations(op -> op.delete(d -> d.index(copy.index()).id(copy.id()).version(copy.version())
                    .versionType(VersionType.ExternalGte)));
        }
        try {
            var response = client.bulk(bulk.build());
            long failed = response.items().stream().filter(i -> i.error() != null).count();
            LOG.info("Moved {} article(s) to the index of their new month{}", copies.size() - failed,
                    failed == 0 ? "" : "; " + failed + " old copies could not be deleted");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not delete {} old copies of articles that moved month: {}", copies.size(), e.getMessage());
        }
    }

    private boolean isArticle(IndexAction action) {
        return action.version() != null && action.index().startsWith(indexPrefix);
    }
}
