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

    private static final Set<String> JOB_WORDS = Set.of("Sports", "Sport", "Irrigation", "Affairs", "Finance", "Finances",
            "Economy", "Energy", "Defence", "Defense", "Agriculture", "Education", "Health", "Healthcare", "Justice",
            "Culture", "Information", "Industry", "Trade", "Transport", "Construction", "Labour", "Labor", "Ecology",
            "Resources", "Development", "Relations", "Security", "Emergencies", "Situations", "Digital", "Water",
            "Investments", "Investment", "Tourism", "Science", "Innovation", "Innovations", "Communications",
            "Technologies", "Protection", "Population", "Social", "Internal", "Foreign", "Executive", "Officer", "Vice",
            "Acting", "Chairman", "Chairperson", "Board", "Management", "Director", "Manager", "Head", "Secretary",
            "Commerce", "Integration", "Planning", "Reforms", "Environment", "Emergency", "Mining", "Geology",
            "Telecommunications", "Aerospace", "Media", "Youth", "Family", "Women", "Policy", "Mayor", "Governor",
            "Ambassador", "Envoy", "Representative", "Special", "Prime", "Deputy", "First", "Chief", "Senior", "General",
            "Consul", "Commissioner", "Spokesperson", "Adviser", "Advisor", "Assistant", "Aide", "Press");
    private static final Pattern TITLE_NAME = Pattern.compile("\\b(\\p{Lu}[\\p{Ll}'\u2019]+(?:-\\p{Lu}[\\p{Ll}]+)?) (\\p{Lu}[\\p{L}'\u2019-]+)\\b");

    private PersonNames() {
    }

    static List<EntityTagger.Hit> tidy(List<EntityTagger.Hit> hits, String title, String body) {
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
                if (space < 0 || !JOB_WORDS.contains(text.substring(0, space))) {
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
    static List<EntityTagger.Hit> otherBearers(List<EntityTagger.Hit> hits, String title, String body) {
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
            if (full != null && !full.startsWith(given + " ") && !entry.aliases().contains(full)) {
                out.add(new EntityTagger.Hit(new GazetteerEntry(EntityType.PERSON, full, List.of(), null, null),
                        hit.start(), hit.end(), hit.text(), ContextRules.SURNAME_CONFIDENCE));
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

    /** "Murat Nurtleu" for "Nurtleu" when the text writes the given name and surname together. */
    private static String fullNameIn(String text, String surname) {
        Matcher m = TITLE_NAME.matcher(text);
        while (m.find()) {
            if (m.group(2).equals(surname) && !JOB_WORDS.contains(m.group(1)) && !ContextRules.notAName(m.group(1))) {
                return m.group(1) + " " + surname;
            }
        }
        return null;
    }
}
