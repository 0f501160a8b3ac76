package dev.caravan.enrich.money;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Currency words two countries share: "manat" is Turkmen (TMT, the gazetteer's reading) unless the
 * article is about Azerbaijan and not Turkmenistan, when it is the Azerbaijani manat (AZN).
 */
public final class SharedCurrencyWords {

    /** Per shared word: the gazetteer's code, the other country and that country's code. */
    private record Reading(String usualCode, String otherCountry, String otherCode, String usualCountry) {
    }

    private static final Map<String, Reading> WORDS = Map.of(
            "manat", new Reading("TMT", "Azerbaijan", "AZN", "Turkmenistan"),
            "manats", new Reading("TMT", "Azerbaijan", "AZN", "Turkmenistan"),
            // "som" is Kyrgyz, "soum" Uzbek, but the press spells either for either
            "som", new Reading("KGS", "Uzbekistan", "UZS", "Kyrgyzstan"),
            "soms", new Reading("KGS", "Uzbekistan", "UZS", "Kyrgyzstan"),
            "soum", new Reading("UZS", "Kyrgyzstan", "KGS", "Uzbekistan"),
            "soums", new Reading("UZS", "Kyrgyzstan", "KGS", "Uzbekistan"));

    private SharedCurrencyWords() {
    }

    /** Whether two mentions may be in one currency once {@link #resolve} has read them: "12,885 Uzbek som to 12,625 som". */
    public static boolean maySame(MoneyAmount a, MoneyAmount b) {
        if (a.currency().equals(b.currency())) {
            return true;
        }
        Set<String> codesA = codes(a);
        return codes(b).stream().anyMatch(codesA::contains);
    }

    private static Set<String> codes(MoneyAmount m) {
        Reading reading = WORDS.get(m.text().substring(m.text().lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT));
        return reading == null || !reading.usualCode().equals(m.currency())
                ? Set.of(m.currency()) : Set.of(reading.usualCode(), reading.otherCode());
    }

    private static final java.util.regex.Pattern SUBUNIT_TAIL = java.util.regex.Pattern.compile("\\s+(?:and\\s+)?\\d{1,2}\\s+\\p{L}+$");
    private static final java.util.regex.Pattern JAPANESE = java.util.regex.Pattern.compile("\\b(?:Japan|Japanese|JICA|JBIC|yen)\\b");
    private static final java.util.regex.Pattern CHINESE = java.util.regex.Pattern.compile("\\b(?:China|Chinese|yuan|renminbi|RMB)\\b");

    /**
     * {@link #resolve(String, String, Set)} for a mention at {@code at} in {@code text}: a "¥" the article's countries
     * leave as yuan is yen when its own sentence is about Japan and not China ("Japan pledged ¥12.7 billion" in a
     * story that names China too).
     */
    public static String resolve(String code, String written, Map<String, Integer> countries, String text, int at) {
        String read = resolve(code, written, countries);
        if (!written.startsWith("\u00a5") || !"CNY".equals(read)) {
            return read;
        }
        int from = Math.max(text.lastIndexOf(". ", at), text.lastIndexOf('\n', at)) + 1;
        int to = text.indexOf(". ", at);
        String sentence = text.substring(from, to < 0 ? text.length() : to);
        return JAPANESE.matcher(sentence).find() && !CHINESE.matcher(sentence).find() ? "JPY" : read;
    }

    /**
     * The code {@code written} (the mention's text, e.g. "40,000 manats") stands for, given the
     * countries the article's places lie in; {@code code} when the word is not shared.
     */
    public static String resolve(String code, String written, Set<String> countries) {
        Map<String, Integer> once = new java.util.HashMap<>();
        countries.forEach(country -> once.put(country, 1));
        return resolve(code, written, once);
    }

    /**
     * As {@link #resolve(String, String, Set)}, each country weighed by how often the article names its places and
     * bodies: a Sumgayit story that lists Turkmenistan among its buyers still counts in Azerbaijani manats.
     */
    public static String resolve(String code, String written, Map<String, Integer> countries) {
        if (written.startsWith("\u00a5") && "CNY".equals(code) && countries.containsKey("Japan") && !countries.containsKey("China")) {
            return "JPY"; // "¥15 billion" from JICA is yen
        }
        written = SUBUNIT_TAIL.matcher(written).replaceFirst(""); // "1 manat 15 cents": the main unit's word says
        String word = written.substring(written.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        Reading reading = WORDS.get(word);
        if (reading == null || !reading.usualCode().equals(code)) {
            return code;
        }
        return countries.getOrDefault(reading.otherCountry(), 0) > countries.getOrDefault(reading.usualCountry(), 0)
                ? reading.otherCode() : code;
    }
}
