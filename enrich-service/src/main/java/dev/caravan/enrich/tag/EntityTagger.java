package dev.caravan.enrich.tag;

import dev.caravan.schema.Entity;
import dev.caravan.schema.Mention;
import dev.caravan.schema.TextField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds gazetteer entities in an article with one Aho-Corasick pass per text. Every alias maps
 * to its entry, so "Kassym-Jomart Tokayev" and "Tokayev" become one entity with two mentions;
 * overlapping matches keep the longest ("Pavlodar region" over "Pavlodar").
 */
public final class EntityTagger {

    private final PayloadTrie<GazetteerEntry> trie;

    public EntityTagger(Gazetteer gazetteer) {
        Map<String, GazetteerEntry> forms = new HashMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String form : entry.surfaceForms()) {
                forms.putIfAbsent(form, entry); // first line wins: editors order ambiguous forms
            }
        }
        PayloadTrie.PayloadTrieBuilder<GazetteerEntry> builder = PayloadTrie.<GazetteerEntry>builder()
                .onlyWholeWords()
                .ignoreOverlaps();
        forms.forEach(builder::addKeyword);
        this.trie = builder.build();
    }

    public List<Entity> tag(String title, String body) {
        Map<GazetteerEntry, List<Mention>> found = new LinkedHashMap<>();
        collect(title, TextField.TITLE, found);
        collect(body, TextField.BODY, found);
        List<Entity> entities = new ArrayList<>(found.size());
        found.forEach((entry, mentions) -> entities.add(Entity.newBuilder()
                .setType(entry.type())
                .setName(entry.name())
                .setMentions(mentions)
                .setCountry(entry.country())
                .setRegion(entry.region())
                .setConfidence(1.0)
                .build()));
        return entities;
    }

    private void collect(String text, TextField field, Map<GazetteerEntry, List<Mention>> found) {
        for (PayloadEmit<GazetteerEntry> emit : trie.parseText(text)) {
            found.computeIfAbsent(emit.getPayload(), e -> new ArrayList<>()).add(Mention.newBuilder()
                    .setText(emit.getKeyword())
                    .setField(field)
                    .setStart(emit.getStart())
                    .setEnd(emit.getEnd() + 1)
                    .build());
        }
    }
}
