package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tidies the people the rules found: a job title's last words are not part of the name ("Minister
 * of Culture and Sports Yermek Marzhikpayev" → Yermek Marzhikpayev), a run of job words alone is no
 * one ("Executive Officer"), and a surname the body uses alone takes the full name the headline gave.
 */
final class PersonNames {

    private static final Set<String> HONORIFICS = Set.of("H.E.", "HE", "Excellency", "Resident", "Representative", "Hon.", "Honorable");
    private static final Set<String> JOB_WORDS = Set.of("Sports", "Sport", "Irrigation", "Affairs", "Finance", "Finances",
            "Economy", "Energy", "Defence", "Defense", "Agriculture", "Education", "Health", "Healthcare", "Justice",
            "Culture", "Information", "Industry", "Trade", "Transport", "Construction", "Labour", "Labor", "Ecology",
            "Resources", "Development", "Relations", "Security", "Emergencies", "Situations", "Digital", "Water",
            "Investments", "Investment", "Tourism", "Science", "Innovation", "Innovations", "Communications",
            "Technologies", "Protection", "Population", "Social", "Internal", "Foreign", "Executive", "Officer", "Vice",
            "Acting", "Chairman", "Chairperson", "Chair", "Administrator", "Coordinator", "Treasurer", "Muftiy", "Besides", "International", "Route", "Corridor", "Principal", "Rector", "Professor", "Academician", "Coach", "Mufti",
            "Imam", "Akim", "Hokim", "Employment", "Roads", "Board", "Management", "Director", "Manager", "Head", "Secretary",
            "Commerce", "Integration", "Planning", "Reforms", "Environment", "Emergency", "Mining", "Geology",
            "Telecommunications", "Aerospace", "Media", "Youth", "Family", "Women", "Policy", "Mayor", "Governor",
            "Ambassador", "Envoy", "Representative", "Special", "Prime", "Deputy", "First", "Chief", "Senior", "General",
            "Consul", "Commissioner", "Spokesperson", "Adviser", "Advisor", "Assistant", "Aide", "Press");
    private static final Pattern GIVEN_NAME = Pattern.compile("(\\p{Lu}[\\p{Ll}'\u2019]+(?:-\\p{Lu}[\\p{Ll}]+)?)");

    private PersonNames() {
    }

