package dev.caravan.enrich.accuracy;

import dev.caravan.schema.EntityType;
import java.util.List;
import java.util.Set;

/** One corpus article and what a careful reader finds in it; held-out articles were never tuned on. */
record GoldArticle(String id, String title, String body, Set<Label> entities, List<Amount> money, boolean heldOut) {

    /** An entity as scored: its type and canonical name. */
    record Label(EntityType type, String name) {
    }

    /** A money mention as scored: its amount and ISO 4217 code. */
    record Amount(double amount, String currency) {

        boolean matches(Amount other) {
            return currency.equals(other.currency)
                    && Math.abs(amount - other.amount) <= 0.001 * Math.max(Math.abs(amount), 1e-9);
        }
    }
}
