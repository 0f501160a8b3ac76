package dev.caravan.enrich.money;

import static dev.caravan.enrich.money.MoneyExtractor.MONTH_BEFORE;
import static dev.caravan.enrich.money.MoneyExtractor.SCALED;
import static dev.caravan.enrich.money.MoneyExtractor.SCALE_WORD;
import static dev.caravan.enrich.money.MoneyExtractor.YEAR;
import static dev.caravan.enrich.money.MoneyExtractor.amount;
import static dev.caravan.enrich.money.MoneyExtractor.plain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Passes over the mentions {@link MoneyExtractor} found that add the amounts a list or a continuation leaves bare:
 * "400,000 and 300,000 soms", "US $ 15 and 17 mln respectively", "1 manat 15 cents", "12.60 somonis in Dushanbe,
 * 12.50 in Khujand". Each works in place on the text-ordered list of one field's mentions.
 */
final class AmountLists {

    private AmountLists() {
    }

    /** "US $ 15 and 17 mln respectively": the next number and its scale word, which the first amount shares. */
    private static final Pattern SCALED_NEXT = Pattern.compile("^\\s*(?:,|,?\\s*and|or)\\s+(\\d{1,3}(?:\\.\\d{1,3})?)\\s?"
            + "(trillion|billion|million|trln|bln|mln|bn)\\b(?=\\s*(?:[.,;:)]|$|(?:respectively|each|in|for|from|and|or|to)\\b))");

