package dev.caravan.enrich.topology;

import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.Entity;
import dev.caravan.schema.MoneyMention;
import dev.caravan.schema.Topics;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Tells whether an enriched record fits under the producer's limit before it is sent: a send that
 * fails under exactly-once aborts the transaction, the record is read again and the stream dies on
 * it every time. Serialising twice costs as much as the Avro pass, so only records whose rough size
 * is near the limit are measured exactly.
 */
final class RecordSizeGuard {

    private final Serializer<EnrichedArticle> serializer;
    private final int maxBytes;

    RecordSizeGuard(Serializer<EnrichedArticle> serializer, int maxBytes) {
        this.serializer = serializer;
        this.maxBytes = maxBytes;
    }

    /** @return null when the record fits, else why not */
    String tooLarge(EnrichedArticle article) {
        if (roughBytes(article) < maxBytes / 2) {
            return null;
        }
        int bytes = serializer.serialize(Topics.ENRICHED_ARTICLES, article).length;
        return bytes <= maxBytes ? null : "enriched record of " + bytes + " bytes is over enrich.max.record.bytes ("
                + maxBytes + "); body " + article.getBody().length() + " characters, " + article.getEntities().size()
                + " entities, " + article.getMoney().size() + " money mentions";
    }

    /** At most 3 bytes per UTF-16 unit of text, plus a generous bound per mention; never below the real size by much. */
    private static long roughBytes(EnrichedArticle article) {
        long bytes = 3L * (article.getTitle().length() + article.getBody().length()) + 512;
        for (Entity entity : article.getEntities()) {
            bytes += 3L * entity.getName().length() + 64;
            for (var mention : entity.getMentions()) {
                bytes += 3L * mention.getText().length() + 16;
            }
        }
        for (MoneyMention money : article.getMoney()) {
            bytes += 3L * money.getText().length() + 64;
        }
        return bytes;
    }
}
