package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;

/** A name found by a context rule rather than the gazetteer, with how sure the rule is. */
record RuleMatch(EntityType type, String name, int start, int end, double confidence) {
}
