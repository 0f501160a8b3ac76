package dev.caravan.enrich.tag;

import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Mention;
import dev.caravan.schema.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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
    private final Transliterations transliterations;
    private final CapitalForms capitals;

    /**
     * The least margin (best label's score over the next allowed one) at which a name only the model
     * found is kept, per type; set by cross-validation on the development set (NameModelMarginsTest),
     * a type without a margin is never taken from the model alone. Empty: on the held-out sources of
     * the development set, every margin from 0 to 160 lowered F1 or left it unchanged (the model, from
     * 26,000 tokens, adds as many false names as true ones), so the model is not used yet.
     */
    public static final Map<EntityType, Double> MODEL_MIN_MARGINS = Map.of();
    /**
     * A name only a context rule found is dropped when the model calls every one of its tokens
     * "no name" by at least this margin; null: the model never overrules a rule.
     */
    public static final Double MODEL_VETO_MARGIN = null;
    static final double MODEL_CONFIDENCE = 0.55;

    private final NameModel model;
    private final Map<EntityType, Double> minMargins;
    private final Double vetoMargin;

    public EntityTagger(Gazetteer gazetteer) {
        // off until cross-validation shows it helps (see MODEL_MIN_MARGINS): then not even loaded
        this(gazetteer, ContextRules.bundled(), MODEL_MIN_MARGINS.isEmpty() && MODEL_VETO_MARGIN == null ? null
                : NameModel.shared(), MODEL_MIN_MARGINS, MODEL_VETO_MARGIN);
    }

    /** With a given model and margins (cross-validation); a null model: gazetteer and rules alone. */
    public EntityTagger(Gazetteer gazetteer, NameModel model, Map<EntityType, Double> minMargins, Double vetoMargin) {
        this(gazetteer, ContextRules.bundled(), model, minMargins, vetoMargin);
    }

    EntityTagger(Gazetteer gazetteer, ContextRules rules, NameModel model) {
        this(gazetteer, rules, model, MODEL_MIN_MARGINS, MODEL_VETO_MARGIN);
    }

    private EntityTagger(Gazetteer gazetteer, ContextRules rules, NameModel model, Map<EntityType, Double> minMargins,
                         Double vetoMargin) {
        this.model = model;
        this.minMargins = minMargins;
        this.vetoMargin = vetoMargin;
        Map<String, GazetteerEntry> forms = new HashMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            for (String form : entry.surfaceForms()) {
                forms.putIfAbsent(form, entry); // first line wins: editors order ambiguous forms
            }
        }
        for (GazetteerEntry entry : gazetteer.entries()) {
            if (entry.type() != EntityType.LOCATION) {
                continue;
            }
            for (String form : entry.surfaceForms()) {
                if (HYPHENATED_NAME.matcher(form).matches()) {
                    forms.putIfAbsent(form.replace('-', ' '), entry); // "Cholpon Ata", "Issyk Kul": written without the hyphen
                }
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
        this.transliterations = new Transliterations(gazetteer.entries());
        this.capitals = new CapitalForms(forms);
    }

    public List<Entity> tag(String title, String body) {
        Map<GazetteerEntry, Double> confidence = new HashMap<>();
        ArticleAliases aliases = new ArticleAliases();

        TextTokens bodyTokens = new TextTokens(body);
        List<Hit> bodyHits = PersonNames.givenNamesTakenForPlaces(
                PlaceHeads.hyphenatedNames(otherCaseOrgs(body, capitals.add(body, gazetteerHits(body))), body), body, rules.firstNames());
        List<Hit> datelines = Datelines.find(body, this::known);
        datelines.addAll(PatternNames.find(body, this::known));
        datelines.addAll(LegalFormNames.find(body, this::known));
        if (!datelines.isEmpty()) {
            bodyHits.removeIf(h -> datelines.stream().anyMatch(d -> d.start() < h.end() && h.start() < d.end()));
            bodyHits.addAll(datelines);
            bodyHits.sort(BY_START);
            rememberConfidence(datelines, confidence);
        }
        bodyHits = CompanyLists.find(PlaceHeads.listedUnits(bodyHits, body), body, rules.firstNames());
        bodyHits = CompanyLists.listed(bodyHits, body, rules.firstNames());
        boolean useModel = model != null && (!minMargins.isEmpty() || vetoMargin != null);
        String[] gazetteerCover = useModel ? NameFeatures.gazetteerCover(bodyTokens, bodyHits) : null;
        List<Hit> ruleHits = PersonNames.tidy(ruleHits(bodyTokens, bodyHits), title, body, rules.firstNames());
        if (useModel) {
            double[] margins = new double[bodyTokens.size()];
            int[] labels = model.label(bodyTokens, gazetteerCover, rules.firstNames(), margins);
            if (vetoMargin != null) {
                ruleHits.removeIf(h -> h.confidence() < 1.0 && h.entry().country() == null
                        && modelSaysNoName(bodyTokens, h, labels, margins));
            }
            if (!minMargins.isEmpty()) {
                ruleHits.addAll(modelHits(bodyTokens, NameModel.spans(bodyTokens, labels, margins), bodyHits, ruleHits));
            }
        }
        rememberConfidence(ruleHits, confidence); // the entries the person and model passes made, too
        bodyHits = mergeByStart(bodyHits, ruleHits, aliases, body);
        List<Hit> titleHits = otherCaseOrgs(title, capitals.add(title, gazetteerHits(title)));
        if (!aliases.isEmpty()) {
            addAliasHits(bodyTokens, bodyHits, aliases);
            addAliasHits(new TextTokens(title), titleHits, aliases);
        }
        bodyHits = PlaceHeads.extend(bodyHits, body);
        titleHits = PlaceHeads.extend(titleHits, title);
        bodyHits = PersonNames.otherBearers(bodyHits, title, body, body);
        titleHits = PersonNames.otherBearers(titleHits, title, body, title);
        bodyHits = PersonNames.wholeKnownNames(bodyHits, body);
        bodyHits = PersonNames.patronymicNames(PersonNames.chineseNames(bodyHits, body), body);
        bodyHits = PersonNames.surnamesInCapitals(bodyHits, body, rules.firstNames(), this::known);
        String country = OrgNames.mainCountry(titleHits, bodyHits, body);
        bodyHits = OrgNames.tidy(bodyHits, body, country, this::known);
        titleHits = OrgNames.tidy(titleHits, title, country, this::known);
        bodyHits = OrgNames.bracketedAbbreviations(OrgNames.shortNames(OrgNames.legalDescriptors(OrgNames.withoutGovernments(
                OrgNames.spelledOutAbbreviations(bodyHits, body, this::known), body), body, this::known)), body);
        bodyHits = OrgNames.countrySubsidiaries(OrgNames.underBodies(OrgNames.bareCompanyNames(bodyHits, this::known), body,
                this::known), body, this::known);
        titleHits = OrgNames.legalDescriptors(OrgNames.withoutGovernments(titleHits, title), title, this::known);

        titleHits = knownSpellings(titleHits);
        bodyHits = knownSpellings(bodyHits);
        Map<GazetteerEntry, List<Mention>> found = new LinkedHashMap<>();
        Map<String, GazetteerEntry> named = new HashMap<>();
        collect(titleHits, TextField.TITLE, found, named);
        collect(bodyHits, TextField.BODY, found, named);
        OrgNames.joinLegalForms(found);
        List<Entity> entities = new ArrayList<>(found.size());
        found.forEach((entry, mentions) -> entities.add(new Entity(entry.type(), entry.name(), mentions,
                entry.country(), entry.region(), confidence.isEmpty() ? 1.0 : confidence.getOrDefault(entry, 1.0))));
        return entities;
    }

    /**
     * The gazetteer hits (in start order) and the rule hits in start order, gazetteer first on equal
     * starts: what a stable sort of both lists one after the other gives. Teaches {@code aliases} each
     * hit in that order (a rule hit never equals a gazetteer hit: its confidence is below 1).
     */
    private static List<Hit> mergeByStart(List<Hit> gazetteer, List<Hit> rules, ArticleAliases aliases, String body) {
        if (rules.size() > 1) {
            rules.sort(BY_START);
        }
        List<Hit> merged = new ArrayList<>(gazetteer.size() + rules.size() + 8);
        int g = 0;
        int r = 0;
        while (g < gazetteer.size() || r < rules.size()) {
            boolean fromRule = g == gazetteer.size()
                    || r < rules.size() && rules.get(r).start() < gazetteer.get(g).start();
            Hit hit = fromRule ? rules.get(r++) : gazetteer.get(g++);
            merged.add(hit);
            aliases.learn(hit.entry(), hit.text(), hit.end(), body, fromRule);
        }
        return merged;
    }

    /**
     * A name the rules found, written as another spelling of a gazetteer entry, is that entry: the same type,
     * or a "person" the gazetteer knows as a place or organisation ("Kyrgyz Temir Zholu").
     */
    private List<Hit> knownSpellings(List<Hit> hits) {
        List<Hit> out = null;
        for (int i = 0; i < hits.size(); i++) {
            Hit hit = hits.get(i);
            if (hit.entry().type() == EntityType.CURRENCY || known(hit.entry().type(), hit.entry().name()) == hit.entry()) {
                continue;
            }
            GazetteerEntry person = transliterations.known(hit.entry().name());
            if (person == null && hit.entry().type() == EntityType.PERSON) {
                person = transliterations.misspelledPerson(hit.entry().name());
            }
            if (person == null && hit.confidence() < 1.0 && hit.text().indexOf(' ') < 0) {
                // "Akipress", "KazMunayGaz": a known company in other capitals or one letter off
                GazetteerEntry org = transliterations.orgInOtherCase(hit.text());
                org = org != null ? org : transliterations.misspelledOrg(hit.text());
                if (org != null) {
                    if (out == null) {
                        out = new ArrayList<>(hits);
                    }
                    out.set(i, new Hit(org, hit.start(), hit.end(), hit.text(), 1.0));
                    continue;
                }
            }
            if (person != null && (person.type() == hit.entry().type() || hit.entry().type() == EntityType.PERSON)) {
                if (out == null) {
                    out = new ArrayList<>(hits);
                }
                out.set(i, new Hit(person, hit.start(), hit.end(), hit.text(), 1.0));
            }
        }
        return out == null ? hits : out;
    }

    /**
     * "in an interview with Akipress", "KABAR reports": a one-word organisation the gazetteer writes in other capitals.
     * Words are found by hand, a capital after no letter, digit, '.' or '-', then five letters or digits at least.
     */
    private List<Hit> otherCaseOrgs(String text, List<Hit> hits) {
        List<Hit> found = null;
        int h = 0;
        int n = text.length();
        for (int start = 0; start < n; start++) {
            char c = text.charAt(start);
            if (!Character.isUpperCase(c) || start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1))
                    || text.charAt(start - 1) == '.' || text.charAt(start - 1) == '-')) {
                continue;
            }
            int end = start + 1;
            while (end < n && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (end - start < 5 || end < n && text.charAt(end) == '-') {
                start = end;
                continue;
            }
            while (h < hits.size() && hits.get(h).end() <= start) {
                h++;
            }
            if (h < hits.size() && hits.get(h).start() < end) {
                start = end;
                continue; // already a name
            }
            String word = text.substring(start, end);
            GazetteerEntry org = transliterations.orgInOtherCase(word);
            if (org != null && known(EntityType.ORGANIZATION, word) == null) {
                found = found == null ? new ArrayList<>() : found;
                found.add(new Hit(org, start, end, word, 1.0));
            }
            start = end;
        }
        return withAdded(hits, found);
    }

    /** {@code hits} with {@code found} added, in start order; {@code hits} itself when nothing was found. */
    static List<Hit> withAdded(List<Hit> hits, List<Hit> found) {
        if (found == null || found.isEmpty()) {
            return hits;
        }
        List<Hit> out = new ArrayList<>(hits.size() + found.size());
        out.addAll(hits);
        out.addAll(found);
        out.sort(BY_START);
        return out;
    }

    private static final Pattern HYPHENATED_NAME = Pattern.compile("\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)+");

    private static final Comparator<Hit> BY_START = Comparator.comparingInt(Hit::start);

    /** The gazetteer's entry of a type and surface form, or null. */
    private GazetteerEntry known(EntityType type, String form) {
        return byName.get(type + "\t" + form);
    }

    /**
     * An article-local entity (one no gazetteer line holds) keeps the confidence of the component that
     * found it; a gazetteer entity stays at 1.0 however it was found.
     */
    private void rememberConfidence(List<Hit> hits, Map<GazetteerEntry, Double> confidence) {
        for (Hit hit : hits) {
            if (hit.confidence() < 1.0 && known(hit.entry().type(), hit.entry().name()) != hit.entry()) {
                confidence.merge(hit.entry(), hit.confidence(), Math::max);
            }
        }
    }

    List<Hit> gazetteerHits(String text) {
        List<Hit> hits = exactHits(text);
        String folded = folded(text);
        if (folded == null) {
            return hits;
        }
        // "Türkmengaz", "Türkmennebit": written with the letters the gazetteer spells plainly (one for one, same offsets)
        List<Hit> extra = null;
        for (Hit hit : exactHits(folded)) {
            if (!text.regionMatches(hit.start(), hit.text(), 0, hit.text().length())
                    && hits.stream().noneMatch(h -> h.start() < hit.end() && hit.start() < h.end())) {
                if (extra == null) {
                    extra = new ArrayList<>();
                }
                extra.add(new Hit(hit.entry(), hit.start(), hit.end(), text.substring(hit.start(), hit.end()), hit.confidence()));
            }
        }
        if (extra == null) {
            return hits;
        }
        hits.addAll(extra);
        hits.sort(BY_START);
        return hits;
    }

    /** The text with each accented Latin letter as its plain letter, or null when it has none. */
    static String folded(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u00c0' && c <= '\u024f') {
                char plain = c == '\u0131' ? 'i' : java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD).charAt(0);
                if (plain < 128 && Character.isLetter(plain)) {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[i] = plain;
                }
            }
        }
        return chars == null ? null : new String(chars);
    }

    private List<Hit> exactHits(String text) {
        Collection<PayloadEmit<GazetteerEntry>> parsed = trie.parseText(text);
        List<PayloadEmit<GazetteerEntry>> emits = withoutOverlaps(
                parsed instanceof List<PayloadEmit<GazetteerEntry>> list ? list : new ArrayList<>(parsed), text.length());
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
        int n = emits.size();
        if (n < 2) {
            return emits;
        }
        boolean overlap = false;
        boolean endOrder = true;
        for (int i = 1; i < n; i++) {
            PayloadEmit<T> previous = emits.get(i - 1);
            PayloadEmit<T> emit = emits.get(i);
            overlap |= emit.getStart() <= previous.getEnd(); // emits come in end order
            endOrder &= emit.getEnd() >= previous.getEnd();
        }
        if (!overlap) {
            return emits;
        }
        if (!endOrder) {
            return longestFirst(new ArrayList<>(emits), textLength);
        }
        // In end order the emits that overlap one another, directly or through others, sit next to each
        // other: only those groups need the longest-first choice (sorting all emits was most of the removal).
        boolean[] groupStart = new boolean[n];
        int minStart = Integer.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            PayloadEmit<T> emit = emits.get(i);
            if (emit.getEnd() < minStart) {
                if (i + 1 < n) {
                    groupStart[i + 1] = true;
                }
                minStart = emit.getStart();
            } else {
                minStart = Math.min(minStart, emit.getStart());
            }
        }
        List<PayloadEmit<T>> kept = new ArrayList<>(n);
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && !groupStart[j]) {
                j++;
            }
            if (j - i == 1) {
                kept.add(emits.get(i));
            } else {
                kept.addAll(longestFirst(new ArrayList<>(emits.subList(i, j)), -1));
            }
            i = j;
        }
        return kept;
    }

    /** The longest-first choice over {@code emits} (sorted in place), result in start order; textLength -1: unknown. */
    private static <T> List<PayloadEmit<T>> longestFirst(List<PayloadEmit<T>> emits, int textLength) {
        emits.sort(BY_SIZE_THEN_START);
        if (textLength < 0) {
            List<PayloadEmit<T>> kept = new ArrayList<>(emits.size());
            for (PayloadEmit<T> emit : emits) {
                boolean free = true;
                for (int k = 0; k < kept.size() && free; k++) {
                    PayloadEmit<T> other = kept.get(k);
                    free = other.getEnd() < emit.getStart() || emit.getEnd() < other.getStart();
                }
                if (free) {
                    kept.add(emit);
                }
            }
            kept.sort(Comparator.comparingInt(PayloadEmit::getStart));
            return kept;
        }
        boolean[] taken = new boolean[textLength];
        List<PayloadEmit<T>> kept = new ArrayList<>(emits.size());
        for (PayloadEmit<T> emit : emits) {
            boolean free = true;
            for (int c = emit.getStart(); c <= emit.getEnd() && free; c++) {
                free = !taken[c];
            }
            if (free) {
                Arrays.fill(taken, emit.getStart(), emit.getEnd() + 1, true);
                kept.add(emit);
            }
        }
        kept.sort(Comparator.comparingInt(PayloadEmit::getStart));
        return kept;
    }

    private static final Comparator<PayloadEmit<?>> BY_SIZE_THEN_START =
            Comparator.<PayloadEmit<?>>comparingInt(e -> -e.size()).thenComparingInt(PayloadEmit::getStart);

    /** Rule matches as hits; a known name found by a rule is the gazetteer's entity, places inside a match are dropped. */
    private List<Hit> ruleHits(TextTokens tokens, List<Hit> gazetteer) {
        ContextRules.Cover[] cover = cover(tokens, gazetteer);
        List<Hit> hits = new ArrayList<>();
        for (RuleMatch match : rules.find(tokens, cover)) {
            if (match.type() == EntityType.ORGANIZATION && gazetteer.stream().anyMatch(g -> g.entry().type() == EntityType.LOCATION
                    && g.start() == match.start() && g.end() == match.end())) {
                continue; // "Russian Federation" ends like an organisation but is the place the gazetteer knows
            }
            GazetteerEntry known = known(match.type(), match.name());
            GazetteerEntry entry = known != null ? known
                    : new GazetteerEntry(match.type(), match.name(), List.of(), null, null);
            hits.add(new Hit(entry, match.start(), match.end(), match.name(), match.confidence()));
        }
        if (!hits.isEmpty()) {
            // the rules read only the cover, so the places inside their matches can go in one pass
            gazetteer.removeIf(g -> g.entry().type() == EntityType.LOCATION && insideAny(g, hits));
        }
        return hits;
    }

    /** Whether the model labels every token of a rule's name "no name" by at least the veto margin. */
    private boolean modelSaysNoName(TextTokens tokens, Hit hit, int[] labels, double[] margins) {
        boolean any = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.start(i) >= hit.start() && tokens.end(i) <= hit.end()) {
                if (labels[i] != 0 || margins[i] < vetoMargin) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** The model's names that no gazetteer entry or rule covers, as article-local entities. */
    private List<Hit> modelHits(TextTokens tokens, List<NameModel.Span> spans, List<Hit> gazetteer, List<Hit> ruleHits) {
        List<Hit> hits = new ArrayList<>();
        for (NameModel.Span span : spans) {
            Double least = minMargins.get(span.type());
            if (least == null || span.margin() < least) {
                continue;
            }
            int start = tokens.start(span.firstToken());
            int end = tokens.end(span.lastToken());
            if (overlapsAny(start, end, gazetteer) || overlapsAny(start, end, ruleHits)) {
                continue;
            }
            String text = tokens.text().substring(start, end);
            GazetteerEntry known = known(span.type(), text);
            hits.add(new Hit(known != null ? known : new GazetteerEntry(span.type(), text, List.of(), null, null),
                    start, end, text, known != null ? 1.0 : MODEL_CONFIDENCE));
        }
        return hits;
    }

    private static boolean overlapsAny(int start, int end, List<Hit> hits) {
        for (Hit hit : hits) {
            if (hit.start() < end && start < hit.end()) {
                return true;
            }
        }
        return false;
    }

    private static boolean insideAny(Hit g, List<Hit> matches) {
        for (Hit match : matches) {
            if (match.start() <= g.start() && g.end() <= match.end()) {
                return true;
            }
        }
        return false;
    }

    private static ContextRules.Cover[] cover(TextTokens tokens, List<Hit> hits) {
        ContextRules.Cover[] cover = new ContextRules.Cover[tokens.size()];
        Arrays.fill(cover, ContextRules.Cover.FREE);
        int h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int tokenStart = tokens.start(i);
            while (h < hits.size() && hits.get(h).end() <= tokenStart) {
                h++;
            }
            if (h < hits.size() && hits.get(h).start() < tokens.end(i)) {
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
            int tokenStart = tokens.start(i);
            while (h < hits.size() && hits.get(h).end() <= tokenStart) {
                h++;
            }
            covered[i] = h < hits.size() && hits.get(h).start() < tokens.end(i);
        }
        int before = hits.size();
        aliases.find(tokens, covered, hits);
        if (hits.size() > before) {
            hits.sort(BY_START);
        }
    }

    private static final Pattern MONTH_ABBREVIATION =
            Pattern.compile("(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?");

    /**
     * The entry already collected under the same type and name ("Sauran District" made by the rule for
     * "the Sauran and Baidibek districts" and the gazetteer's line): one entity, the gazetteer's if either is.
     */
    private static GazetteerEntry sameNamed(Map<GazetteerEntry, List<Mention>> found, Map<String, GazetteerEntry> named,
                                            GazetteerEntry entry) {
        if (found.containsKey(entry)) {
            return entry;
        }
        String key = entry.type() + "\t" + entry.name();
        GazetteerEntry known = named.putIfAbsent(key, entry);
        if (known == null) {
            return entry;
        }
        if (known.country() == null && entry.country() != null) {
            found.put(entry, found.remove(known)); // the fuller entry names the entity
            named.put(key, entry);
            return entry;
        }
        return known;
    }

    /** @param named the entries collected so far by type and name, so that one name is one entity */
    private static void collect(List<Hit> hits, TextField field, Map<GazetteerEntry, List<Mention>> found,
                                Map<String, GazetteerEntry> named) {
        for (Hit hit : hits) {
            if (Demonyms.isDemonym(hit)) {
                continue; // "Kazakh farmers" names no place (docs/ANNOTATION.md); the word still guided the rules
            }
            if (MONTH_ABBREVIATION.matcher(hit.text()).matches()) {
                continue; // "Aug. 18" in a dateline is a date, whatever rule took it for a name
            }
            // the all-fields constructor: what the builder builds when every field is set, without its checks
            found.computeIfAbsent(sameNamed(found, named, hit.entry()), e -> new ArrayList<>())
                    .add(new Mention(hit.text(), field, hit.start(), hit.end()));
        }
    }
}
