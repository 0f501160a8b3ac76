package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the longest name as written: a place followed by an administrative head ("Jalal-Abad region",
 * "Kara-Suu district", "Fergana Region") is that region, not the bare city; in "the Andijan, Fergana and
 * Namangan regions" each place is its region. The region keeps the city's country and world region.
 */
final class PlaceHeads {

    private static final Pattern HEAD = Pattern.compile("^[ \u00a0]+(region|Region|oblast|Oblast|district|District|province|"
            + "Province|viloyat|Viloyat|velayat|Velayat|rayon|Rayon)\\b");
    /** Named sites kept as written, with their head: "Kumtor gold mine", "Tengiz oilfield", "Sharyn river", "Shaga village". */
    private static final Pattern FEATURE_HEAD = Pattern.compile("^[ \u00a0]+((?:gold |copper |uranium |coal )?mine|(?:oil |gas |"
            + "oil and gas |gas condensate )?field|oilfield|gasfield|deposit|river|River|lake|(?:water )?reservoir|Reservoir|"
            + "village|Village|township|Township|rural district|rural settlement|micro-district|microdistrict|street|Street|avenue|Avenue|bazaar|"
            + "Bazaar|mahalla|Mahalla|jamoat|Jamoat|neighborhood|neighbourhood|"
            + "square|Square|valley|Valley|gorge|Gorge|glacier|Glacier|canal|Canal|pass|Pass|national park|National Park|"
            + "nature reserve|peninsula|Peninsula|desert|Desert|mountains|Mountains)\\b");
    private static final Pattern SETTLEMENT_HEAD = Pattern.compile("village|Village|township|Township|rural settlement|mahalla|Mahalla|jamoat|Jamoat|"
            + "(?:(?:oil |gas |oil and gas |gas condensate )?field|oilfield|gasfield|deposit|(?:gold |copper |uranium |coal )?mine)|"
            + "rural district|micro-district|microdistrict");
    private static final Pattern EPONYM_HEAD = Pattern.compile("^[ \u00a0]+(street|Street|avenue|Avenue|square|Square|district|"
            + "District|prospect|Prospect|boulevard|Boulevard|Street|microdistrict)\\b");
    private static final Pattern PLURAL_HEAD = Pattern.compile("^[ \u00a0]+(regions|Regions|oblasts|districts|Districts|provinces)\\b");
    /** What may separate the places of a list before a plural head. */
    private static final Pattern LIST_GAP = Pattern.compile("^(?:,\\s*|\\s+and\\s+|,\\s*and\\s+)$");
    private static final Set<String> NOT_REGIONS = Set.of("Central Asia", "Asia", "Europe", "Caspian Sea", "Asia-Pacific", "Eurasia", "Middle East",
            "South Asia", "South Caucasus", "Caucasus", "Africa", "Latin America");

    private PlaceHeads() {
    }

    private static final Pattern HYPHEN_TAIL = Pattern.compile("^-\\p{Lu}\\p{Ll}+(?![\\p{L}-])");

