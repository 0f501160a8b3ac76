package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Companies named with their country, as deal lists and forum reports write them: "Sayar (USA), Sam Yapi
 * (Turkey), Lasselsberger (Austria)", "Egypt's Nil Shugar will grow sugar beet". No list holds such names;
 * the country beside them says what they are. A name with a given name first is a person, not a company.
 */
final class CompanyLists {

    /** One to four capitalised words right before " (": the name of "Name (Country)". */
    private static final Pattern NAME_BEFORE_BRACKET = Pattern.compile("(?<!\\p{Lu}[\\p{L}\\d&.'-]{0,20} |[\\p{L}\\d&.'-])(?:\\p{Lu}[\\p{L}\\d&.'-]*)"
            + "(?: (?:\\p{Lu}[\\p{L}\\d&.'-]*|&|and|of)){0,5} $");
    /** The name is one of a list: a comma or "and" before it or after its bracket. */
    private static final Pattern LIST_BEFORE = Pattern.compile("(?:,|\\band|:|\\bincluding|\\bsuch as) $");
    private static final Pattern LIST_AFTER = Pattern.compile("^\\)(?:,| and\\b|;)");
    /** "Egypt's Nil Shugar will": one to three capitalised words after a country's possessive, then a lower-case word. */
    private static final Pattern NAME_AFTER_POSSESSIVE = Pattern.compile("^['\u2019]s ((?:\\p{Lu}[\\p{L}\\d&-]*)(?: \\p{Lu}[\\p{L}\\d&-]*){0,2})"
            + "(?= (?:will|plans|intends|signed|agreed|won|built|builds|opened|invested|invests|supplies|supplied|produces|owns|"
            + "bought|acquired)\\b)");
    private static final Set<String> NOT_COMPANY_WORDS = Set.of("President", "Prime", "Minister", "Ministry", "Foreign", "Deputy",
            "Government", "Parliament", "Senate", "Embassy", "Ambassador", "Central", "National", "State", "Supreme", "Chairman",
            "Head", "Leader", "Mayor", "Governor", "Cabinet", "The", "A", "An", "In", "On", "At", "And", "But", "Its", "His", "Her",
            "First", "Second", "Third", "Former", "New", "North", "South", "East", "West", "Capital", "People", "Republic");

    /** A name of one to four capitalised words; a full stop only inside a word ("Co.Ltd"), never between two sentences. */
    private static final String WORD = "\\p{Lu}(?:[\\p{L}\\d&'\u2019-]|\\.(?=\\p{L}))*";
    private static final String ITEM = WORD + "(?: " + WORD + "){0,3}";
    private static final String LIST = ITEM + "(?:, " + ITEM + "){1,15},? and " + ITEM;
    /** "companies Chiyoda, Nippon, ITOCHU, JGC and Sumitomo", "banks such as Orienbank, Eskhata and Amonatbonk". */
    private static final Pattern LIST_AFTER_CUE = Pattern.compile("\\b(?:companies|firms|banks|operators|investors|brands|"
            + "carriers|manufacturers|partners|contractors)(?: such as| including| like)?:? (" + LIST + ")\\b");
    /** "Sistem-Suntek Sera, Metas, Erenoglu Muhendislik and other Turkish companies". */
    private static final Pattern LIST_BEFORE_CUE = Pattern.compile("(" + ITEM + "(?:, " + ITEM + "){0,15}) and other (?:\\p{L}+ ){0,2}"
            + "(?:companies|firms|banks)\\b");
    private static final Pattern LIST_ITEM = Pattern.compile(ITEM);

    private CompanyLists() {
    }

    /** The companies of a list a company word introduces or closes, where no other hit is. */
    static List<EntityTagger.Hit> listed(List<EntityTagger.Hit> hits, String text, Set<String> firstNames) {
        if (text.indexOf("compan") < 0 && text.indexOf("firms") < 0 && text.indexOf("banks") < 0 && text.indexOf("operators") < 0
                && text.indexOf("investors") < 0 && text.indexOf("brands") < 0 && text.indexOf("carriers") < 0
                && text.indexOf("manufacturers") < 0 && text.indexOf("partners") < 0 && text.indexOf("contractors") < 0) {
            return hits;
        }
        List<EntityTagger.Hit> found = null;
        for (Pattern cue : List.of(LIST_AFTER_CUE, LIST_BEFORE_CUE)) {
            Matcher list = cue.matcher(text);
            // a list closed by "and other ... companies" is searched only before each "and other": its regex opens with
            // any capitalised word and was a tenth of the enricher's time over whole texts (JFR)
            int other = cue == LIST_BEFORE_CUE ? text.indexOf(" and other ") : 0;
            if (other < 0) {
                continue;
            }
            if (cue == LIST_BEFORE_CUE) {
                list.region(Math.max(0, other - 400), Math.min(text.length(), other + 60));
            }
            list.useTransparentBounds(true);
            int[] cueAt = {-1};
            while (cue == LIST_BEFORE_CUE ? findBefore(list, text) : findAfterCue(list, text, cueAt)) {
                Matcher item = LIST_ITEM.matcher(text).region(list.start(1), list.end(1));
                while (item.find()) {
                    int start = item.start();
                    int end = item.end();
                    String name = item.group();
                    if (name.equals("The") || !companyLike(name, firstNames) || ContextRules.surname(lastWord(name))
                            || hits.stream().anyMatch(h -> h.start() < end && start < h.end())
                            || found != null && found.stream().anyMatch(h -> h.start() < end && start < h.end())) {
                        continue;
                    }
                    found = add(found, name, start);
                }
            }
        }
        return EntityTagger.withAdded(hits, found);
    }

