package dev.caravan.ingest.publish;

import dev.caravan.schema.RawArticle;
import java.nio.charset.StandardCharsets;

/**
 * How large an article is, as Kafka will see it (its text fields in UTF-8, which is most of the Avro
 * record). An article over the producer's 1 MiB request limit once made the API answer 503 for
 * every client: it is refused up front instead, naming {@code ingest.max.article.bytes}.
 */
public final class ArticleSize {

    /** Under Kafka's 1 MiB, with room for the entities and money the enrich stage adds. */
    public static final int DEFAULT_MAX_BYTES = 900_000;

    private ArticleSize() {
    }

    public static long bytes(RawArticle article) {
        long bytes = utf8(article.getTitle()) + utf8(article.getBody()) + utf8(article.getSource());
        return article.getUrl() == null ? bytes : bytes + utf8(article.getUrl());
    }

    /** @return null when it fits, else the reason, naming the key */
    public static String tooLarge(RawArticle article, int maxBytes) {
        long bytes = bytes(article);
        return bytes <= maxBytes ? null
                : "article '" + abbreviate(article.getTitle()) + "' is " + bytes + " bytes, over ingest.max.article.bytes (" + maxBytes + ")";
    }

    private static long utf8(CharSequence text) {
        return text == null ? 0 : text.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String abbreviate(String title) {
        return title.length() <= 60 ? title : title.substring(0, 57) + "...";
    }
}