    /**
     * "Kosh-Dobo", "Kara-Myk": a known place written with a capitalised tail after a hyphen is another,
     * unknown place of that country; "Almaty-Tashkent" (a known place after the hyphen) stays two places.
     */
    static List<EntityTagger.Hit> hyphenatedNames(List<EntityTagger.Hit> hits, String text) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            // a short first part, as the Turkic compounds have ("Kosh-", "Kara-", "Zhaiyk-"): a longer known place
            // before a hyphen names a route or a pair ("Balkhash-Burulbaital", "Karaganda-Karkaralinsk")
            if (hit.entry().type() != EntityType.LOCATION || hit.start() > 0 && text.charAt(hit.start() - 1) == '-'
                    || hit.text().length() > 6 || hit.entry().name().equals(hit.entry().country())) {
                continue;
            }
            Matcher tail = HYPHEN_TAIL.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 30)));
            if (!tail.lookingAt() || nextIsTaken(out, i, hit.end() + tail.end())) {
                continue;
            }
            int end = hit.end() + tail.end();
            String written = text.substring(hit.start(), end);
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            out.set(i, new EntityTagger.Hit(new GazetteerEntry(EntityType.LOCATION, written, List.of(), hit.entry().country(),
                    hit.entry().region()), hit.start(), end, written, ContextRules.HEAD_CONFIDENCE));
        }
        return out;
    }

    private static final String LISTED_NAME = "\\p{Lu}[\\p{L}'\u2019-]+(?:[ -]\\p{Lu}[\\p{L}'\u2019-]+){0,2}";
    /** "Urgut, Samarkand, Bulungur and Ishtykhan districts", "the Zaamin, Bakhmal and Farish districts of Jizzakh". */
    private static final Pattern LISTED_UNITS = Pattern.compile("((?:" + LISTED_NAME + "(?:, | and |, and )){1,14}" + LISTED_NAME
            + ") (districts|regions|provinces|oblasts|velayats|Districts|Regions|Provinces|bazaars)\\b");
    /** "in the districts of Jaloliddin Balkhi, Vakhsh and Temurmalik": the head before its list. */
    private static final Pattern UNITS_OF_LIST = Pattern.compile("\\b(districts|regions|provinces) of ((?:" + LISTED_NAME
            + "(?:, | and |, and )){1,14}" + LISTED_NAME + ")");
    private static final Pattern LIST_ITEM = Pattern.compile(LISTED_NAME);

    /**
     * The names of a list before a plural head that no gazetteer line holds are places of that kind:
     * "Urgut, Bulungur, Nurabad and Payaryk districts" are four districts. Known names are left to {@link #extend}.
     */
    static List<EntityTagger.Hit> listedUnits(List<EntityTagger.Hit> hits, String text) {
        if (text.indexOf("districts") < 0 && text.indexOf("regions") < 0 && text.indexOf("provinces") < 0 && text.indexOf("provinces") < 0
                && text.indexOf("velayats") < 0 && text.indexOf("oblasts") < 0 && text.indexOf("Districts") < 0
                && text.indexOf("Regions") < 0 && text.indexOf("Provinces") < 0 && text.indexOf("bazaars") < 0) {
            return hits;
        }
        List<EntityTagger.Hit> found = new ArrayList<>();
        for (Matcher headFirst = UNITS_OF_LIST.matcher(text); headFirst.find(); ) {
            addItems(text, hits, found, headFirst.start(2), headFirst.end(2), headFirst.group(1));
        }
        Matcher list = LISTED_UNITS.matcher(text);
        while (list.find()) {
            String plural = list.group(2);
            String head = plural.substring(0, 1).toUpperCase(Locale.ROOT) + plural.substring(1, plural.length() - 1).toLowerCase(Locale.ROOT);
            head = head.equals("Oblast") || head.equals("Velayat") ? "Region" : head;
            Matcher item = LIST_ITEM.matcher(text).region(list.start(1), list.end(1));
            while (item.find()) {
                int start = item.start();
                int end = item.end();
                if (item.group().equals("The") || ContextRules.notAName(item.group())
                        || hits.stream().anyMatch(h -> h.start() < end && start < h.end())) {
                    continue;
                }
                found.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.LOCATION, item.group() + " " + head, List.of(), null, null),
                        start, end, item.group(), ContextRules.HEAD_CONFIDENCE));
            }
        }
        return EntityTagger.withAdded(hits, found);
    }

    private static void addItems(String text, List<EntityTagger.Hit> hits, List<EntityTagger.Hit> found, int from, int to,
                                 String plural) {
        String head = plural.substring(0, 1).toUpperCase(Locale.ROOT) + plural.substring(1, plural.length() - 1);
        Matcher item = LIST_ITEM.matcher(text).region(from, to);
        while (item.find()) {
            int start = item.start();
            int end = item.end();
            if (ContextRules.notAName(item.group()) || hits.stream().anyMatch(h -> h.start() < end && start < h.end())) {
                continue;
            }
            found.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.LOCATION, item.group() + " " + head, List.of(), null, null),
                    start, end, item.group(), ContextRules.HEAD_CONFIDENCE));
        }
    }

    /** "17 regions: Abai, Akmola, ...", "districts including Farkhor and Panj": a plural head before its list. */
    private static final Pattern HEAD_BEFORE_LIST = Pattern.compile("\\b(regions|districts|provinces|oblasts)(?::| including)\\s+$");

    private static final Pattern UNTAGGED_ITEMS = Pattern.compile("(?:\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?, )+");

    static List<EntityTagger.Hit> extend(List<EntityTagger.Hit> hits, String text) {
        List<EntityTagger.Hit> out = new ArrayList<>(hits);
        listsAfterHeads(out, text);
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            if (hit.entry().type() == EntityType.PERSON) {
                Matcher eponym = EPONYM_HEAD.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 16)));
                if (eponym.lookingAt() && !nextIsTaken(out, i, hit.end() + eponym.end())) {
                    // "Lenin district", "Usta Shirin street": a place named after a person is a place
                    int end = hit.end() + eponym.end();
                    String written = text.substring(hit.start(), end);
                    out.set(i, new EntityTagger.Hit(new GazetteerEntry(EntityType.LOCATION, written, List.of(), null, null),
                            hit.start(), end, written, ContextRules.HEAD_CONFIDENCE));
                }
                continue;
            }
            boolean region = hit.entry().type() == EntityType.LOCATION && hasHead(hit.entry().name());
            if (!isPlace(hit) && !region) {
                continue;
            }
            String after = text.substring(hit.end(), Math.min(text.length(), hit.end() + 16));
            if (region) {
                // "the Almaty and Akmola Regions": a region the gazetteer names by its bare name still heads a list
                Matcher plural = PLURAL_HEAD.matcher(after);
                if (plural.lookingAt()) {
                    String head = plural.group(1).substring(0, plural.group(1).length() - 1);
                    out.set(i, withHead(hit, text, hit.end() + plural.end(), head));
                    headList(out, i, text, head);
                }
                continue;
            }
            Matcher single = HEAD.matcher(after);
            if (single.lookingAt()) {
                out.set(i, withHead(hit, text, hit.end() + single.end(), single.group(1)));
                continue;
            }
            Matcher feature = FEATURE_HEAD.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 32)));
            if (feature.lookingAt() && !nextIsTaken(out, i, hit.end() + feature.end())) {
                int end = hit.end() + feature.end();
                String written = text.substring(hit.start(), end);
                GazetteerEntry place = hit.entry();
                // "Zerenda village", "Nadirmat mahalla": a settlement is named by its name, its head stays in the mention
                String name = SETTLEMENT_HEAD.matcher(feature.group(1)).matches() ? place.name() : written;
                out.set(i, new EntityTagger.Hit(new GazetteerEntry(EntityType.LOCATION, name, List.of(), place.country(),
                        place.region()), hit.start(), end, written, hit.confidence()));
                continue;
            }
            int republic = hit.start() - "Republic of ".length();
            if (republic >= 0 && text.startsWith("Republic of ", republic) && !hit.text().startsWith("Republic")
                    && (republic == 0 || !Character.isLetter(text.charAt(republic - 1)))
                    && (i == 0 || out.get(i - 1).end() <= republic)) {
                String written = text.substring(republic, hit.end());
                out.set(i, new EntityTagger.Hit(hit.entry(), republic, hit.end(), written, hit.confidence()));
                continue;
            }
            Matcher plural = PLURAL_HEAD.matcher(after);
            if (plural.lookingAt()) {
                String head = plural.group(1).substring(0, plural.group(1).length() - 1);
                out.set(i, withHead(hit, text, hit.end() + plural.end(), head));
                headList(out, i, text, head);
            }
        }
        return out;
    }

    /** The places a plural head introduces are each of that kind: "regions: Abai, Akmola and Aktobe". */
    private static void listsAfterHeads(List<EntityTagger.Hit> out, String text) {
        if (text.indexOf(": ") < 0 && !text.contains("including")) {
            return; // no list can follow a head: the pass costs nothing on most articles
        }
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit first = out.get(i);
            if (first.entry().type() == EntityType.ORGANIZATION || first.start() < 10) {
                continue;
            }
            int listStart = first.start();
            if (text.charAt(listStart - 2) != ':' && !text.startsWith("including", listStart - 10)) {
                int from = Math.max(0, listStart - 40);
                int colon = text.substring(from, listStart).lastIndexOf(": "); // only near the item, not the whole text back
                if (colon < 0 || !UNTAGGED_ITEMS.matcher(text.substring(from + colon + 2, listStart)).matches()) {
                    continue;
                }
                colon += from;
                listStart = colon + 2; // "regions: Abai, Akmola, ...": an item no line tagged opens the list
            }
            Matcher head = HEAD_BEFORE_LIST.matcher(text.substring(Math.max(0, listStart - 24), listStart));
            if (!head.find()) {
                continue;
            }
            String unit = head.group(1).substring(0, head.group(1).length() - 1);
            int k = i;
            while (k < out.size() && (listable(out.get(k)) || out.get(k).entry().type() == EntityType.PERSON)
                    && (k == i || out.get(k - 1).end() <= out.get(k).start()
                    && LIST_GAP.matcher(text.substring(out.get(k - 1).end(), out.get(k).start())).matches())) {
                if (listable(out.get(k)) && isPlace(out.get(k))) {
                    out.set(k, withHead(out.get(k), text, out.get(k).end(), unit));
                }
                k++;
            }
            i = Math.max(i, k - 1);
        }
    }

    /** A place or region that may stand in a list of units; no country is a region of one. */
    private static boolean listable(EntityTagger.Hit hit) {
        return hit.entry().type() == EntityType.LOCATION && !hit.entry().name().equals(hit.entry().country())
                && (isPlace(hit) || hasHead(hit.entry().name()));
    }

    /** The places listed before a plural head: "Andijan, Fergana and Namangan regions" are three regions. */
    private static void headList(List<EntityTagger.Hit> out, int i, String text, String head) {
        for (int k = i - 1; k >= 0; k--) {
            EntityTagger.Hit previous = out.get(k);
            EntityTagger.Hit next = out.get(k + 1);
            boolean region = previous.entry().type() == EntityType.LOCATION && hasHead(previous.entry().name());
            if (!isPlace(previous) && !region || previous.end() > next.start()
                    || !LIST_GAP.matcher(text.substring(previous.end(), next.start())).matches()) {
                break;
            }
            if (!region) {
                out.set(k, withHead(previous, text, previous.end(), head));
            }
        }
    }

    /** Whether the hit after {@code i} starts before {@code end}: a longer name would swallow it. */
    static boolean nextIsTaken(List<EntityTagger.Hit> hits, int i, int end) {
        return i + 1 < hits.size() && hits.get(i + 1).start() < end;
    }

    private static boolean isPlace(EntityTagger.Hit hit) {
        return hit.entry().type() == EntityType.LOCATION && !NOT_REGIONS.contains(hit.entry().name())
                && !Demonyms.isDemonym(hit) // "Russian regions" are no region named Russia
                && !hasHead(hit.entry().name());
    }

    private static boolean hasHead(String name) {
        return name.endsWith(" Region") || name.endsWith(" District") || name.endsWith(" Oblast") || name.endsWith(" Province");
    }

    /** The region of the hit's place; {@code end} past the head (or the hit's own end inside a list). */
    private static EntityTagger.Hit withHead(EntityTagger.Hit hit, String text, int end, String head) {
        String canonicalHead = head.substring(0, 1).toUpperCase(Locale.ROOT) + head.substring(1).toLowerCase(Locale.ROOT);
        if (canonicalHead.equals("Oblast") || canonicalHead.equals("Viloyat") || canonicalHead.equals("Velayat")) {
            canonicalHead = "Region";
        }
        GazetteerEntry place = hit.entry();
        if (hasHead(place.name()) || place.aliases().contains(place.name() + " region")
                || place.aliases().contains(place.name() + " Region")) {
            // "Akmola" regions; "Sughd province": a place the gazetteer knows as a region is that region under any head
            return new EntityTagger.Hit(place, hit.start(), end, text.substring(hit.start(), end), hit.confidence());
        }
        String base = hit.text().equals(place.name()) || place.country() == null ? hit.text() : place.name();
        GazetteerEntry region = new GazetteerEntry(EntityType.LOCATION, base + " " + canonicalHead, List.of(),
                place.country() != null ? place.country() : null, place.region());
        return new EntityTagger.Hit(region, hit.start(), end, text.substring(hit.start(), end), hit.confidence());
    }
}
