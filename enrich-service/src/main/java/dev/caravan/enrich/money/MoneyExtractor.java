package dev.caravan.enrich.money;

import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.tag.GazetteerEntry;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.TextField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money in text and normalises it to an amount and an ISO 4217 code: "1.5 billion tenge",
 * "US$3.1 million", "$10,000", "KZT 2.3bn", "5 million soums", "€2 million". Currency words come
 * from the gazetteer's CURRENCY entries, so editors extend both at once.
 */
public final class MoneyExtractor {

    private static final Map<String, String> SYMBOLS = Map.of(
            "US$", "USD", "$", "USD", "€", "EUR", "£", "GBP", "₸", "KZT", "₽", "RUB", "¥", "CNY");
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String SCALE = "(?:\\s*(trillion|billion|million|thousand|tn|bln|bn|mln|mn|m|k)\\b)?";

    private final Map<String, String> codeByWord = new LinkedHashMap<>();
    private final Pattern prefixed;
    private final Pattern suffixed;

    public MoneyExtractor(Gazetteer gazetteer) {
        for (GazetteerEntry entry : gazetteer.entries()) {
            if (entry.type() == EntityType.CURRENCY) {
                for (String form : entry.surfaceForms()) {
                    codeByWord.putIfAbsent(form, entry.name());
                }
            }
        }
        String words = alternation(new ArrayList<>(codeByWord.keySet()));
        String symbols = alternation(new ArrayList<>(SYMBOLS.keySet()));
        String codes = alternation(new ArrayList<>(codeByWord.values().stream().distinct().toList()));
        // "$10,000", "US$3.1 million", "KZT 2.3bn": symbols and ISO codes only, words do not precede numbers
        prefixed = Pattern.compile("(?<![\\w$])(" + symbols + "|\\b(?:" + codes + "))\\s?" + NUMBER + SCALE);
        // "600 million tenge", "5 million soums", "1.5 billion KZT"
        suffixed = Pattern.compile("(?<![\\w.,])" + NUMBER + SCALE + "\\s+(?:of\\s+)?(" + words + ")\\b");
    }

    private static String alternation(List<String> forms) {
        forms.sort(Comparator.comparingInt(String::length).reversed()); // longest first: "US$" before "$"
        return String.join("|", forms.stream().map(Pattern::quote).toList());
    }

    public List<MoneyAmount> extract(String text, TextField field) {
        List<MoneyAmount> found = new ArrayList<>();
        Matcher m = prefixed.matcher(text);
        while (m.find()) {
            String code = currencyOf(m.group(1));
            if (code != null) {
                found.add(new MoneyAmount(m.group().strip(), field, m.start(), m.start() + m.group().strip().length(),
                        amount(m.group(2), m.group(3)), code));
            }
        }
        Matcher s = suffixed.matcher(text);
        while (s.find()) {
            String code = currencyOf(s.group(3));
            boolean overlaps = found.stream().anyMatch(f -> f.start() < s.end() && s.start() < f.end());
            if (code != null && !overlaps) {
                found.add(new MoneyAmount(s.group(), field, s.start(), s.end(), amount(s.group(1), s.group(2)), code));
            }
        }
        found.sort(Comparator.comparingInt(MoneyAmount::start));
        return found;
    }

    private String currencyOf(String written) {
        String symbol = SYMBOLS.get(written);
        return symbol != null ? symbol : codeByWord.get(written);
    }

    static double amount(String number, String scale) {
        double value = Double.parseDouble(number.replace(",", ""));
        if (scale == null) {
            return value;
        }
        return value * switch (scale.toLowerCase(Locale.ROOT)) {
            case "trillion", "tn" -> 1e12;
            case "billion", "bln", "bn" -> 1e9;
            case "million", "mln", "mn", "m" -> 1e6;
            case "thousand", "k" -> 1e3;
            default -> 1;
        };
    }
}
