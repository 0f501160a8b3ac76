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
            "US$", "USD", "U$", "USD", "$", "USD", "€", "EUR", "£", "GBP", "₸", "KZT", "₽", "RUB", "¥", "CNY");
    /** At most 15 digits before the point and 6 after: a longer run of digits is no amount of money. */
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3}){1,4}(?:\\.\\d{1,6})?|\\d{1,15}(?:\\.\\d{1,6})?)(?!\\d|[,.]\\d)";
    /** "$2-3 billion", "2 to 3 million tenge": the upper end of a range, written before the scale. */
    private static final String RANGE_END = "(?:\\s?(?:-|\u2013|to)\\s?(?:US\\$|\\$)?" + NUMBER + ")?";
    /** Scale words in any case ("$4.2 Billion"), and hyphenated ("a 6-billion-som loan"); "m" and "k" lower case only. */
    private static final String SCALE = "(?:[\\s-]*((?i:trillion|billion|million|thousand|trn|tn|bln|bn|mln|mn)|m|k)\\b)?";
    /** "a fare of 1,400 soums", "fares go up by 200 soums", "the exchange rate reached 12,625 som": prices, not sums. */
    private static final Pattern PRICE_CONTEXT = Pattern.compile(
            "(?i)\\b(fares?|tickets?|tariffs?|exchange rates?)\\b[^.;:]{0,40}$");
    /** "handed each player $1,000", "every worker must contribute 100 manat": an amount per head. */
    private static final Pattern PER_HOLDER = Pattern.compile(
            "(?i)\\b(?:each|every)\\s+(?!(?:year|month|day|week|quarter|time|season|other|of)\\b)((?:(?:state|government|public|civil|foreign|local|school|family)\\s+)?[a-z]+)"
                    + "\\b[^.;:$]{0,40}$");
    /** "a ride will cost 1,400 soums", "a loaf now sells for 3,000 soums": the price of one item. */
    private static final Pattern PRICED_ITEM = Pattern.compile(
            "(?i)\\b(?:a|one|per|each|single)\\s+(ride|trip|journey|loaf|kilogram|kilo|kg|liter|litre|bottle|pack|dose|night|"
                    + "meal|visit|lesson|seat|square met(?:er|re)|cubic met(?:er|re)|kilowatt-hour|kWh)\\b[^.;:]{0,60}$");
    /** "the U.S. dollar slipped from 12,885 som", "with the euro at 520 tenge": an exchange rate. */
    private static final Pattern RATE_CONTEXT = Pattern.compile(
            "(?i)\\b((?:U\\.S\\.\\s|US\\s|American\\s)?(?:dollar|euro|ruble|rouble|yuan))\\b\\s+(?:[a-z]+\\s+){0,3}?"
                    + "(?:from|to|at|reached|hit)\\s+$");
    /**
     * After a price, "... to 1,400 soums", "up from 1,200 soums", "will cost 1,400 soums", "100 manat for
     * care and 30 manat for weeding": the same price changing, or the next in a list of prices.
     */
    private static final Pattern PRICE_FOLLOWS = Pattern.compile(
            "(?i)^[^.;]{0,60}\\b(?:to|from|than|instead of|cost|costs|and)\\s+$");
    /** "345.75 tenge per $1": the "$1" is the unit of the price before it, not an amount. */
    private static final Pattern PER_BEFORE = Pattern.compile("(?i)(?:\\bper|/)\\s*$");
    private static final Pattern SCALED = Pattern.compile("(?i)illion|\\b(?:trn|tn|bln|bn|mln|mn)\\b|\\d\\s?(?:m|k|bn)\\b");
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?i)\\b(more than|less than|up to|at least|an estimated|approximately|about|around|roughly|nearly|almost|over|"
                    + "some|under|just over|just under)\\s+(?:US)?$");
    /**
     * "$2,000 per ton", "100 manat per employee", "345.75 tenge per $1", "$60 a barrel": a price, not an
     * amount to sum. Amounts per period ("US$8 million a year") are flows of money, not prices.
     */
    private static final Pattern PER_UNIT = Pattern.compile(
            "^(?:\\s*(?:per|/|for each|for every)\\s*)((?:metric |troy |cubic |square )?(?!(?:year|month|day|week|annum|quarter|"
                    + "hour)\\b)(?:US\\$\\s?1|\\$\\s?1|[A-Za-z][A-Za-z-]*))|^\\s+a\\s+((?:metric |troy )?(?:ton|tonne|barrel|kilogram|kg|"
                    + "liter|litre|gram|ounce|unit|share|head|piece|person|ticket|night|square meter|square metre|cubic meter))\\b");

    /** Numbers written as words, which news uses with a scale only: "five billion dollars", "half a million tenge". */
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", "1"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"), Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"),
            Map.entry("fifty", "50"), Map.entry("a hundred", "100"), Map.entry("one hundred", "100"),
            Map.entry("half a", "0.5"));

    private final Map<String, String> codeByWord = new LinkedHashMap<>();
    /** "five billion dollars", "a million tenge": a number word, a scale word and a currency word. */
    private final Pattern spelled;
    private final Pattern prefixed;
    private final Pattern suffixed;
    /** The characters a {@link #prefixed} match can start with (first characters of the symbols and codes). */
    private final boolean[] prefixedStarts = new boolean[Character.MAX_VALUE + 1];
    /** The characters a currency word (the end of a {@link #suffixed} match) can start with. */
    private final boolean[] suffixStarts = new boolean[Character.MAX_VALUE + 1];
    /** The symbols and codes a {@link #prefixed} match starts with. */
    private final List<String> prefixes = new ArrayList<>();

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
        prefixed = Pattern.compile("(?<![\\w$])(" + symbols + "|\\b(?:" + codes + "))\\s?" + NUMBER + RANGE_END + SCALE);
        // "600 million tenge", "5 million soums", "1.5 billion KZT"
        suffixed = Pattern.compile("(?<![\\w.,])" + NUMBER + RANGE_END + SCALE + "[\\s-]+(?:of\\s+)?(" + words + ")\\b");
        spelled = Pattern.compile("(?i:\\b(" + alternation(new ArrayList<>(NUMBER_WORDS.keySet()))
                + "))\\s+((?i:trillion|billion|million|thousand))\\s+(?:of\\s+)?(" + words + ")\\b");
        prefixes.addAll(SYMBOLS.keySet());
        codeByWord.values().stream().distinct().forEach(prefixes::add);
        prefixes.forEach(prefix -> prefixedStarts[prefix.charAt(0)] = true);
        codeByWord.keySet().forEach(word -> suffixStarts[word.charAt(0)] = true);
    }

    private static String alternation(List<String> forms) {
        forms.sort(Comparator.comparingInt(String::length).reversed()); // longest first: "US$" before "$"
        return String.join("|", forms.stream().map(Pattern::quote).toList());
    }

    public List<MoneyAmount> extract(String text, TextField field) {
        List<MoneyAmount> found = new ArrayList<>();
        Matcher m = anchoredMatcher(prefixed, text);
        for (int at = 0; (at = nextPrefixed(m, text, at)) >= 0; at = m.end()) {
            String code = currencyOf(m.group(1));
            if (code != null) {
                found.add(mention(text, field, m.group().strip(), m.start(), code, m.group(2), m.group(3), m.group(4)));
            }
        }
        Matcher s = anchoredMatcher(suffixed, text);
        for (int at = 0; (at = nextSuffixed(s, text, at)) >= 0; at = s.end()) {
            String code = currencyOf(s.group(4));
            boolean overlaps = found.stream().anyMatch(f -> f.start() < s.end() && s.start() < f.end());
            if (code != null && !overlaps) {
                found.add(mention(text, field, s.group(), s.start(), code, s.group(1), s.group(2), s.group(3)));
            }
        }
        spelledOut(text, field, found);
        found.sort(Comparator.comparingInt(MoneyAmount::start));
        return refine(text, found);
    }

    /** The plain search {@link #extract} must agree with (kept for {@code MoneyExtractorTest}). */
    List<MoneyAmount> extractBySearch(String text, TextField field) {
        List<MoneyAmount> found = new ArrayList<>();
        Matcher m = prefixed.matcher(text);
        while (m.find()) {
            String code = currencyOf(m.group(1));
            if (code != null) {
                found.add(mention(text, field, m.group().strip(), m.start(), code, m.group(2), m.group(3), m.group(4)));
            }
        }
        Matcher s = suffixed.matcher(text);
        while (s.find()) {
            String code = currencyOf(s.group(4));
            boolean overlaps = found.stream().anyMatch(f -> f.start() < s.end() && s.start() < f.end());
            if (code != null && !overlaps) {
                found.add(mention(text, field, s.group(), s.start(), code, s.group(1), s.group(2), s.group(3)));
            }
        }
        spelledOut(text, field, found);
        found.sort(Comparator.comparingInt(MoneyAmount::start));
        return refine(text, found);
    }

    /** Adds the amounts written in words; only where a scale word stands, so most texts cost one scan. */
    private void spelledOut(String text, TextField field, List<MoneyAmount> found) {
        for (int at = text.indexOf("illion"); at >= 0; at = text.indexOf("illion", at + 6)) {
            scaleWordAt(text, field, found, at);
        }
        for (int at = text.indexOf("thousand"); at >= 0; at = text.indexOf("thousand", at + 8)) {
            scaleWordAt(text, field, found, at);
        }
    }

    private void scaleWordAt(String text, TextField field, List<MoneyAmount> found, int at) {
        Matcher w = spelled.matcher(text).useTransparentBounds(true).useAnchoringBounds(false)
                .region(Math.max(0, at - 16), Math.min(text.length(), at + 48));
        while (w.find()) {
            if (w.start(2) <= at && at < w.end(2)) {
                boolean overlaps = found.stream().anyMatch(f -> f.start() < w.end() && w.start() < f.end());
                String code = currencyOf(w.group(3));
                if (code != null && !overlaps) {
                    found.add(mention(text, field, w.group(), w.start(), code,
                            NUMBER_WORDS.get(w.group(1).toLowerCase(Locale.ROOT)), null, w.group(2)));
                }
                return;
            }
        }
    }

    /**
     * What a mention's neighbours say of it: the "$1" of "345.75 tenge per $1" is a unit, not money,
     * and an amount right after a price in the same currency ("go up by 200 soums to 1,400 soums")
     * is that price again.
     */
    private static List<MoneyAmount> refine(String text, List<MoneyAmount> found) {
        List<MoneyAmount> refined = new ArrayList<>(found.size());
        MoneyAmount previous = null;
        for (MoneyAmount m : found) {
            if (previous != null && previous.kind() == MoneyAmount.Kind.PRICE && m.start() - previous.end() <= 8
                    && PER_BEFORE.matcher(text.substring(previous.end(), m.start())).find()) {
                continue;
            }
            if (previous != null && previous.kind() == MoneyAmount.Kind.PRICE && m.kind() != MoneyAmount.Kind.PRICE
                    && SharedCurrencyWords.maySame(previous, m) && m.start() >= previous.end()
                    && !SCALED.matcher(m.text()).find()
                    && PRICE_FOLLOWS.matcher(text.substring(previous.end(), m.start())).matches()) {
                m = new MoneyAmount(m.text(), m.field(), m.start(), m.end(), m.amount(), m.currency(), m.amountMax(),
                        m.qualifier(), MoneyAmount.Kind.PRICE, previous.unit());
            }
            refined.add(m);
            previous = m;
        }
        return refined;
    }

    /**
     * The same matches as {@code matcher.find()} in a loop, but the pattern is tried only where a
     * match can start (a digit, or a symbol's or code's first character) instead of at every
     * character: the unanchored search was most of the extractor's time (JFR). Transparent bounds
     * keep the look-behinds and word boundaries seeing the text before the region.
     */
    private static Matcher anchoredMatcher(Pattern pattern, String text) {
        return pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** The start of the next {@link #prefixed} match at or after {@code from} (the matcher then holds it), or -1. */
    private int nextPrefixed(Matcher m, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            // necessary for a match: (?<![\\w$]) holds and a symbol or code starts here
            if (prefixedStarts[text.charAt(i)] && (i == 0 || !isWord(text.charAt(i - 1)) && text.charAt(i - 1) != '$')
                    && startsWithPrefix(text, i) && m.region(i, text.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /** A symbol or code at {@code at}, then {@code \s?\d}: what a {@link #prefixed} match needs. */
    private boolean startsWithPrefix(String text, int at) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix, at)) {
                int next = at + prefix.length();
                if (next < text.length() && isRegexSpace(text.charAt(next))) {
                    next++;
                }
                if (next < text.length() && text.charAt(next) >= '0' && text.charAt(next) <= '9') {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code \s} as java.util.regex reads it. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The start of the next {@link #suffixed} match at or after {@code from} (the matcher then holds it), or -1. */
    private int nextSuffixed(Matcher m, String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            // necessary for a match: a digit where (?<![\\w.,]) holds, and what follows the number may lead to a currency word
            if (c >= '0' && c <= '9' && (i == 0 || !isWord(text.charAt(i - 1)) && text.charAt(i - 1) != '.'
                    && text.charAt(i - 1) != ',')
                    && mayFollowNumber(text, i) && m.region(i, text.length()).lookingAt()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A necessary condition for {@link #suffixed} at a number starting at {@code at}: the number
     * ends where the run of digits, commas and dots ends (whatever follows it must be white space or
     * a scale word), and the next word after white space starts like a scale word, "of" or a
     * currency word. Most numbers in news ("13.5 percent", "in 2024.") fail it without the regex.
     */
    private boolean mayFollowNumber(String text, int at) {
        int n = text.length();
        int r = at;
        while (r < n && (text.charAt(r) >= '0' && text.charAt(r) <= '9' || text.charAt(r) == ',' || text.charAt(r) == '.')) {
            r++;
        }
        if (r >= n) {
            return false;
        }
        char after = text.charAt(r);
        if (SCALE_STARTS.indexOf(after) >= 0 || after == '-' || after == '\u2013') {
            return true; // "2.3bn", "2-3 billion", "6-billion-som"
        }
        if (!isRegexSpace(after)) {
            return false;
        }
        int k = r;
        while (k < n && (isRegexSpace(text.charAt(k)) || text.charAt(k) == '-')) {
            k++; // "[\\s-]+" before the scale or the currency word
        }
        if (k >= n) {
            return false;
        }
        char next = text.charAt(k);
        return SCALE_STARTS.indexOf(next) >= 0 || next == 'o' || suffixStarts[next];
    }

    /** First letters of the scale words of {@code SCALE}. */
    private static final String SCALE_STARTS = "tbmkTBM";

    /** {@code \\w} as java.util.regex reads it: ASCII letters, digits and '_'. */
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static MoneyAmount mention(String text, TextField field, String written, int start, String code,
                                       String number, String rangeEnd, String scale) {
        int end = start + written.length();
        double amount = amount(number, scale);
        Double amountMax = rangeEnd == null ? null : amount(rangeEnd, scale);
        if (amountMax != null && amountMax <= amount) {
            amountMax = null; // "2024-25" style or a typo: not a range
        }
        Matcher q = QUALIFIER.matcher(text).region(Math.max(0, start - 20), start);
        String qualifier = q.find() ? q.group(1).toLowerCase(Locale.ROOT) : null;
        Matcher unit = PER_UNIT.matcher(text).region(end, Math.min(text.length(), end + 40));
        if (unit.lookingAt()) {
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    unit.group(1) != null ? unit.group(1) : unit.group(2));
        }
        String context = text.substring(Math.max(0, start - 80), start);
        String priceUnit = priceUnit(context);
        if (priceUnit != null) {
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    priceUnit);
        }
        return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier,
                amountMax == null ? MoneyAmount.Kind.AMOUNT : MoneyAmount.Kind.RANGE, null);
    }

    /** What the words before an amount make it a price of, or null when they make it no price. */
    private static String priceUnit(String before) {
        Matcher c = PRICE_CONTEXT.matcher(before);
        if (c.find()) {
            return c.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher rate = RATE_CONTEXT.matcher(before);
        if (rate.find()) {
            return rate.group(1);
        }
        Matcher item = PRICED_ITEM.matcher(before);
        if (item.find()) {
            return item.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher holder = PER_HOLDER.matcher(before);
        return holder.find() ? holder.group(1).toLowerCase(Locale.ROOT) : null;
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
            case "trillion", "tn", "trn" -> 1e12;
            case "billion", "bln", "bn" -> 1e9;
            case "million", "mln", "mn", "m" -> 1e6;
            case "thousand", "k" -> 1e3;
            default -> 1;
        };
    }
}
