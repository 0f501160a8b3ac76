package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisations a pattern names whatever the words: a website cited as a source ("trend.az",
 * "akorda.kz", "UzDaily.com") and an embassy with its country and city ("Embassy of Japan in
 * Tashkent", "the US Embassy in Dushanbe"). The places inside them are part of the name.
 */
final class PatternNames {

    private static final Pattern WEBSITE = Pattern.compile(
            "(?<![\\w@./-])((?:[A-Za-z][A-Za-z0-9-]*\\.)+(?:kz|uz|kg|tj|tm|az|ru|com|org|net|info|news|gov|media))\\b(?![.@/-]\\w)");
    private static final String PLACE = "(?:the\\s+)?(?:Islamic Republic of |Republic of |Kingdom of |State of )?[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}";
    private static final Pattern EMBASSY = Pattern.compile(
            "\\b(?:Embassy|Consulate(?:[ -]General)?) of " + PLACE + "(?: in " + PLACE + ")?"
                    + "|\\b(?!(?:The|An|A) )(?:U\\.S\\.|US|UK|(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) (?:Embassy|Consulate(?:[ -]General)?)(?: in " + PLACE + ")?"
                    + "|\\bConsulate[ -]General in " + PLACE);

    private static final Pattern LOCAL_GOVERNMENT = Pattern.compile("\\bLocal Government of (?:the )?\\p{Lu}[\\p{L}'-]+"
            + "(?: \\p{Lu}[\\p{L}'-]+)?(?: (?:City|District|Region|city|district|region))?");

    /** A government named by its usual name, with no head word the context rules know. */
    private static final String CABINET = "Cabinet of Ministers";

    private static final Pattern NATIONAL_EMBASSY = Pattern.compile("(U\\.S\\.|US|UK|[A-Z][a-z]+(?: [A-Z][a-z]+)?) "
            + "(Embassy|Consulate General|Consulate)( in .+)?");

    /** A wire agency whose name is an ordinary word, named as the source of a report: "Trend reports", "told Trend". */
    private static final String AGENCY_WORD = "Trend";
    private static final Pattern REPORTS_AFTER = Pattern.compile("^ (?:reports|reported|learned|learnt|writes|wrote|informs|correspondent)\\b");
    private static final Pattern CITED_BEFORE = Pattern.compile("\\b(?:told|to|via|by|informed) $");
    private static final Pattern SOURCE_REPORTS = Pattern.compile(", (\\p{Lu}[\\p{L}\\d]*(?:\\.\\p{L}+)?) (?:reports|reported|writes|wrote)(?=[.,])");
    private static final Pattern BYLINE_BEFORE = Pattern.compile("\\p{L} ?[-\u2013\u2014] ?$"); // "By Fakhri Vakilov-Trend:"
    /** A wire's dateline: "Tashkent, April 8 / Trend, D.Azizov /", "Astana, April 16 / Trend D. Mukhtarov /". */
    private static final Pattern SLASHED_BEFORE = Pattern.compile("\\d / ?$");
    private static final Pattern NOT_A_NAME_AFTER = Pattern.compile("^ (?:of|in|for)\\b");

    /** Airlines: "Wizz Air", "Qeshm Air", "Air China", "Thai AirAsia", "Uzbekistan Airways". */
    private static final Pattern AIRLINE = Pattern.compile("\\b(?:(?:\\p{Lu}[\\p{L}-]+ )?AirAsia(?: X)?|\\p{Lu}[\\p{L}-]+ Air"
            + "|Air (?!Force)\\p{Lu}[\\p{L}-]+|(?:\\p{Lu}{2,5} )?(?:\\p{Lu}[\\p{L}-]+ )?\\p{Lu}[\\p{L}-]+ (?:Airlines|Airways))\\b"); // "LOT Polish Airlines"

    /** Sports clubs: "FC Altyn Asyr", "FC «Ashgabat»", "Istiklol FC", "HC Barys"; a club named after its city is no place. */
    private static final Pattern CLUB = Pattern.compile("\\b(?:FC|PFC|FK|SC|HC|BC) [\"“«]?\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?[\"”»]?"
            + "|\\b\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)? (?:FC|PFC)\\b");
    private static final java.util.List<String> CLUB_WORDS = java.util.List.of("FC ", "PFC ", "FK ", "SC ", "HC ", "BC ", " FC", " PFC");

    /** Court and police reports name people by initial and surname: "D.Tajimuratov", "Y. Abibullayev". */
    private static final Pattern INITIAL_SURNAME = Pattern.compile("\\b(?:\\p{Lu}\\.){1,2} ?\\p{Lu}\\p{Ll}+(?:ov|ova|ev|eva|yev|yeva|iev|"
            + "ieva|in|ina|uly|kyzy|uulu|zoda|zada|bekov|bekova|dze|shvili|yan|sky|ski|enko)\\b"
            // a Japanese surname in romaji: "H. Koinuma", "M. Yamazumi", "K. Nagai"
            + "|\\b(?:\\p{Lu}\\.){1,2} ?(?:Ka|Ki|Ku|Ke|Ko|Sa|Shi|Su|Se|So|Ta|Chi|Tsu|Te|To|Na|Ni|Nu|Ne|No|Ha|Hi|Fu|He|Ho|Ma|Mi|Mu|"
            + "Me|Mo|Ya|Yu|Yo|Ra|Ri|Ru|Re|Ro|Wa|Ga|Gi|Gu|Ge|Go|Za|Ji|Zu|Ze|Zo|Da|De|Do|Ba|Bi|Bu|Be|Bo|A|I|U|E|O)"
            + "(?:(?:[kgsztdnhbpmyrw]|sh|ch|ts)?[aiueo]|n(?![aiueo])){2,5}\\b");

    /** Court reports hide a defendant behind initials: "sentenced A.N. to five years", "O.M., deputy head of ...". */
    private static final Pattern INITIALS_ONLY = Pattern.compile("(?<![\\w.])(\\p{Lu}\\.\\p{Lu}\\.)(?=,? )");
    private static final Pattern INITIALS_BEFORE = Pattern.compile("(?i)\\b(?:initials|sentenced|with|accomplice|that|citizen|"
            + "resident|defendant|suspect|against|named|convicted|detained|arrested|and|official)\\s$");
    private static final Pattern INITIALS_AFTER = Pattern.compile("^,? (?:head|deputy|a resident|a citizen|chairman|director|"
            + "former|an? (?:employee|official|head|resident)|was|were|had|has|is|to)\\b");
    private static final Set<String> NOT_INITIALS = Set.of("U.S.", "U.K.", "E.U.", "B.V.", "A.S.", "S.A.", "P.M.", "A.M.", "N.V.", "H.E.", "A.Ş.", "A.O.", "Ş.A.");

    private PatternNames() {
    }

    static List<EntityTagger.Hit> find(String text, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> hits = new ArrayList<>();
        // each pattern only where its fixed words occur: run over every text, they were most of the tagger's time (JFR)
        Matcher web = WEBSITE.matcher(hasDomain(text) ? text : "");
        while (web.find()) {
            String site = web.group(1);
            int siteStart = web.start(1);
            if (site.startsWith("www.") && site.indexOf('.', 4) > 0) {
                site = site.substring(4); // "www.akorda.kz" is the site akorda.kz
                siteStart += 4;
            }
            if (site.chars().filter(c -> c == '.').count() <= 3 && !site.matches("(?i)(?:e\\.g|i\\.e|u\\.s)\\..*")) {
                hits.add(siteHit(site, siteStart, web.end(1), lookup));
            }
        }
        for (int at = text.indexOf(CABINET); at >= 0; at = text.indexOf(CABINET, at + 1)) {
            int end = at + CABINET.length();
            if (!text.startsWith(" of ", end) && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                hits.add(hit(CABINET, at, end, lookup)); // whose cabinet: the country before it or the article's (OrgNames)
            }
        }
        Matcher local = LOCAL_GOVERNMENT.matcher(text.contains("Local Government") ? text : "");
        while (local.find()) {
            hits.add(hit(local.group(), local.start(), local.end(), lookup)); // a Tajik district's hukumat
        }
        int airlineEnd = -1;
        for (int at = text.indexOf("Air"); at >= 0; at = text.indexOf("Air", at + 3)) {
            // only around each "Air": the pattern's optional leading words made a whole-text search costly (JFR)
            Matcher airline = AIRLINE.matcher(text).useTransparentBounds(true)
                    .region(Math.max(airlineEnd, Math.max(0, at - 40)), Math.min(text.length(), at + 40));
            while (airline.find()) {
                String name = airline.group();
                if (airline.start() <= at && at < airline.end() + 1 && !name.startsWith("The ") && !name.startsWith("By ")
                        && !name.startsWith("In ")) {
                    hits.add(hit(name, airline.start(), airline.end(), lookup));
                    airlineEnd = airline.end();
                    break;
                }
            }
        }
        for (int at = text.indexOf(AGENCY_WORD); at >= 0; at = text.indexOf(AGENCY_WORD, at + 1)) {
            int end = at + AGENCY_WORD.length();
            if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)) || end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            String after = text.substring(end, Math.min(text.length(), end + 16));
            String before = text.substring(Math.max(0, at - 10), at);
            if (REPORTS_AFTER.matcher(after).find()
                    || CITED_BEFORE.matcher(before).find() && !NOT_A_NAME_AFTER.matcher(after).find()
                    || BYLINE_BEFORE.matcher(before).find() && after.startsWith(":") // "By Leman Zeynalova - Trend:"
                    || SLASHED_BEFORE.matcher(before).find()) {
                hits.add(hit(AGENCY_WORD, at, end, (type, name) -> lookup.apply(type, Datelines.agencyName(name))));
            }
        }
        Matcher source = text.contains(" report") || text.contains(" writes") || text.contains(" wrote")
                ? SOURCE_REPORTS.matcher(text) : null;
        while (source != null && source.find()) {
            // "..., Spot writes.", "..., Upl.uz reports": a one-word source at a clause's end is a medium
            String name = source.group(1);
            if (ContextRules.surname(name) || ContextRules.notAName(name) || lookup.apply(EntityType.PERSON, name) != null
                    || lookup.apply(EntityType.LOCATION, name) != null || AGENCY_WORD.equals(name)) {
                continue;
            }
            hits.add(siteHit(name, source.start(1), source.end(1), lookup));
        }
        boolean initialled = hasInitial(text);
        Matcher initials = INITIAL_SURNAME.matcher(initialled ? text : "");
        while (initials.find()) {
            String name = initials.group();
            GazetteerEntry known = lookup.apply(EntityType.PERSON, name);
            if (known == null) {
                known = byInitial(name, lookup); // "S. Lavrov" is the gazetteer's Sergei Lavrov
            }
            hits.add(new EntityTagger.Hit(known != null ? known : new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null),
                    initials.start(), initials.end(), name, known != null ? 1.0 : ContextRules.SURNAME_CONFIDENCE));
        }
        Matcher initialsOnly = INITIALS_ONLY.matcher(initialled ? text : "");
        while (initialsOnly.find()) {
            String name = initialsOnly.group(1);
            String before = text.substring(Math.max(0, initialsOnly.start() - 14), initialsOnly.start());
            String after = text.substring(initialsOnly.end(), Math.min(text.length(), initialsOnly.end() + 24));
            if (!NOT_INITIALS.contains(name) && (INITIALS_BEFORE.matcher(before).find() || INITIALS_AFTER.matcher(after).find())) {
                hits.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null),
                        initialsOnly.start(), initialsOnly.end(), name, ContextRules.SURNAME_CONFIDENCE));
            }
        }
        Matcher club = CLUB.matcher(Occurrences.first(text, CLUB_WORDS, 0) >= 0 ? text : "");
        while (club.find()) {
            String written = club.group();
            if (written.startsWith("The ") || written.startsWith("A ")) {
                continue;
            }
            String name = written.replaceAll("[\"“”«»]", "");
            GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, name);
            hits.add(new EntityTagger.Hit(known != null ? known : new GazetteerEntry(EntityType.ORGANIZATION, name, List.of(), null, null),
                    club.start(), club.end(), written, known != null ? 1.0 : ContextRules.HEAD_CONFIDENCE));
        }
        Matcher embassy = EMBASSY.matcher(text.contains("Embassy") || text.contains("Consulate") ? text : "");
        while (embassy.find()) {
            String name = embassy.group();
            if (!name.startsWith("The ") && !name.startsWith("An ") && !name.startsWith("A ")) {
                EntityTagger.Hit found = hit(name, embassy.start(), embassy.end(), lookup);
                Matcher national = NATIONAL_EMBASSY.matcher(name);
                if (found.confidence() < 1.0 && national.matches()) {
                    // "Japanese Embassy in Dushanbe", "U.S. Embassy": the Embassy of Japan in Dushanbe, of the United States
                    GazetteerEntry country = lookup.apply(EntityType.LOCATION, national.group(1).equals("U.S.")
                            ? "United States" : national.group(1));
                    if (country != null && country.name().equals(country.country())) {
                        String of = country.name().startsWith("United ") || country.name().equals("Netherlands")
                                || country.name().equals("Philippines") ? " of the " : " of ";
                        String canonical = national.group(2) + of + country.name() + (national.group(3) == null ? "" : national.group(3));
                        GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, canonical);
                        found = new EntityTagger.Hit(known != null ? known
                                : new GazetteerEntry(EntityType.ORGANIZATION, canonical, List.of(), null, null),
                                found.start(), found.end(), name, found.confidence());
                    }
                }
                hits.add(new EntityTagger.Hit(found.entry(), found.start(), found.end(), name, found.confidence()));
            }
        }
        return hits;
    }

    private static final String[] DOMAINS = {".kz", ".uz", ".kg", ".tj", ".tm", ".az", ".ru", ".com", ".org", ".net", ".info",
        ".news", ".gov", ".media"};

    /** A capital letter then a full stop ("A.", "D.Tajimuratov"): what both initial patterns need, found without a regex. */
    private static boolean hasInitial(String text) {
        for (int i = text.indexOf('.', 1); i > 0; i = text.indexOf('.', i + 1)) {
            if (Character.isUpperCase(text.charAt(i - 1)) && (i == 1 || !Character.isLetter(text.charAt(i - 2)))) {
                return true;
            }
        }
        return false;
    }

    /** The gazetteer's person with this surname (as an alias) whose given name starts with the initial, or null. */
    private static GazetteerEntry byInitial(String written, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        int dot = written.lastIndexOf('.');
        String surname = written.substring(dot + 1).strip();
        GazetteerEntry person = lookup.apply(EntityType.PERSON, surname);
        return person != null && person.name().indexOf(' ') > 0 && person.name().charAt(0) == written.charAt(0) ? person : null;
    }

    private static boolean hasDomain(String text) {
        for (String domain : DOMAINS) {
            if (text.contains(domain)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A site or medium as written; "UzDaily.com", "Tengrinews.kz" are the gazetteer's UzDaily and Tengrinews when it
     * knows the name without its domain.
     */
    private static EntityTagger.Hit siteHit(String written, int start, int end,
                                            BiFunction<EntityType, String, GazetteerEntry> lookup) {
        String known = lookup.apply(EntityType.ORGANIZATION, written) == null && written.indexOf('.') > 0
                && lookup.apply(EntityType.ORGANIZATION, written.substring(0, written.lastIndexOf('.'))) != null
                ? written.substring(0, written.lastIndexOf('.')) : written;
        EntityTagger.Hit found = hit(known, start, end, lookup);
        return new EntityTagger.Hit(found.entry(), found.start(), found.end(), written, found.confidence());
    }

    private static EntityTagger.Hit hit(String name, int start, int end, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, name);
        return new EntityTagger.Hit(known != null ? known : new GazetteerEntry(EntityType.ORGANIZATION, name, List.of(), null, null),
                start, end, name, known != null ? 1.0 : ContextRules.HEAD_CONFIDENCE);
    }
}
