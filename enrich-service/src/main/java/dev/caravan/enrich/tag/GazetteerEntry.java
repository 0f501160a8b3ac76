package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.List;

/** One known entity: its canonical name, the other ways it is written, and for places where it lies. */
public record GazetteerEntry(EntityType type, String name, List<String> aliases, String country, String region) {

    /** Every surface form, the canonical name first. */
    public List<String> surfaceForms() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream())
                .filter(s -> !s.isBlank()).distinct().toList();
    }
}
