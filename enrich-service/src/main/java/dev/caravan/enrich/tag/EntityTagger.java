package dev.caravan.enrich.tag;

import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Mention;
import dev.caravan.schema.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ahocorasick.trie.PayloadEmit;
import org.ahocorasick.trie.PayloadTrie;

/**
 * Finds the entities of an article. One Aho-Corasick pass per text matches the gazetteer: every
 * alias maps to its entry, so "Kassym-Jomart Tokayev" and "Tokayev" become one entity with two
 * mentions, and overlapping matches keep the longest ("Pavlodar region" over "Pavlodar"). The
 * {@link ContextRules} then find unknown names in the body (never in the headline, whose capitals
 * say nothing), with lower confidence; where they overlap a gazetteer match the gazetteer wins,
 * except that an organisation name may contain a place ("Bank of China"). Last, the short forms
 * the article introduced ({@link ArticleAliases}) are matched in the title and body.
 */
public final class EntityTagger {

    /** One mention of an entity in one text; confidence -1 means "the entity's own". */
    record Hit(GazetteerEntry entry, int start, int end, String text, double confidence) {
    }

    private final PayloadTrie<GazetteerEntry> trie;
    private final Map<String, GazetteerEntry> byName = new HashMap<>();
    private final ContextRules rules;

    public EntityTagger(Gazetteer gazetteer) {
        this(gazetteer, ContextRules.bundled());
    }

