package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dateline a wire story opens with: "ASTANA –", "NUR-SULTAN (TCA) –", "BISHKEK - Interfax",
 * "BAKU, Azerbaijan, Dec. 2. ... (Trend)". The upper-case city is a place the case-sensitive
 * gazetteer cannot see; the agency in brackets is an organisation, named as the agency names itself.
 */
final class Datelines {

    private static final Pattern DATELINE = Pattern.compile(
            "^\\s*([A-Z][A-Z'\u2019]+(?:[ -][A-Z][A-Z'\u2019]+){0,2})"         // the city in capitals
                    + "(?:\\.\\s+(KAZINFORM|QAZINFORM|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=\\s*[\u2013\u2014-]))?" // "ASTANA. KAZINFORM –"
                    + "(?:,\\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?"                   // ", Azerbaijan"
                    + "(?:,?\\s*[A-Z][a-z]{2,8}\\.? \\d{1,2}(?:, \\d{4})?\\.?)?"    // ", Dec. 2"
                    + "\\s*(?:\\(([^()\\n]{2,40})\\))?"                            // "(TCA)"
                    + "(?:\\s*[\u2013\u2014:,]|\\s+-|(?<=\\))-)\\s*(?:([A-Z][A-Za-z-]+)\\b(?=\\s*[\u2013\u2014-]|\\s*\\.|\\s*$))?");
    /** A wire agency cited in brackets anywhere: "... (Trend)", "... (Kazinform)". */
    private static final Pattern BRACKETED_AGENCY = Pattern.compile("\\((TCA|Trend|Kazinform|Qazinform|Interfax|AKIpress|Kabar|"
            + "Xinhua|TASS|Reuters|AFP|Sputnik|UzA|Khovar|Dunya|APA|Anadolu)\\)");
    /** Trend's by-line under its dateline: "By Klavdiya Romakayeva - Trend:" or a bare "Trend:". */
    private static final Pattern BYLINE = Pattern.compile("(?m)^(?:By (\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+){1,2})\\s*[\u2013\u2014-]\\s*"
            + "|By )?(Trend|Azernews|APA|Report\\.az|Kazinform|Qazinform|AKIpress|Kabar|Interfax)\\s*:?\\s*$");
    /** A by-line above the text: "By Kudrenok Tatyana. Photo: akorda.kz". */
    private static final Pattern REPORTER = Pattern.compile("By (\\p{Lu}\\p{L}+(?:[ -]\\p{Lu}\\p{L}+){1,2})(?=[.,]|\\s*\\n)");
    /** "ASTANA. KAZINFORM \"West Kazakhstan has...": Kazinform's dateline, sometimes with no dash after it. */
    private static final Pattern KAZINFORM_DATELINE = Pattern.compile("\\s*([A-Z][A-Z'\u2019]+(?:[ -][A-Z][A-Z'\u2019]+){0,2})\\.\\s+"
            + "(KAZINFORM|QAZINFORM)\\b");
    private static final Map<String, String> AGENCIES = Map.of(
            "TCA", "The Times of Central Asia", "Trend", "Trend News Agency", "Qazinform", "Kazinform", "KAZINFORM", "Kazinform", "QAZINFORM", "Kazinform",
            "Interfax-Kazakhstan", "Interfax",
            "Interfax-Kyrgyzstan", "Interfax");

    private Datelines() {
    }