    static List<EntityTagger.Hit> tidy(List<EntityTagger.Hit> hits, String title, String body, Set<String> firstNames) {
        List<EntityTagger.Hit> out = new ArrayList<>(hits.size());
        for (EntityTagger.Hit hit : hits) {
            if (hit.entry().type() != EntityType.PERSON || hit.confidence() >= 1.0 || hit.entry().country() != null) {
                out.add(hit);
                continue;
            }
            String text = hit.text();
            int start = hit.start();
            while (true) {
                int space = text.indexOf(' ');
                String first = space < 0 ? "" : text.substring(0, space);
                // a job word, a nationality or a sentence's verb before the name: "Georgian Sahil Alahverdov", "Citing Chen Huailong"
                // "Detained Timur Danebaev", "H.E. Waleed Al-Reshiadan": a participle or an honorific before two names
                boolean beforeTwoNames = text.indexOf(' ', space + 1) > 0;
                if (space < 0 || !JOB_WORDS.contains(first) && !Demonyms.isDemonymWord(first)
                        && !(first.endsWith("ing") && first.length() >= 5)
                        && !(beforeTwoNames && first.endsWith("ed") && first.length() >= 6 && !firstNames.contains(first))
                        && !(beforeTwoNames && HONORIFICS.contains(first))) {
                    break;
                }
                text = text.substring(space + 1);
                start += space + 1;
            }
            if (allJobWords(text)) {
                continue;
            }
            String name = text;
            if (text.indexOf(' ') < 0) {
                name = fullNameIn(title, text);
                if (name == null) {
                    name = fullNameIn(body, text);
                }
                if (name == null) {
                    name = text;
                }
            }
            GazetteerEntry entry = name.equals(hit.entry().name()) ? hit.entry()
                    : new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null);
            out.add(new EntityTagger.Hit(entry, start, hit.end(), text, hit.confidence()));
        }
        return out;
    }

    /**
     * A surname the gazetteer knows for one person ("Usmanov": Alisher Usmanov) names another when the
     * text writes that surname after another given name ("Abibek Usmanov"): the text wins.
     */
    /** @param own the text the hits were found in (the title or the body) */
    static List<EntityTagger.Hit> otherBearers(List<EntityTagger.Hit> hits, String title, String body, String own) {
        List<EntityTagger.Hit> out = new ArrayList<>(hits.size());
        for (EntityTagger.Hit hit : hits) {
            GazetteerEntry entry = hit.entry();
            if (entry.type() != EntityType.PERSON || hit.text().indexOf(' ') >= 0 || entry.name().indexOf(' ') < 0
                    || hit.text().equals(entry.name())) {
                out.add(hit);
                continue;
            }
            String full = fullNameIn(title, hit.text());
            if (full == null) {
                full = fullNameIn(body, hit.text());
            }
            String given = entry.name().substring(0, entry.name().indexOf(' '));
            if (full != null && !sameGivenName(full.substring(0, full.indexOf(' ')), given) && !entry.aliases().contains(full)) {
                out.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, full, List.of(), null, null),
                        hit.start(), hit.end(), hit.text(), ContextRules.SURNAME_CONFIDENCE));
            } else if (full != null && !full.startsWith(given + " ") && hit.start() > full.length() - hit.text().length()
                    && own.startsWith(full, hit.start() - (full.length() - hit.text().length()))) {
                // "Sooronbai Jeenbekov" for the gazetteer's Sooronbay: the same person, mentioned as written
                int start = hit.start() - (full.length() - hit.text().length());
                out.add(new EntityTagger.Hit(entry, start, hit.end(), full, hit.confidence()));
            } else {
                out.add(hit);
            }
        }
        return out;
    }

    private static boolean allJobWords(String text) {
        for (String word : text.split(" ")) {
            if (!JOB_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Murat Nurtleu" for "Nurtleu" when the text writes the given name and surname together: the
     * capitalised word right before an occurrence of the surname (looked for where the surname stands,
     * not by a regex over the whole text, which was a fifth of the tagger's time in JFR).
     */
    private static String fullNameIn(String text, String surname) {
        for (int at = text.indexOf(surname, 2); at > 1; at = text.indexOf(surname, at + 1)) {
            int end = at + surname.length();
            if (text.charAt(at - 1) != ' ' || end < text.length() && isNamePart(text.charAt(end))) {
                continue;
            }
            Matcher given = GIVEN_NAME.matcher(text).region(0, at - 1).useTransparentBounds(true);
            int from = at - 2;
            while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '\''
                    || text.charAt(from - 1) == '\u2019' || text.charAt(from - 1) == '-')) {
                from--;
            }
            if (given.region(from, at - 1).matches() && !JOB_WORDS.contains(given.group(1)) && !ContextRules.notAName(given.group(1))) {
                return given.group(1) + " " + surname;
            }
        }
        return null;
    }

    /** "Sooronbai" and "Sooronbay", "Kanat" and "Qanat" are one given name transliterated twice. */
    private static boolean sameGivenName(String written, String known) {
        if (written.equals(known)) {
            return true;
        }
        if (Math.abs(written.length() - known.length()) > 2 || written.length() < 4 || known.length() < 4) {
            return false;
        }
        return written.regionMatches(true, 0, known, 0, 4) || written.regionMatches(true, 1, known, 1, 4);
    }

    private static boolean isNamePart(char c) {
        return Character.isLetter(c) || c == '\'' || c == '\u2019' || c == '-';
    }

    /** The capitalised word that ends at {@code end} is {@code given} written one letter off. */
    private static boolean givenOneLetterOff(String text, int end, String given) {
        int start = text.lastIndexOf(' ', end - 1) + 1;
        String word = text.substring(start, end);
        return word.length() >= 4 && Character.isUpperCase(word.charAt(0)) && word.chars().allMatch(Character::isLetter)
                && Transliterations.oneEditApart(Transliterations.key(word), Transliterations.key(given));
    }

    private static final Pattern KYRGYZ_PATRONYM = Pattern.compile("^ (?:uulu|kyzy|ogly|qizi|o'g'li)\\b");
    private static final Pattern PATRONYMIC = Pattern.compile("\\p{Lu}\\p{Ll}+(?:ovich|evich|yevich|ievich|ovna|evna|yevna|ievna|ogly|kyzy)");

    /**
     * A known person's surname written with the given name after it ("Khassenov Askhat", as Kazakh
     * releases do) or with the patronymic between ("Atadurdy Haldurdyevich Bayramov"): the whole name is
     * the mention.
     */
    static List<EntityTagger.Hit> wholeKnownNames(List<EntityTagger.Hit> hits, String text) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            Matcher patronym = KYRGYZ_PATRONYM.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 6)));
            if (hit.entry().type() == EntityType.PERSON && hit.text().indexOf(' ') > 0 && patronym.lookingAt()
                    && (i + 1 == out.size() || out.get(i + 1).start() >= hit.end() + patronym.end())) {
                // "Maksat Tazhibek uulu": the lower-case "son of" belongs to the name
                int end = hit.end() + patronym.end();
                String name = text.substring(hit.start(), end);
                GazetteerEntry entry = hit.entry().name().equals(hit.text())
                        ? new GazetteerEntry(EntityType.PERSON, name, List.of(), hit.entry().country(), null) : hit.entry();
                if (out == hits) {
                    out = new ArrayList<>(hits);
                }
                out.set(i, new EntityTagger.Hit(entry, hit.start(), end, name, hit.confidence()));
                continue;
            }
            String name = hit.entry().name();
            int space = name.indexOf(' ');
            if (hit.entry().type() != EntityType.PERSON || hit.text().indexOf(' ') >= 0 || space < 0
                    || !name.endsWith(" " + hit.text()) && !Transliterations.key(name).endsWith(" " + Transliterations.key(hit.text()))) {
                continue; // "Urankhaev" for the gazetteer's Urankhayev counts as its surname
            }
            String given = name.substring(0, space);
            int start = hit.start();
            int end = hit.end();
            if (text.startsWith(" " + given, end) && (end + given.length() + 1 == text.length()
                    || !Character.isLetter(text.charAt(end + given.length() + 1)))) {
                end += given.length() + 1;
            } else if (start > 1 && text.charAt(start - 1) == ' ' && givenOneLetterOff(text, start - 1, given)) {
                start = text.lastIndexOf(' ', start - 2) + 1; // "Yelzhan Birtanov" for the gazetteer's "Yerzhan Birtanov"
            } else {
                int before = text.lastIndexOf(given + " ", start - 1);
                if (before >= 0 && before >= start - given.length() - 25
                        && PATRONYMIC.matcher(text.substring(before + given.length() + 1, start)).lookingAt()
                        && text.substring(before + given.length() + 1, start).matches("\\p{Lu}\\p{Ll}+ ")) {
                    start = before;
                }
            }
            if ((start != hit.start() || end != hit.end()) && (i == 0 || out.get(i - 1).end() <= start)
                    && (i + 1 == out.size() || out.get(i + 1).start() >= end)) {
                if (out == hits) {
                    out = new ArrayList<>(hits);
                }
                out.set(i, new EntityTagger.Hit(hit.entry(), start, end, text.substring(start, end), hit.confidence()));
            }
        }
        return out;
    }

    private static final Pattern STRONG_SURNAME = Pattern.compile("\\p{Lu}\\p{Ll}{2,}(?:ov|ova|ev|eva|yev|yeva|iev|ieva|zoda|zada|"
            + "zade|bekov|bekova|bayev|bayeva|enko|shvili|dze)");
    private static final Pattern SURNAME_AFTER = Pattern.compile("^ (\\p{Lu}\\p{Ll}+)(?![\\p{L}-])");

    /**
     * "Eugene Zhukov", "Tura Bobolov": a place that is also a given name ("Eugene", "Florence", "Victoria"), followed
     * by an untagged word with a surname's ending, is a person; so is any place word before an unmistakable surname.
     */
    static List<EntityTagger.Hit> givenNamesTakenForPlaces(List<EntityTagger.Hit> hits, String text, Set<String> firstNames) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            if (hit.entry().type() != EntityType.LOCATION || hit.text().indexOf(' ') >= 0
                    || hit.entry().name().equals(hit.entry().country())) {
                continue;
            }
            Matcher surname = SURNAME_AFTER.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 30)));
            // a given name the lists know, or any place word before an unmistakable surname ("Tura Bobolov")
            if (!surname.lookingAt() || !(firstNames.contains(hit.text()) ? ContextRules.surname(surname.group(1))
                    : STRONG_SURNAME.matcher(surname.group(1)).matches())
                    || PlaceHeads.nextIsTaken(out, i, hit.end() + surname.end())) {
                continue;
            }
            int end = hit.end() + surname.end();
            String name = text.substring(hit.start(), end);
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            out.set(i, new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null), hit.start(), end,
                    name, ContextRules.FIRST_NAME_CONFIDENCE));
        }
        return out;
    }

    private static final String PINYIN_SYLLABLE = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|"
            + "uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)";
    /** A Chinese name, surname first, the given name in pinyin of one or two syllables: "Zou Jiayi", "Liu Guoyue", "Jiang Yi". */
    private static final java.util.Set<String> CHINESE_SURNAMES = java.util.Set.of("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang",
            "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu", "Hu", "Guo", "Lin", "Luo", "Gao", "Zheng", "Liang", "Xie", "Tang", "Han", "Feng",
            "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang", "Du", "Ye", "Cheng", "Wei", "Su", "Ding",
            "Ren", "Shen", "Yao", "Zhong", "Cui", "Tan", "Jin", "Zou", "Qian", "Kong", "Xi", "Qin", "Shi", "Lei", "Hou", "Duan", "Hao",
            "Kang", "Mao", "Qiu", "Meng", "Lu", "Xiong", "Yan", "Wan", "Qi", "Dai", "Fu", "Yin", "Ma", "Yu", "He");
    private static final Pattern PINYIN_GIVEN = Pattern.compile("(?:" + PINYIN_SYLLABLE + "){1,2}");

    /** Chinese names no list holds, where no other hit is. */
    static List<EntityTagger.Hit> chineseNames(List<EntityTagger.Hit> hits, String text) {
        List<EntityTagger.Hit> found = new ArrayList<>();
        // a scan by hand: the surnames as one regex alternation were a fifth of the enricher's time (JFR)
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!Character.isUpperCase(text.charAt(i)) || i > 0 && isWordChar(text.charAt(i - 1))) {
                continue;
            }
            int surnameEnd = i + 1;
            while (surnameEnd < n && surnameEnd - i < 6 && Character.isLowerCase(text.charAt(surnameEnd))) {
                surnameEnd++;
            }
            if (surnameEnd >= n - 2 || text.charAt(surnameEnd) != ' ' || !CHINESE_SURNAMES.contains(text.substring(i, surnameEnd))) {
                continue;
            }
            int givenStart = surnameEnd + 1;
            if (!Character.isUpperCase(text.charAt(givenStart))) {
                continue;
            }
            int givenEnd = givenStart + 1;
            while (givenEnd < n && Character.isLowerCase(text.charAt(givenEnd))) {
                givenEnd++;
            }
            int lower = givenEnd - givenStart - 1;
            if (lower < 1 || lower > 9 || givenEnd < n && (Character.isLetter(text.charAt(givenEnd)) || text.charAt(givenEnd) == '-'
                    || Character.isDigit(text.charAt(givenEnd)) || text.charAt(givenEnd) == '_')) {
                continue;
            }
            String given = text.substring(givenStart, givenEnd);
            if (PINYIN_GIVEN.matcher(given.toLowerCase(java.util.Locale.ROOT)).matches()) {
                String name = text.substring(i, givenEnd);
                found.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null), i, givenEnd, name,
                        ContextRules.FIRST_NAME_CONFIDENCE));
            }
        }
        // "Gao Junhai", "Xi Guohua": only a surname the gazetteer holds as a place, or as one known person's short name, gives way
        return replacing(hits, found, (name, taken) -> taken.stream().allMatch(h -> h.start() == name.start()
                && h.end() == name.start() + name.text().indexOf(' ') && h.confidence() >= 1.0
                && (h.entry().type() == EntityType.LOCATION
                || h.entry().type() == EntityType.PERSON && !h.entry().name().endsWith(name.text().substring(name.text().indexOf(' ') + 1))))
                ? name : null);
    }

    /** A character {@code \\b} counts as part of a word. */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** "Choriyev Otabek Bobomuratovich", "Bobolov To'ra Abdievich": surname, given name and patronymic, as Uzbek officials write. */
    private static final Pattern SURNAME_GIVEN_PATRONYMIC = Pattern.compile("\\b\\p{Lu}\\p{Ll}+(?:ov|ev|yev|iev|ova|eva|yeva|ieva|in|ina) "
            + "\\p{Lu}[\\p{Ll}'\u2019]+ \\p{Lu}\\p{Ll}+(?:ovich|evich|yevich|ievich|ovna|evna|yevna|ievna|ich|ugli|o'g'li|qizi)\\b");

    /** Names written surname first with a patronymic after the given name, where no other hit is (a known surname aside). */
    static List<EntityTagger.Hit> patronymicNames(List<EntityTagger.Hit> hits, String text) {
        if (!text.contains("ich") && !text.contains("vna") && !text.contains("ugli") && !text.contains("g'li") && !text.contains("qizi")) {
            return hits; // no patronymic ending anywhere: no scan
        }
        List<EntityTagger.Hit> found = new ArrayList<>();
        for (Matcher m = SURNAME_GIVEN_PATRONYMIC.matcher(text); m.find(); ) {
            found.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, m.group(), List.of(), null, null), m.start(), m.end(),
                    m.group(), ContextRules.TITLE_CONFIDENCE));
        }
        return replacing(hits, found, (name, taken) -> {
            if (!taken.stream().allMatch(h -> h.entry().type() == EntityType.PERSON && h.start() >= name.start() && h.end() <= name.end())) {
                return null;
            }
            GazetteerEntry known = taken.stream().map(EntityTagger.Hit::entry).filter(e -> e.country() != null).findFirst().orElse(null);
            return known == null ? name : new EntityTagger.Hit(known, name.start(), name.end(), name.text(), 1.0);
        });
    }

    /** "Ivaylo IVANOV", "Rika TAKAYAMA", "Naser AL TAMIMI": a given name, then the surname in capitals, as federations write. */
    private static final Pattern SURNAME_IN_CAPITALS = Pattern.compile("\\b(\\p{Lu}\\p{Ll}+)(?: \\p{Lu}\\p{Ll}+)? "
            + "(?:(?:AL|EL|DE|VAN|VON|DI|DA) )?\\p{Lu}{3,}(?:-\\p{Lu}{2,})?\\b(?![\\p{L}.-])");

    private static final Pattern CAPITAL_SURNAME = Pattern.compile("(?:OV|EV|OVA|EVA|YEV|IEV|SKIY|SKY|SKI|ENKO|YAN|IAN|ZODA|ZADE|"
            + "SHVILI|DZE|ULY|KYZY|UULU|IMOV|AKA|OTO|ITA|AMA|ASHI|URA)$");

    static List<EntityTagger.Hit> surnamesInCapitals(List<EntityTagger.Hit> hits, String text, Set<String> firstNames,
                                                      java.util.function.BiFunction<EntityType, String, GazetteerEntry> lookup) {
        if (!THREE_CAPITALS.matcher(text).find()) {
            return hits; // most texts: no word in capitals, no scan
        }
        List<EntityTagger.Hit> found = new ArrayList<>();
        // the name regex only before each run of three capitals after a space (the whole-text search showed in JFR)
        Matcher m = SURNAME_IN_CAPITALS.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int searched = 0;
        for (int run = capitalsAfterSpace(text, 0); run >= 0; run = capitalsAfterSpace(text, run + 3)) {
            m.region(Math.max(searched, run - 48), Math.min(text.length(), run + 40));
            if (!m.find() || m.end() <= run) {
                continue;
            }
            searched = m.end();
            int start = m.start();
            String name = m.group();
            String given = m.group(1);
            if ((JOB_WORDS.contains(given) || ContextRules.notAName(given)) && name.indexOf(' ') < name.lastIndexOf(' ')) {
                start += given.length() + 1; // "Treasurer Naser AL TAMIMI"
                name = text.substring(start, m.end());
                given = name.substring(0, name.indexOf(' '));
            }
            String surname = name.substring(name.lastIndexOf(' ') + 1);
            boolean surnameLike = CAPITAL_SURNAME.matcher(surname).find() || name.contains(" AL ") || name.contains(" EL ");
            if ((firstNames.contains(given) || surnameLike) && lookup.apply(EntityType.ORGANIZATION, surname) == null
                    && lookup.apply(EntityType.LOCATION, surname) == null) {
                found.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null), start, m.end(), name,
                        ContextRules.FIRST_NAME_CONFIDENCE));
            }
        }
        // only names a rule found (with less than the gazetteer's confidence) give way to the name in capitals
        return replacing(hits, found, (name, taken) -> taken.stream()
                .allMatch(h -> h.entry().type() == EntityType.PERSON && h.confidence() < 1.0) ? name : null);
    }

    private static final Pattern THREE_CAPITALS = Pattern.compile("\\p{Lu}{3}");

    /** Where the next three capitals right after a space start, from {@code from}; -1 when none. */
    private static int capitalsAfterSpace(String text, int from) {
        for (int i = Math.max(from, 1); i + 2 < text.length(); i++) {
            if (text.charAt(i - 1) == ' ' && Character.isUpperCase(text.charAt(i)) && Character.isUpperCase(text.charAt(i + 1))
                    && Character.isUpperCase(text.charAt(i + 2))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Puts each candidate name in place of the hits it overlaps, in text order, when {@code accept} gives a hit for it and
     * the hits it would take ({@code null}: the candidate is dropped); the hits themselves when nothing was put in.
     */
    private static List<EntityTagger.Hit> replacing(List<EntityTagger.Hit> hits, List<EntityTagger.Hit> candidates,
            java.util.function.BiFunction<EntityTagger.Hit, List<EntityTagger.Hit>, EntityTagger.Hit> accept) {
        List<EntityTagger.Hit> out = null;
        for (EntityTagger.Hit candidate : candidates) {
            List<EntityTagger.Hit> current = out != null ? out : hits;
            List<EntityTagger.Hit> taken = current.stream()
                    .filter(h -> h.start() < candidate.end() && candidate.start() < h.end()).toList();
            EntityTagger.Hit accepted = accept.apply(candidate, taken);
            if (accepted == null) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(hits);
            }
            out.removeAll(taken);
            out.add(accepted);
        }
        if (out == null) {
            return hits;
        }
        out.sort(java.util.Comparator.comparingInt(EntityTagger.Hit::start));
        return out;
    }
}
