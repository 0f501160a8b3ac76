package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.Set;

/**
 * Adjectives and demonyms of places: the gazetteer lists them so "Kazakh" steers the rules (a
 * descriptive word, not part of a name) and currency words ("Kazakh tenge"), but they are not
 * mentions of the place.
 */
final class Demonyms {

    private static final Set<String> WORDS = Set.of("Afghan", "American", "Armenian", "Austrian", "Azerbaijani", "Azeri",
            "Belarusian", "British", "Bulgarian", "Canadian", "Caspian", "Chinese", "Czech", "Dutch", "Egyptian", "Estonian",
            "Finnish", "French", "German", "Greek", "Hungarian", "Indian", "Iranian", "Iraqi", "Israeli", "Italian", "Japanese",
            "Kazakh", "Kazakhstani", "Korean", "Kyrgyz", "Kyrgyzstani", "Latvian", "Lithuanian", "Mongolian", "Norwegian",
            "Pakistani", "Polish", "Romanian", "Russian", "Saudi", "Spanish", "Swedish", "Syrian", "Tajik", "Tajikistani",
            "Turkish", "Turkmen", "Ukrainian", "Uzbek", "Uzbekistani", "Georgian", "Qatari", "Emirati", "Kuwaiti", "Omani",
            "Swiss", "Belgian", "Danish", "Irish", "Portuguese", "Serbian", "Croatian", "Slovak", "Slovenian", "Moldovan",
            "Vietnamese", "Thai", "Malaysian", "Indonesian", "Filipino", "Australian", "Brazilian", "Mexican", "Argentine",
            "Turkic", "Soviet", "European", "Asian", "Arab", "Persian", "Uyghur", "Uighur", "Karakalpak", "Pamiri", "Tatar",
            "Bashkir", "Chechen", "Dagestani", "Kashmiri", "Baltic", "Nordic", "Scandinavian", "Eurasian", "Caucasian");

    private Demonyms() {
    }

    static boolean isDemonymWord(String word) {
        return WORDS.contains(word);
    }

    static boolean isDemonym(EntityTagger.Hit hit) {
        if (hit.entry().type() != EntityType.LOCATION || hit.text().equals(hit.entry().name())) {
            return false;
        }
        String text = hit.text();
        int space = text.lastIndexOf(' ');
        // "Central Asian", "South Korean": a place name turned adjective
        return WORDS.contains(text) || space > 0 && (WORDS.contains(text.substring(space + 1))
                || text.endsWith("Asian") || text.endsWith("Korean") || text.endsWith("African") || text.endsWith("American"));
    }
}
