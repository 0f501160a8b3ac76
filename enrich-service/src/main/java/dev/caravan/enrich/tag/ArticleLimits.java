package dev.caravan.enrich.tag;

import dev.caravan.schema.Entity;
import dev.caravan.schema.MoneyFact;
import dev.caravan.schema.MoneyMention;
import java.util.ArrayList;
import java.util.List;

/**
 * What one article may produce. A body that repeats one word 68,000 times once made an enriched
 * record over Kafka's 1 MB limit and stopped the stage; each bound here keeps one hostile article
 * from doing that, and every cut is named in the record's {@code limitsApplied}.
 *
 * @param maxBodyChars         characters of the body that are tagged (the body itself is kept whole)
 * @param maxEntities          entities kept per article (the most-mentioned first)
 * @param maxMentionsPerEntity mentions kept per entity (the first ones)
 * @param maxMoney             money mentions kept per article (the first ones)
 */
public record ArticleLimits(int maxBodyChars, int maxEntities, int maxMentionsPerEntity, int maxMoney) {

    public static final ArticleLimits DEFAULTS = new ArticleLimits(200_000, 500, 100, 200);

    public ArticleLimits {
        if (maxBodyChars < 1 || maxEntities < 1 || maxMentionsPerEntity < 1 || maxMoney < 1) {
            throw new IllegalArgumentException("article limits must be at least 1: " + maxBodyChars + ", "
                    + maxEntities + ", " + maxMentionsPerEntity + ", " + maxMoney);
        }
    }

    /** The part of the body the recognisers read. */
    String taggedBody(String body, List<String> applied) {
        if (body.length() <= maxBodyChars) {
            return body;
        }
        applied.add("body tagged up to " + maxBodyChars + " of " + body.length() + " characters");
        int end = maxBodyChars;
        if (Character.isHighSurrogate(body.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return body.substring(0, end);
    }

    List<Entity> bound(List<Entity> entities, List<String> applied) {
        List<Entity> kept = entities;
        if (entities.size() > maxEntities) {
            applied.add("entities capped at " + maxEntities + " of " + entities.size());
            kept = entities.stream()
                    .sorted((a, b) -> Integer.compare(b.getMentions().size(), a.getMentions().size()))
                    .limit(maxEntities).toList();
            List<Entity> inOrder = new ArrayList<>(entities);
            inOrder.retainAll(kept);
            kept = inOrder;
        }
        for (Entity entity : kept) {
            int mentions = entity.getMentions().size();
            if (mentions > maxMentionsPerEntity) {
                applied.add("mentions of " + entity.getType() + " " + entity.getName() + " capped at "
                        + maxMentionsPerEntity + " of " + mentions);
                entity.setMentions(new ArrayList<>(entity.getMentions().subList(0, maxMentionsPerEntity)));
            }
        }
        return kept;
    }

    List<MoneyFact> boundMoneyFacts(List<MoneyFact> facts, List<String> applied) {
        if (facts.size() <= maxMoney) {
            return facts;
        }
        applied.add("money facts capped at " + maxMoney + " of " + facts.size());
        return new ArrayList<>(facts.subList(0, maxMoney));
    }

    List<MoneyMention> boundMoney(List<MoneyMention> money, List<String> applied) {
        if (money.size() <= maxMoney) {
            return money;
        }
        applied.add("money mentions capped at " + maxMoney + " of " + money.size());
        return new ArrayList<>(money.subList(0, maxMoney));
    }
}