    static void scaledListAfter(String text, List<MoneyAmount> found) {
        for (int i = 0; i < found.size(); i++) {
            MoneyAmount m = found.get(i);
            if (m.amountMax() != null || m.amount() >= 1000 || m.text().isEmpty() || Character.isDigit(m.text().charAt(0))
                    || SCALED.matcher(m.text()).find()) {
                continue; // only "$15" (a symbol's amount, no scale of its own) may share the next number's scale
            }
            Matcher next = SCALED_NEXT.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 30));
            if (!next.lookingAt() || i + 1 < found.size() && found.get(i + 1).start() < next.end()) {
                continue;
            }
            found.set(i, new MoneyAmount(m.text(), m.field(), m.start(), m.end(), amount(plain(m.text().replaceAll("[^\\d.,]", "")),
                    next.group(2)), m.currency(), null, m.qualifier(), MoneyAmount.Kind.AMOUNT, null));
            found.add(i + 1, new MoneyAmount(text.substring(next.start(1), next.end()), m.field(), next.start(1), next.end(),
                    amount(next.group(1), next.group(2)), m.currency(), null, null, MoneyAmount.Kind.AMOUNT, null));
            i++;
        }
    }

    /** "1 manat 15 cents", "5 manat and 61 gapiks", "2 somoni 50 dirams": the hundredths after the main unit. */
    private static final Pattern SUBUNITS_AFTER = Pattern.compile("^\\s+(?:and\\s+)?(\\d{1,2})\\s+(?:cents?|gapiks?|qapiks?|qepiks?|kopecks?|"
            + "kopeks?|tiyns?|tyiyns?|tiyins?|dirams?)\\b");

    static void withSubunitsAfter(String text, List<MoneyAmount> found) {
        for (int i = 0; i < found.size(); i++) {
            MoneyAmount m = found.get(i);
            if (m.amountMax() != null || m.amount() != Math.rint(m.amount()) || m.text().isEmpty()
                    || !Character.isLetter(m.text().charAt(m.text().length() - 1))) {
                continue;
            }
            Matcher sub = SUBUNITS_AFTER.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 24));
            if (sub.lookingAt()) {
                int end = sub.end();
                found.set(i, new MoneyAmount(text.substring(m.start(), end), m.field(), m.start(), end,
                        m.amount() + Integer.parseInt(sub.group(1)) / 100.0, m.currency(), null, m.qualifier(), m.kind(), m.unit()));
                while (i + 1 < found.size() && found.get(i + 1).start() < end) {
                    found.remove(i + 1); // "15 cents", "33 gapiks" read on their own
                }
            }
        }
    }

    /** A bare number written like the price before it: "12.60 somonis in Dushanbe, 12.50 in Khujand", "on October 10 to 9.50". */
    private static final Pattern BARE_DECIMAL = Pattern.compile("(?<![\\w.,$\u20ac\u00a3\u20b8\u20bd/:-])(\\d{1,3}(?:,\\d{3})*|\\d{1,6})\\.(\\d{1,4})"
            + "(?![\\d.,]|[\\s-]*(?:%|percent|per cent|points?|tons?|tonnes?|kg|kilograms?|grams?|years?|months?|days?|times|"
            + "liters?|litres?|km|kilomet|met(?:er|re)s?|MW|kWh|barrels?|degrees?|dollars?|US|U\\.S|euros?|rubles?|roubles?|yuan)\\b|\\s*%)");
    /** Between one item of a price list and the next: "in Dushanbe, ", " on October 10 to ", " against ". */
    private static final Pattern BARE_PRICE_GAP = Pattern.compile("(?i)^(?:\\s+(?:on|in|at|for)\\s+[^,.;()\\d]{0,30}(?:\\s?(?:\\d{1,2}|(?:19|20)\\d\\d))?)?"
            + "(?:\\s*,\\s*(?:and\\s+|while\\s+)?|\\s+(?:to|against|and|or|versus|vs\\.?|from)\\s+)$");

    /**
     * The numbers a price list goes on with, bare: each is a price in the currency of the price it follows, when it is
     * written with as many decimals as that price (so days, counts and percentages, written otherwise, are not).
     */
    static void barePricesAfter(String text, List<MoneyAmount> found) {
        List<MoneyAmount> added = null;
        for (int i = 0; i < found.size(); i++) {
            MoneyAmount first = found.get(i);
            if (first.amountMax() != null || first.kind() == MoneyAmount.Kind.RANGE || SCALED.matcher(first.text()).find()) {
                continue;
            }
            int point = first.text().indexOf('.');
            Matcher grouped = GROUPED_NUMBER.matcher(first.text());
            boolean decimal = point >= 0 && first.kind() == MoneyAmount.Kind.PRICE;
            char separator = !decimal && grouped.find() ? grouped.group(1).charAt(0) : 0;
            if (!decimal && separator == 0) {
                continue; // a price written with decimals, or an amount with its thousands grouped: "173 000 tenge"
            }
            int decimals = 0;
            while (decimal && point + 1 + decimals < first.text().length() && Character.isDigit(first.text().charAt(point + 1 + decimals))) {
                decimals++;
            }
            int limit = i + 1 < found.size() ? found.get(i + 1).start() : text.length();
            limit = Math.min(limit, Math.min(sentenceEnd(text, first.end()), first.end() + 200));
            int from = first.end();
            if (limit <= from) {
                continue; // the next mention overlaps this one
            }
            Matcher bare = (decimal ? BARE_DECIMAL : BARE_GROUPED).matcher(text).region(from, limit).useTransparentBounds(true);
            while (bare.find()) {
                boolean alike = decimal ? bare.group(2).length() == decimals : bare.group(1).charAt(0) == separator;
                if (!alike || !BARE_PRICE_GAP.matcher(text.substring(from, bare.start())).find()) {
                    break;
                }
                double amount = amount(bare.group(), null);
                if (amount > first.amount() * 10 || amount * 10 < first.amount()) {
                    break;
                }
                MoneyAmount item = new MoneyAmount(bare.group(), first.field(), bare.start(), bare.end(), amount, first.currency(), null,
                        null, first.kind(), first.unit());
                if (added == null) {
                    added = new ArrayList<>();
                }
                added.add(item);
                from = bare.end();
            }
        }
        if (added != null) {
            found.addAll(added);
            found.sort(Comparator.comparingInt(MoneyAmount::start));
        }
    }

    private static final Pattern GROUPED_NUMBER = Pattern.compile("^\\D{0,4}\\d{1,3}([ ,\u00a0])\\d{3}(?!\\d)");
    /** "173 000 tenge on average in 2021 and 210 000 in 2023": a bare number grouped as the amount before it is. */
    private static final Pattern BARE_GROUPED = Pattern.compile("(?<![\\w.,$\u20ac\u00a3\u20b8\u20bd/:-])\\d{1,3}([ ,\u00a0])\\d{3}(?:\\1\\d{3})*"
            + "(?![\\d.,]|[ \u00a0]\\d)(?=\\s*(?:[.,;:)]|$|(?:in|on|at|for|respectively|each|and|to|from)\\b))");

    private static int sentenceEnd(String text, int from) {
        for (int at = text.indexOf('.', from); at >= 0; at = text.indexOf('.', at + 1)) {
            boolean decimal = at > 0 && at + 1 < text.length() && Character.isDigit(text.charAt(at - 1))
                    && Character.isDigit(text.charAt(at + 1));
            if (!decimal) {
                return at;
            }
        }
        return text.length();
    }

    /** "Covid 19, 660 million soums", "Article 5 and 20,000 soms": a number that names something is no amount. */
    private static final Pattern NAMED_NUMBER_BEFORE = Pattern.compile("(?:\\b\\p{Lu}[\\p{L}-]*|\\bNo\\.|\\b[Nn]umber)\\s$");

    /** A number listed right before an amount: "400,000 and 300,000 soms", "5, 10 or 15 million tenge". */
    private static final Pattern LISTED_NUMBER = Pattern.compile("(?<![\\w.,$\u20ac\u00a3\u20b8\u20bd/:%-])"
            + "(\\d{1,3}(?:,\\d{3}){1,4}(?:\\.\\d{1,6})?|\\d{1,4}(?:\\.\\d{1,6})?)"
            + "(?:\\s?(trillion|billion|million|thousand|trln|bln|mln|bn))?(\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)$");



    /**
     * Each number of a list the currency word closes is an amount of its own in that currency, with the last
     * one's scale when it has none ("5 and 10 million tenge"); a year is never one ("in 2023 and 500 soms" is not).
     */
    static void listedBefore(String text, List<MoneyAmount> found) {
        List<MoneyAmount> added = null;
        for (int i = 0; i < found.size(); i++) {
            MoneyAmount m = found.get(i);
            if (m.amountMax() != null || m.text().isEmpty() || !Character.isDigit(m.text().charAt(0))) {
                continue; // only a suffixed amount ("300,000 soms") closes a list of bare numbers
            }
            int limit = i > 0 ? found.get(i - 1).end() : 0;
            MoneyAmount last = m;
            Matcher scaleOf = SCALE_WORD.matcher(m.text());
            String scale = scaleOf.find() ? scaleOf.group(1) : null;
            for (int items = 0; items < 4; items++) {
                int from = Math.min(last.start(), Math.max(limit, last.start() - 40)); // mentions may overlap
                Matcher listed = LISTED_NUMBER.matcher(text).region(from, last.start());
                if (!listed.find() || listed.end() != last.start() || listed.group(1).length() == 4
                        && YEAR.matcher(listed.group(1)).matches()
                        || listed.group(1).indexOf(',') < 0 && listed.group(2) == null
                        && NAMED_NUMBER_BEFORE.matcher(text).region(Math.max(0, listed.start() - 16), listed.start()).find()
                        || MONTH_BEFORE.matcher(text).region(Math.max(0, listed.start() - 10), listed.start()).find()) {
                    break;
                }
                boolean writtenOut = listed.group(1).indexOf(',') > 0;
                double amount = amount(listed.group(1), listed.group(2) != null ? listed.group(2) : writtenOut ? null : scale);
                if (amount <= 0 || amount * 100 < m.amount() || amount > m.amount() * 100) {
                    break; // "Part 3 and 5,000 soms": not one list
                }
                MoneyAmount item = new MoneyAmount(text.substring(listed.start(), listed.start(3)), m.field(), listed.start(),
                        listed.start(3), amount, m.currency(), null, null, m.kind(), m.unit());
                if (added == null) {
                    added = new ArrayList<>();
                }
                added.add(item);
                last = item;
            }
        }
        if (added != null) {
            found.addAll(added);
            found.sort(Comparator.comparingInt(MoneyAmount::start));
        }
    }
}
