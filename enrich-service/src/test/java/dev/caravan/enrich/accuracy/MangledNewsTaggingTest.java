package dev.caravan.enrich.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.enrich.tag.EntityTagger;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.Entity;
import dev.caravan.schema.Mention;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Real news mangled as feeds and scrapers mangle it (cut mid-word, upper-cased, lines joined, words dropped,
 * sentences spliced across articles): the tagger and the money extractor still answer for every text, and every
 * mention the tagger reports is exactly the text at its offsets. A rule that reads past the hit it extends would throw here first, as one
 * did while a regional department's name was joined to an overlapping place.
 */
class MangledNewsTaggingTest {

    private static final EntityTagger TAGGER = new EntityTagger(Gazetteer.bundled());
    private static final dev.caravan.enrich.money.MoneyExtractor MONEY = new dev.caravan.enrich.money.MoneyExtractor(Gazetteer.bundled());

    @Test
    void everyMangledArticleIsTaggedAndItsMentionsSitAtTheirOffsets() {
        List<RealNewsCorpus.Article> articles = RealNewsCorpus.load().stream().filter(a -> a.file().startsWith("dev-")).toList();
        Random random = new Random(20261201);
        for (int round = 0; round < 3; round++) {
            for (RealNewsCorpus.Article article : articles) {
                String body = mangle(article.body(), articles.get(random.nextInt(articles.size())).body(), random);
                String title = random.nextInt(4) == 0 ? article.title().toUpperCase(Locale.ROOT) : article.title();
                List<Entity> entities = TAGGER.tag(title, body);
                for (dev.caravan.enrich.money.MoneyAmount amount : MONEY.extract(body, dev.caravan.schema.TextField.BODY)) {
                    assertThat(amount.start()).as("money in %s", article.id()).isBetween(0, amount.end());
                    assertThat(amount.end()).as("money in %s", article.id()).isLessThanOrEqualTo(body.length());
                }
                for (Entity entity : entities) {
                    for (Mention mention : entity.getMentions()) {
                        String text = mention.getField() == dev.caravan.schema.TextField.TITLE ? title : body;
                        assertThat(text.substring(mention.getStart(), mention.getEnd()))
                                .as("%s in %s", entity.getName(), article.id()).isEqualTo(mention.getText());
                    }
                }
            }
        }
    }

    private static String mangle(String body, String other, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> body.substring(0, random.nextInt(body.length() + 1)); // cut anywhere
            case 1 -> body.toUpperCase(Locale.ROOT);
            case 2 -> body.replace('\n', ' ');
            case 3 -> String.join(" ", java.util.Arrays.stream(body.split(" ")).filter(w -> random.nextInt(5) > 0).toList());
            case 4 -> body.substring(0, random.nextInt(body.length() + 1)) + other.substring(random.nextInt(other.length() + 1));
            default -> body.replace(" ", "  ").replace(",", " ,").replace("(", "( ");
        };
    }
}