    /**
     * @param lookup the gazetteer entry of a type and surface form, or null
     * @return the dateline's place and agency as hits, and bracketed agencies elsewhere in the body
     */
    static List<EntityTagger.Hit> find(String body, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> hits = new ArrayList<>(2);
        Matcher m = DATELINE.matcher(body);
        int from = afterBylines(body, hits, lookup);
        if (from > 0) {
            m.region(from, body.length());
        }
        Matcher kazinform = KAZINFORM_DATELINE.matcher(body).region(from, body.length());
        if (kazinform.lookingAt()) { // before the general form, which would read "NUR-SULTAN." as "NUR" - "SULTAN"
            String city = titleCase(kazinform.group(1));
            GazetteerEntry place = lookup.apply(EntityType.LOCATION, city);
            if (place != null) {
                hits.add(new EntityTagger.Hit(place, kazinform.start(1), kazinform.end(1), kazinform.group(1), 1.0));
            }
            hits.add(agency(kazinform.group(2), kazinform.start(2), kazinform.end(2), lookup));
        } else if (m.lookingAt() && m.group(1).replaceAll("[^A-Z]", "").length() >= 3) {
            String city = titleCase(m.group(1));
            GazetteerEntry place = lookup.apply(EntityType.LOCATION, city);
            hits.add(new EntityTagger.Hit(place != null ? place : new GazetteerEntry(EntityType.LOCATION, city, List.of(), null, null),
                    m.start(1), m.end(1), m.group(1), place != null ? 1.0 : ContextRules.HEAD_CONFIDENCE));
            for (int group = 2; group <= 4; group++) {
                if (m.group(group) != null && !m.group(group).isBlank()) {
                    String written = m.group(group);
                    int lead = written.length() - written.stripLeading().length();
                    int trail = written.length() - written.stripTrailing().length();
                    GazetteerEntry country = lookup.apply(EntityType.LOCATION, titleCase(written.strip()));
                    if (country != null && written.strip().equals(written.strip().toUpperCase(java.util.Locale.ROOT))) {
                        // "DUSHANBE, TAJIKISTAN –": the country of the dateline, not an agency
                        hits.add(new EntityTagger.Hit(country, m.start(group) + lead, m.end(group) - trail, written.strip(), 1.0));
                        continue;
                    }
                    hits.add(agency(written.strip(), m.start(group) + lead, m.end(group) - trail, lookup)); // "( TCA)"
                }
            }
        }
        Matcher byline = BYLINE.matcher(body).region(0, Math.min(body.length(), 240)); // a by-line heads the text
        if (byline.find() && byline.start() < 200) {
            if (byline.group(1) != null) {
                hits.add(reporter(byline.group(1), byline.start(1), lookup));
            }
            hits.add(agency(byline.group(2), byline.start(2), byline.end(2), lookup));
        }
        Matcher a = BRACKETED_AGENCY.matcher(body);
        while (a.find()) {
            int start = a.start(1);
            if (hits.stream().noneMatch(h -> h.start() <= start && start < h.end())) {
                hits.add(agency(a.group(1), a.start(1), a.end(1), lookup));
            }
        }
        return hits;
    }

    /**
     * "By Kudrenok Tatyana. Photo: akorda.kz" above "ASTANA. KAZINFORM –": the reporter is a person, and the
     * dateline starts on the line after. Returns where the dateline may start (0 when there is no by-line).
     */
    private static int afterBylines(String body, List<EntityTagger.Hit> hits, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        int from = 0;
        for (int line = 0; line < 2; line++) {
            Matcher by = REPORTER.matcher(body).region(from, body.length());
            int end = body.indexOf('\n', from);
            if (end < 0 || end - from > 120 || !by.lookingAt() && !body.startsWith("Photo", from)) {
                return from;
            }
            if (by.lookingAt()) {
                hits.add(reporter(by.group(1), by.start(1), lookup));
            }
            from = end + 1;
        }
        return from;
    }

    /** The name an agency goes by, as written in a dateline or a by-line. */
    static String agencyName(String written) {
        return AGENCIES.getOrDefault(written, written);
    }

    /** The reporter a by-line names: the gazetteer's person, else one of the article's own. */
    private static EntityTagger.Hit reporter(String name, int start, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        GazetteerEntry known = lookup.apply(EntityType.PERSON, name);
        return new EntityTagger.Hit(known != null ? known : new GazetteerEntry(EntityType.PERSON, name, List.of(), null, null),
                start, start + name.length(), name, known != null ? 1.0 : ContextRules.HEAD_CONFIDENCE);
    }

    private static EntityTagger.Hit agency(String written, int start, int end, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        String name = AGENCIES.getOrDefault(written, written);
        GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, name);
        return new EntityTagger.Hit(known != null ? known : new GazetteerEntry(EntityType.ORGANIZATION, name, List.of(), null, null),
                start, end, written, 1.0);
    }

    /** "NUR-SULTAN" → "Nur-Sultan", "SAN FRANCISCO" → "San Francisco". */
    static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean wordStart = true;
        for (char c : upper.toCharArray()) {
            out.append(wordStart ? c : Character.toLowerCase(c));
            wordStart = c == ' ' || c == '-';
        }
        return out.toString().toLowerCase(Locale.ROOT).equals(upper.toLowerCase(Locale.ROOT)) ? out.toString() : upper;
    }
}
