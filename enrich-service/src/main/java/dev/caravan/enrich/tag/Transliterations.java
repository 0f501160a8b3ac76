package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One person written in several Latin spellings of the same Cyrillic or Tajik name ("Qasym-Zhomart
 * Toqaev", "Kassym-Jomart Tokayev"; "Jantoro Satybaldiev", "Zhantoro Satybaldiyev"; "Fayziddin
 * Kakhkhorzoda", "Faiziddin Qahhorzoda"): a key that folds the usual variants (q/k, zh/j, kh/h, the
 * glide y, doubled letters) finds the gazetteer's person for a name the rules found as written.
 */
final class Transliterations {

    private final Map<String, GazetteerEntry> byKey = new HashMap<>();
    /** People by the key of their given name: the rest of the key and the entry. */
    private final Map<String, List<Map.Entry<String, GazetteerEntry>>> byGivenName = new HashMap<>();
    /** People by the key of their surname (the rest of the name): the given name's key and the entry. */
    private final Map<String, List<Map.Entry<String, GazetteerEntry>>> bySurname = new HashMap<>();

    /** One-word organisations by their form in lower case ("akipress", "kazmunaygas"), where no person or place folds alike. */
    private final Map<String, GazetteerEntry> oneWordOrgs = new HashMap<>();

    Transliterations(List<GazetteerEntry> entries) {
        Map<String, GazetteerEntry> ambiguous = new HashMap<>();
        java.util.Set<String> otherWords = new java.util.HashSet<>();
        java.util.Set<String> ambiguousWords = new java.util.HashSet<>();
        for (GazetteerEntry entry : entries) {
            if (entry.type() == EntityType.CURRENCY) {
                continue;
            }
            for (String form : entry.surfaceForms()) {
                if (form.indexOf(' ') < 0) {
                    String folded = form.toLowerCase(Locale.ROOT);
                    if (entry.type() != EntityType.ORGANIZATION) {
                        otherWords.add(folded);
                    } else if (form.length() >= 5) {
                        GazetteerEntry known = oneWordOrgs.putIfAbsent(folded, entry);
                        if (known != null && known != entry) {
                            ambiguousWords.add(folded);
                        }
                    }
                    continue; // one word (a surname, a town) is too weak a key
                }
                String key = key(form);
                if (entry.type() == EntityType.PERSON && key.indexOf(' ') > 0) {
                    byGivenName.computeIfAbsent(key.substring(0, key.indexOf(' ')), k -> new java.util.ArrayList<>())
                            .add(Map.entry(key.substring(key.indexOf(' ') + 1), entry));
                    bySurname.computeIfAbsent(key.substring(key.indexOf(' ') + 1), k -> new java.util.ArrayList<>())
                            .add(Map.entry(key.substring(0, key.indexOf(' ')), entry));
                }
                GazetteerEntry known = byKey.putIfAbsent(key, entry);
                if (known != null && known != entry) {
                    ambiguous.put(key, entry);
                }
            }
        }
        ambiguous.keySet().forEach(byKey::remove); // two entries folding alike: neither
        ambiguousWords.forEach(oneWordOrgs::remove);
        otherWords.forEach(oneWordOrgs::remove);
    }

    /** The one-word organisation written in other capitals ("Akipress", "KABAR", "RusAl", "Megacom"), or null. */
    GazetteerEntry orgInOtherCase(String word) {
        return word.length() < 5 || word.indexOf(' ') >= 0 ? null : oneWordOrgs.get(word.toLowerCase(Locale.ROOT));
    }

    /** The one-word organisation of seven letters or more a word is one letter off ("KazMunayGaz"), when only one is; else null. */
    GazetteerEntry misspelledOrg(String word) {
        if (word.length() < 7 || word.indexOf(' ') >= 0) {
            return null;
        }
        String folded = word.toLowerCase(Locale.ROOT);
        GazetteerEntry match = null;
        for (Map.Entry<String, GazetteerEntry> known : oneWordOrgs.entrySet()) {
            String name = known.getKey();
            if (name.length() >= 7 && name.charAt(0) == folded.charAt(0) && oneEditApart(folded, name)) {
                if (match != null && match != known.getValue()) {
                    return null;
                }
                match = known.getValue();
            }
        }
        return match;
    }

    /** The gazetteer's entry (a person, place or organisation) a name of several words written another way stands for, or null. */
    GazetteerEntry known(String written) {
        return written.indexOf(' ') < 0 ? null : byKey.get(key(written));
    }

    /**
     * The gazetteer's person a name one letter off in its surname ("Kassym-Jomart Tokatev") or in its given
     * name ("Kenges Rakishev") stands for, when exactly one person is that close; else null.
     */
    GazetteerEntry misspelledPerson(String written) {
        String key = key(written);
        int space = key.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String rest = key.substring(space + 1);
        GazetteerEntry match = null;
        for (Map.Entry<String, GazetteerEntry> known : byGivenName.getOrDefault(key.substring(0, space), List.of())) {
            if (known.getKey().length() >= 5 && oneEditApart(rest, known.getKey())) {
                if (match != null && match != known.getValue()) {
                    return null;
                }
                match = known.getValue();
            }
        }
        // "Kenges Rakishev": the surname as known, the given name one letter off
        String given = key.substring(0, space);
        for (Map.Entry<String, GazetteerEntry> known : rest.length() >= 5 ? bySurname.getOrDefault(rest, List.of()) : List.<Map.Entry<String, GazetteerEntry>>of()) {
            if (known.getKey().length() >= 4 && oneEditApart(given, known.getKey())) {
                if (match != null && match != known.getValue()) {
                    return null;
                }
                match = known.getValue();
            }
        }
        return match;
    }

    /** One substitution, insertion, deletion or swap of neighbours turns {@code a} into {@code b} (and a != b). */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1)) || i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i) && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return a.length() < b.length() ? a.substring(i).equals(b.substring(i + 1)) : a.substring(i + 1).equals(b.substring(i));
    }

    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('-', ' ').replace("'", "").replace("\u2019", "")
                .replace("dzh", "j").replace("zh", "j").replace("kh", "h").replace('q', 'k').replace("ye", "e")
                .replace("yu", "u").replace("ya", "a").replace("y", "").replace("ai", "a").replace("ei", "e")
                .replace("ie", "e").replace("ou", "u");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                out.append(c); // "Kassym" and "Qasym": one s
            }
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }
}