    private static final List<String> CUE_WORDS = List.of("companies", "firms", "banks", "operators", "investors", "brands",
            "carriers", "manufacturers", "partners", "contractors");

    /** The next list after a company word, tried only where one of the words stands ({@code cueAt[0]}: the last one tried). */
    private static boolean findAfterCue(Matcher list, String text, int[] cueAt) {
        while (true) {
            int next = Occurrences.first(text, CUE_WORDS, cueAt[0] + 1);
            if (next < 0) {
                return false;
            }
            cueAt[0] = next;
            list.region(next, Math.min(text.length(), next + 700));
            if (list.lookingAt()) {
                return true;
            }
        }
    }

    /** The next "... and other companies" list, moving the search window to the next "and other" once one is used up. */
    private static boolean findBefore(Matcher list, String text) {
        while (true) {
            if (list.find()) {
                return true;
            }
            int next = text.indexOf(" and other ", list.regionEnd() - 59);
            if (next < 0 || list.regionEnd() >= text.length()) {
                return false;
            }
            list.region(Math.max(list.regionEnd() - 60, next - 400), Math.min(text.length(), next + 60));
        }
    }

    /** The hits with the companies found next to their countries added, in start order. */
    static List<EntityTagger.Hit> find(List<EntityTagger.Hit> hits, String text, Set<String> firstNames) {
        List<EntityTagger.Hit> found = null;
        for (int i = 0; i < hits.size(); i++) {
            EntityTagger.Hit country = hits.get(i);
            if (country.entry().type() != EntityType.LOCATION || !country.entry().name().equals(country.entry().country())) {
                continue;
            }
            int before = country.start();
            if (before >= 2 && text.charAt(before - 1) == '(' && text.startsWith(")", country.end())) {
                Matcher name = NAME_BEFORE_BRACKET.matcher(text).region(Math.max(0, before - 60), before - 1);
                int previousEnd = i > 0 ? hits.get(i - 1).end() : 0;
                if (name.find() && name.start() >= previousEnd && companyLike(name.group().strip(), firstNames)
                        && !ContextRules.surname(lastWord(name.group().strip())) && !allCapitals(name.group().strip())
                        && (LIST_BEFORE.matcher(text.substring(Math.max(0, name.start() - 12), name.start())).find()
                        || LIST_AFTER.matcher(text.substring(country.end(), Math.min(text.length(), country.end() + 5))).lookingAt())) {
                    found = add(found, name.group().strip(), name.start());
                }
            }
            Matcher owned = NAME_AFTER_POSSESSIVE.matcher(text).region(country.end(), Math.min(text.length(), country.end() + 60));
            if (owned.lookingAt() && (i + 1 == hits.size() || hits.get(i + 1).start() >= owned.end(1))
                    && companyLike(owned.group(1), firstNames) && !allCapitals(owned.group(1))) {
                found = add(found, owned.group(1), owned.start(1));
            }
        }
        return EntityTagger.withAdded(hits, found);
    }

    private static String lastWord(String name) {
        return name.substring(name.lastIndexOf(' ') + 1);
    }

    /** "GDP (Kazakhstan)": an abbreviation in brackets' company is too often no company. */
    private static boolean allCapitals(String name) {
        return name.indexOf(' ') < 0 && name.equals(name.toUpperCase(java.util.Locale.ROOT));
    }

    private static boolean companyLike(String name, Set<String> firstNames) {
        String[] words = name.split(" ");
        if (firstNames.contains(words[0]) || Demonyms.isDemonymWord(words[0]) || words[words.length - 1].equals("of")
                || words[words.length - 1].equals("and")) {
            return false;
        }
        for (String word : words) {
            if (NOT_COMPANY_WORDS.contains(word) || ContextRules.notAName(word) && !word.equals("&")) {
                return false;
            }
        }
        return true;
    }

    private static List<EntityTagger.Hit> add(List<EntityTagger.Hit> found, String name, int start) {
        List<EntityTagger.Hit> out = found == null ? new ArrayList<>() : found;
        out.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.ORGANIZATION, name, List.of(), null, null), start,
                start + name.length(), name, ContextRules.HEAD_CONFIDENCE));
        return out;
    }
}