    EntityTagger(Gazetteer gazetteer, ContextRules rules) {
        Map<String, GazetteerEntry> forms = new HashMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String form : entry.surfaceForms()) {
                forms.putIfAbsent(form, entry); // first line wins: editors order ambiguous forms
            }
        }
        // Overlaps are removed by withoutOverlaps (the library's ignoreOverlaps builds an interval tree
        // per text: an eighth of the tagger's time in JFR, for a handful of overlapping matches).
        PayloadTrie.PayloadTrieBuilder<GazetteerEntry> builder = PayloadTrie.<GazetteerEntry>builder()
                .onlyWholeWords();
        forms.forEach(builder::addKeyword);
        this.trie = builder.build();
        forms.forEach((form, entry) -> byName.put(entry.type() + "\t" + form, entry));
        this.rules = rules;
    }

    public List<Entity> tag(String title, String body) {
        Map<GazetteerEntry, Double> confidence = new HashMap<>();
        ArticleAliases aliases = new ArticleAliases();

        TextTokens bodyTokens = new TextTokens(body);
        List<Hit> bodyHits = gazetteerHits(body);
        List<Hit> ruleHits = ruleHits(bodyTokens, bodyHits, confidence);
        bodyHits.addAll(ruleHits);
        bodyHits.sort(Comparator.comparingInt(Hit::start));
        for (Hit hit : bodyHits) {
            aliases.learn(hit.entry(), hit.text(), hit.end(), body, ruleHits.contains(hit));
        }
        List<Hit> titleHits = gazetteerHits(title);
        if (!aliases.isEmpty()) {
            addAliasHits(bodyTokens, bodyHits, aliases);
            addAliasHits(new TextTokens(title), titleHits, aliases);
        }

        Map<GazetteerEntry, List<Mention>> found = new LinkedHashMap<>();
        collect(titleHits, TextField.TITLE, found);
        collect(bodyHits, TextField.BODY, found);
        List<Entity> entities = new ArrayList<>(found.size());
        found.forEach((entry, mentions) -> entities.add(Entity.newBuilder()
                .setType(entry.type())
                .setName(entry.name())
                .setMentions(mentions)
                .setCountry(entry.country())
                .setRegion(entry.region())
                .setConfidence(confidence.getOrDefault(entry, 1.0))
                .build()));
        return entities;
    }

    private List<Hit> gazetteerHits(String text) {
        List<PayloadEmit<GazetteerEntry>> emits = withoutOverlaps(new ArrayList<>(trie.parseText(text)), text.length());
        List<Hit> hits = new ArrayList<>(emits.size() + 8);
        for (PayloadEmit<GazetteerEntry> emit : emits) {
            hits.add(new Hit(emit.getPayload(), emit.getStart(), emit.getEnd() + 1, emit.getKeyword(), 1.0));
        }
        return hits;
    }

    /**
     * What the library's {@code ignoreOverlaps()} keeps, in text order: longest match first (the
     * left-most of equally long ones), each kept unless it shares a character with one kept
     * before. {@code EntityTaggerTest} checks it against the library's own removal.
     */
    static <T> List<PayloadEmit<T>> withoutOverlaps(List<PayloadEmit<T>> emits, int textLength) {
        if (emits.size() < 2) {
            return emits;
        }
        boolean overlap = false;
        for (int i = 1; i < emits.size() && !overlap; i++) {
            overlap = emits.get(i).getStart() <= emits.get(i - 1).getEnd(); // emits come in end order
        }
        if (!overlap) {
            return emits;
        }
        emits.sort(BY_SIZE_THEN_START);
        boolean[] taken = new boolean[textLength];
        List<PayloadEmit<T>> kept = new ArrayList<>(emits.size());
        for (PayloadEmit<T> emit : emits) {
            boolean free = true;
            for (int c = emit.getStart(); c <= emit.getEnd() && free; c++) {
                free = !taken[c];
            }
            if (free) {
                java.util.Arrays.fill(taken, emit.getStart(), emit.getEnd() + 1, true);
                kept.add(emit);
            }
        }
        kept.sort(Comparator.comparingInt(PayloadEmit::getStart));
        return kept;
    }

    private static final Comparator<PayloadEmit<?>> BY_SIZE_THEN_START =
            Comparator.<PayloadEmit<?>>comparingInt(e -> -e.size()).thenComparingInt(PayloadEmit::getStart);

    /** Rule matches as hits; a known name found by a rule is the gazetteer's entity, places inside a match are dropped. */
    private List<Hit> ruleHits(TextTokens tokens, List<Hit> gazetteer, Map<GazetteerEntry, Double> confidence) {
        ContextRules.Cover[] cover = cover(tokens, gazetteer);
        List<Hit> hits = new ArrayList<>();
        for (RuleMatch match : rules.find(tokens, cover)) {
            gazetteer.removeIf(g -> g.entry().type() == EntityType.LOCATION && match.start() <= g.start()
                    && g.end() <= match.end());
            GazetteerEntry known = byName.get(match.type() + "\t" + match.name());
            GazetteerEntry entry = known != null ? known
                    : new GazetteerEntry(match.type(), match.name(), List.of(), null, null);
            if (known == null) {
                confidence.merge(entry, match.confidence(), Math::max);
            }
            hits.add(new Hit(entry, match.start(), match.end(), match.name(), match.confidence()));
        }
        return hits;
    }

    private static ContextRules.Cover[] cover(TextTokens tokens, List<Hit> hits) {
        ContextRules.Cover[] cover = new ContextRules.Cover[tokens.size()];
        java.util.Arrays.fill(cover, ContextRules.Cover.FREE);
        int h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TextTokens.Token token = tokens.get(i);
            while (h < hits.size() && hits.get(h).end() <= token.start()) {
                h++;
            }
            if (h < hits.size() && hits.get(h).start() < token.end()) {
                Hit hit = hits.get(h);
                if (hit.entry().type() != EntityType.LOCATION) {
                    cover[i] = ContextRules.Cover.TAKEN;
                } else if (hit.text().equals(hit.entry().name()) || hit.text().contains(" ")) {
                    cover[i] = ContextRules.Cover.PLACE_NAME;
                } else {
                    cover[i] = ContextRules.Cover.PLACE_ADJECTIVE; // "Kazakh", "Uzbek": describes, is not part of a name
                }
            }
        }
        return cover;
    }

    private static void addAliasHits(TextTokens tokens, List<Hit> hits, ArticleAliases aliases) {
        boolean[] covered = new boolean[tokens.size()];
        int h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            TextTokens.Token token = tokens.get(i);
            while (h < hits.size() && hits.get(h).end() <= token.start()) {
                h++;
            }
            covered[i] = h < hits.size() && hits.get(h).start() < token.end();
        }
        aliases.find(tokens, covered, hits);
        hits.sort(Comparator.comparingInt(Hit::start));
    }

    private static void collect(List<Hit> hits, TextField field, Map<GazetteerEntry, List<Mention>> found) {
        for (Hit hit : hits) {
            found.computeIfAbsent(hit.entry(), e -> new ArrayList<>()).add(Mention.newBuilder()
                    .setText(hit.text())
                    .setField(field)
                    .setStart(hit.start())
                    .setEnd(hit.end())
                    .build());
        }
    }
}
