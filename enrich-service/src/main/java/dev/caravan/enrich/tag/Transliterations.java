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

    Transliterations(List<GazetteerEntry> entries) {
        Map<String, GazetteerEntry> ambiguous = new HashMap<>();
        for (GazetteerEntry entry : entries) {
            if (entry.type() == EntityType.CURRENCY) {
                continue;
            }
            for (String form : entry.surfaceForms()) {
                if (form.indexOf(' ') < 0) {
                    continue; // one word (a surname, a town) is too weak a key
                }
                String key = key(form);
                GazetteerEntry known = byKey.putIfAbsent(key, entry);
                if (known != null && known != entry) {
                    ambiguous.put(key, entry);
                }
            }
        }
        ambiguous.keySet().forEach(byKey::remove); // two entries folding alike: neither
    }

    /** The gazetteer's entry (a person, place or organisation) a name of several words written another way stands for, or null. */
    GazetteerEntry known(String written) {
        return written.indexOf(' ') < 0 ? null : byKey.get(key(written));
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
