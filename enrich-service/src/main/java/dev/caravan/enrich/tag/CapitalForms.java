package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names written in capitals: "TASHKENT", "NUR-SULTAN", "AKIPRESS.COM", "ASIA-Plus", an upper-case
 * headline. The gazetteer's matcher is case-sensitive (so that "Turkistan" the region never matches
 * "turkistan" in a URL and acronyms stay acronyms); this finds, in runs of capitalised words that hold a
 * word in capitals, the longest stretch the gazetteer knows in another case.
 */
final class CapitalForms {

    /** Capitalised words joined by spaces or hyphens, a web suffix allowed: "BISHKEK", "ASIA-Plus", "AKIPRESS.COM". */
    private static final Pattern RUN = Pattern.compile("(?<![\\p{L}\\d.@/])\\p{Lu}[\\p{L}'\u2019]*(?:\\.(?:COM|KZ|KG|UZ|TJ|TM|AZ|RU|com))?"
            + "(?:(?: |-)\\p{Lu}[\\p{L}'\u2019]*(?:\\.(?:COM|KZ|KG|UZ|TJ|TM|AZ|RU|com))?)*(?![\\p{L}\\d])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}'\u2019]+(?:\\.(?:COM|KZ|KG|UZ|TJ|TM|AZ|RU|com))?");
    private static final int MAX_WORDS = 6;

    private final Map<String, GazetteerEntry> byLowerForm = new HashMap<>();

    CapitalForms(Map<String, GazetteerEntry> forms) {
        Set<String> ambiguous = new HashSet<>();
        forms.forEach((form, entry) -> {
            if (entry.type() == EntityType.CURRENCY || form.length() < 4 || form.equals(form.toUpperCase(Locale.ROOT))) {
                return; // an acronym is matched as written only
            }
            String key = form.toLowerCase(Locale.ROOT);
            GazetteerEntry known = byLowerForm.putIfAbsent(key, entry);
            if (known != null && known != entry) {
                ambiguous.add(key);
            }
        });
        ambiguous.forEach(byLowerForm::remove);
    }

    /**
     * A word of four capitals or more in {@code [from, to)} ({@code \\b\\p{Lu}{4,}\\b}), found by hand: the regex over
     * every text showed in profiles (JFR).
     */
    static boolean hasWordInCapitals(String text, int from, int to) {
        int run = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                if (run == 0 && i > 0 && isWordChar(text.charAt(i - 1))) {
                    run = -1; // the capitals start inside a word
                } else if (run >= 0) {
                    run++;
                }
            } else {
                if (run >= 4 && !isWordChar(c)) {
                    return true;
                }
                run = isWordChar(c) ? -1 : 0;
            }
        }
        return run >= 4 && (to >= text.length() || !isWordChar(text.charAt(to)));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The hits of {@code text} with the names in capitals added where no hit was; in start order. */
    List<EntityTagger.Hit> add(String text, List<EntityTagger.Hit> hits) {
        if (!hasWordInCapitals(text, 0, text.length())) {
            return hits;
        }
        List<EntityTagger.Hit> found = new ArrayList<>();
        Matcher run = RUN.matcher(text);
        while (run.find()) {
            if (!hasWordInCapitals(text, run.start(), run.end())) {
                continue;
            }
            List<int[]> words = new ArrayList<>();
            Matcher word = WORD.matcher(text).region(run.start(), run.end());
            while (word.find()) {
                words.add(new int[] {word.start(), word.end()});
            }
            for (int from = 0; from < words.size(); ) {
                int taken = 0;
                for (int n = Math.min(MAX_WORDS, words.size() - from); n >= 1 && taken == 0; n--) {
                    int start = words.get(from)[0];
                    int end = words.get(from + n - 1)[1];
                    String written = text.substring(start, end);
                    GazetteerEntry entry = written.equals(written.toUpperCase(Locale.ROOT)) || hasWordInCapitals(written)
                            ? byLowerForm.get(written.toLowerCase(Locale.ROOT).replaceFirst("\\.com$", "")) : null;
                    if (entry != null && free(hits, start, end) && !(n == 1 && mayBeAcronym(text, start, end))) {
                        found.add(new EntityTagger.Hit(entry, start, end, written, 1.0));
                        taken = n;
                    }
                }
                from += Math.max(taken, 1);
            }
        }
        return EntityTagger.withAdded(hits, found);
    }

    /**
     * "PISA", "NATO"-like: a short word in capitals inside ordinary text is an acronym, not a city; a dateline
     * ("TASHKENT –", at a line's start), a line in capitals (a headline) or a long word is a name.
     */
    private static boolean mayBeAcronym(String text, int start, int end) {
        String word = text.substring(start, end);
        if (word.length() >= 6 || !word.equals(word.toUpperCase(Locale.ROOT))) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int runStart = start;
        while (runStart > lineStart && (Character.isUpperCase(text.charAt(runStart - 1)) || text.charAt(runStart - 1) == '-'
                || text.charAt(runStart - 1) == ' ')) {
            runStart--;
        }
        if (text.substring(lineStart, runStart).isBlank()) {
            return false; // a dateline: "ASTANA-TARAZ", "TASHKENT,"
        }
        int lineEnd = text.indexOf('\n', end);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        long lower = line.chars().filter(Character::isLowerCase).count();
        return lower * 4 > line.length(); // mostly lower case: ordinary text
    }

    private static boolean hasWordInCapitals(String written) {
        return hasWordInCapitals(written, 0, written.length());
    }

    private static boolean free(List<EntityTagger.Hit> hits, int start, int end) {
        for (EntityTagger.Hit hit : hits) {
            if (hit.start() < end && start < hit.end()) {
                return false;
            }
        }
        return true;
    }
}
