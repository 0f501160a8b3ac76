package dev.caravan.enrich.money;

import dev.caravan.schema.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups money mentions into facts, each amount once: "600 billion tenge (US$1.2 billion)" is one
 * fact with an equivalent, and the same amount stated again (in the title and the body, or twice in
 * the body, in either currency of a pair) is a further mention of that fact. Totals count facts.
 */
public final class MoneyFacts {

    /** A qualifier right before an equivalent: "(about $3.1 million)", "(~$2 billion)". */
    private static final String EQUIVALENT_QUALIFIER = "(?:about|approximately|approx\\.|around|roughly|nearly|some|over|almost|"
            + "more than|under|less than|just over|just under|~|\u2248)?";
    /** What may stand between an amount and its equivalent: brackets, "or about", "equivalent to". */
    private static final Pattern EQUIVALENT_GAP = Pattern.compile("(?i)^\\s*[(\\[,;:/\u2013\u2014-]?\\s*"
            + "(?:(?:or|i\\.e\\.|that is|which is|(?:the )?equivalent (?:to|of)|equal to|equals to|equals|about|approximately|approx\\.|"
            + "around|roughly|amounting to|or some|"
            + "nearly|some|over|almost|more than|worth|at|an estimated|estimated at)\\s+)*[(\\[]?\\s*"
            + EQUIVALENT_QUALIFIER + "\\s*$"
            + "|^\\s*(?:in|by|for|of|until)\\s+(?:19|20)\\d\\d\\s*[(\\[]\\s*$" // "300 trillion soums in 2025 ($23.2 billion)"
            + "|^\\s+(?:grant|loan|credit|deal|fund|budget|investment|contract|fine|bribe)\\s*[(\\[]\\s*$" // "a 150 million tenge grant (€0.5 million)"
            // "25.5 trillion soums in deficit (approximately $2 billion ...)", "4.3 billion soms in damages ($49 million)"
            + "|^\\s+(?:in|of|as)\\s+(?!(?:and|or|to|from|than|per|an?|the|each|every|total|all)\\b)[a-z]{3,}\\s*[(\\[]\\s*"
            + EQUIVALENT_QUALIFIER + "\\s*$"
            // "$441 million in dividends, more than 38 billion soms": a qualified restatement after the amount's noun
            // "10,422,000 manats there, equivalent to 6,131,000 US dollars"
            + "|^\\s+(?:(?:in|of|as)\\s+)?[a-z]{3,}\\s*,\\s*(?:or\\s+)?(?:about|approximately|around|roughly|nearly|some|almost|more than|over"
            + "|equivalent to|the equivalent of)\\s+$"
            // "601 billion UZS for the Paris cycle, or approximately $50.55 million"
            + "|^\\s+(?:for|in|on|from)\\s+(?:the\\s+)?[\\p{L}\\d' -]{1,24}?,\\s*or\\s+(?:about|approximately|around|roughly|nearly|some|almost)?\\s*$");
    private static final int MAX_GAP = 40;
    /**
     * A repeat states the same figure: "$23.1 billion" and "$23.2 billion" are two amounts (deposits
     * and a forecast), so only the float noise of scaling ("1.5 billion", "1,500 million") is allowed.
     */
    private static final double SAME_AMOUNT = 1e-9;

    /**
     * One amount of an article.
     *
     * @param mentions indices into the mention list given to {@link #group}
     */
    public record Fact(MoneyAmount first, MoneyAmount equivalent, List<Integer> mentions) {
    }

    private MoneyFacts() {
    }

    /** @param mentions the title's mentions, then the body's, each in text order */
    public static List<Fact> group(List<MoneyAmount> mentions, String title, String body) {
        mentions = headlinePrices(headlinesRounded(mentions));
        List<MoneyAmount> firsts = new ArrayList<>();
        List<MoneyAmount> equivalents = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            MoneyAmount m = mentions.get(i);
            String text = m.field() == TextField.TITLE ? title : body;
            int listed = parallelList(mentions, i, text);
            if (listed > 0) {
                // "400,000 and 300,000 soms ($4,574 and $3,430)": each amount with the equivalent in its place
                for (int j = 0; j < listed; j++) {
                    MoneyAmount amount = mentions.get(i + j);
                    MoneyAmount itsEquivalent = mentions.get(i + listed + j);
                    int known = find(firsts, equivalents, amount, itsEquivalent, title, body);
                    if (known < 0) {
                        firsts.add(amount);
                        equivalents.add(itsEquivalent);
                        members.add(new ArrayList<>());
                        known = firsts.size() - 1;
                    } else if (equivalents.get(known) == null) {
                        // stated alone before, with its equivalent in the list
                        equivalents.set(known, itsEquivalent.currency().equals(firsts.get(known).currency()) ? amount : itsEquivalent);
                    }
                    members.get(known).add(i + j);
                    members.get(known).add(i + listed + j);
                }
                i += 2 * listed - 1;
                continue;
            }
            if (isBracketedRange(mentions, i, text)) {
                // "fined from 100 manat ($58.8) to 200 manat ($117.6)": one range, in both currencies
                MoneyAmount high = mentions.get(i + 2);
                firsts.add(range(m, high, text));
                equivalents.add(range(mentions.get(i + 1), mentions.get(i + 3), text));
                members.add(new ArrayList<>(List.of(i, i + 1, i + 2, i + 3)));
                i += 3;
                continue;
            }
            MoneyAmount next = i + 1 < mentions.size() ? mentions.get(i + 1) : null;
            MoneyAmount equivalent = next != null && isEquivalent(m, next, text) ? next : null;
            int fact = find(firsts, equivalents, m, equivalent, title, body);
            if (fact < 0 && m.kind() == MoneyAmount.Kind.RANGE && equivalent == null) {
                fact = headlineEndOf(firsts, equivalents, m);
                if (fact >= 0) {
                    firsts.set(fact, m); // "up to 220 million soms" in the headline, "between 150 and 220 million soms" in the body
                }
            }
            boolean repeat = fact >= 0;
            if (!repeat) {
                firsts.add(m);
                equivalents.add(equivalent);
                members.add(new ArrayList<>());
                fact = firsts.size() - 1;
            } else if (m.kind() == MoneyAmount.Kind.PRICE && firsts.get(fact).kind() == MoneyAmount.Kind.AMOUNT) {
                // the amount stated again as a price ("500 tenge" in the headline, "a 500-tenge fare" in the body) is that price
                MoneyAmount f = firsts.get(fact);
                firsts.set(fact, new MoneyAmount(f.text(), f.field(), f.start(), f.end(), f.amount(), f.currency(), null,
                        f.qualifier(), MoneyAmount.Kind.PRICE, m.unit()));
            }
            if (repeat && equivalents.get(fact) == null && equivalent != null) {
                // a repeat that now states the amount in a second currency too
                equivalents.set(fact, equivalent.currency().equals(firsts.get(fact).currency()) ? m : equivalent);
            }
            members.get(fact).add(i);
            if (equivalent != null) {
                members.get(fact).add(++i);
                // "3.5 manat ($1 at the state rate or $0.18 at the black market rate)": a second equivalent
                if (i + 1 < mentions.size() && (isSecondEquivalent(equivalent, mentions.get(i + 1), text)
                        || m.kind() == MoneyAmount.Kind.RANGE && equivalent.amountMax() == null
                        && equivalent.currency().equals(mentions.get(i + 1).currency())
                        && listed(equivalent, mentions.get(i + 1), text))) {
                    // "5 million to 100 million soms (around $56,301 to $1.126 million)": the range's upper end restated too
                    members.get(fact).add(++i);
                }
            }
        }
        mergeEquivalentsStatedAlone(firsts, equivalents, members);
        List<Fact> facts = new ArrayList<>(firsts.size());
        for (int f = 0; f < firsts.size(); f++) {
            facts.add(new Fact(firsts.get(f), equivalents.get(f), List.copyOf(members.get(f))));
        }
        return facts;
    }

    /**
     * "assistance of 3.7 billion USD ... 26 billion yuan (3.7 billion USD)": an amount stated alone before the pair that
     * gives it as an equivalent is that pair's fact, not a second one.
     */
    private static void mergeEquivalentsStatedAlone(List<MoneyAmount> firsts, List<MoneyAmount> equivalents,
                                                    List<List<Integer>> members) {
        for (int f = 0; f < firsts.size(); f++) {
            MoneyAmount equivalent = equivalents.get(f);
            if (equivalent == null) {
                continue;
            }
            for (int g = firsts.size() - 1; g >= 0; g--) {
                if (g != f && equivalents.get(g) == null && firsts.get(g).kind() == firsts.get(f).kind() && same(firsts.get(g), equivalent)) {
                    members.get(f).addAll(members.get(g));
                    members.get(f).sort(null);
                    firsts.remove(g);
                    equivalents.remove(g);
                    members.remove(g);
                    if (g < f) {
                        f--;
                    }
                }
            }
        }
    }

    /** Between two amounts of a list: "and", "to", a comma; "$933 to $1,212" leaves the high end's symbol in the gap. */
    private static final Pattern LIST_GAP = Pattern.compile("(?i)^\\s*(?:,|,?\\s*and|or|to|;)\\s*(?:US\\$|\\$|\u20ac|\u00a3)?\\s*$");
    private static final Pattern LIST_BRACKET_OPEN = Pattern.compile("(?i)^\\s*[(\\[]\\s*(?:from\\s+)?" + EQUIVALENT_QUALIFIER + "\\s*$");
    private static final Pattern FROM_BEFORE = Pattern.compile("(?i)\\bfrom\\s+$");
    /** What a span of two amounts is: "fined from", "fees ranging from", "costs from". */
    private static final Pattern SPAN_BEFORE = Pattern.compile("(?i)\\b(?:fine[sd]?|penalt(?:y|ies)|ranging|ranges?|cost(?:s|ing)?|"
            + "priced|var(?:y|ies)|worth|salar(?:y|ies)|wages?|amounts?|amounting)\\b[^.;]{0,25}$");
    private static final Pattern BRACKET_CLOSE_TO = Pattern.compile("(?i)^\\s*[)\\]]\\s*to\\s*$");

    /**
     * The length of a list of amounts in one currency at {@code i} followed by a bracket that lists as many amounts in
     * another ("400,000 and 300,000 soms ($4,574 and $3,430)", "from 18 to 17.6 trillion soums (from $1.4 billion to
     * $1.3 billion)"), else 0.
     */
    private static int parallelList(List<MoneyAmount> mentions, int i, String text) {
        MoneyAmount first = mentions.get(i);
        int k = 1;
        while (i + k < mentions.size() && listed(mentions.get(i + k - 1), mentions.get(i + k), text)
                && mentions.get(i + k).currency().equals(first.currency())) {
            k++;
        }
        if (k < 2 || i + 2 * k > mentions.size()) {
            return 0;
        }
        MoneyAmount lastLocal = mentions.get(i + k - 1);
        MoneyAmount firstEquivalent = mentions.get(i + k);
        if (firstEquivalent.field() != first.field() || firstEquivalent.currency().equals(first.currency())
                || firstEquivalent.start() < lastLocal.end() || firstEquivalent.start() - lastLocal.end() > MAX_GAP
                || !LIST_BRACKET_OPEN.matcher(text.substring(lastLocal.end(), firstEquivalent.start())).matches()) {
            return 0;
        }
        for (int j = 1; j < k; j++) {
            MoneyAmount e = mentions.get(i + k + j);
            if (!e.currency().equals(firstEquivalent.currency()) || !listed(mentions.get(i + k + j - 1), e, text)) {
                return 0;
            }
        }
        return k;
    }

    private static boolean listed(MoneyAmount a, MoneyAmount b, String text) {
        return a.field() == b.field() && b.start() >= a.end() && b.start() - a.end() <= 8 && a.kind() == b.kind()
                && LIST_GAP.matcher(text.substring(a.end(), b.start())).matches();
    }

    /** "from 100 manat ($58.8) to 200 manat ($117.6)", not after a change ("rose from ... to ..."): two pairs that are one range. */
    private static boolean isBracketedRange(List<MoneyAmount> mentions, int i, String text) {
        if (i + 3 >= mentions.size()) {
            return false;
        }
        MoneyAmount low = mentions.get(i);
        MoneyAmount lowEquivalent = mentions.get(i + 1);
        MoneyAmount high = mentions.get(i + 2);
        MoneyAmount highEquivalent = mentions.get(i + 3);
        String before = text.substring(Math.max(0, low.start() - 40), low.start());
        return low.kind() != MoneyAmount.Kind.RANGE && high.kind() == low.kind() && high.field() == low.field()
                && highEquivalent.field() == low.field()
                && high.currency().equals(low.currency()) && highEquivalent.currency().equals(lowEquivalent.currency())
                && high.amount() > low.amount() && highEquivalent.amount() > lowEquivalent.amount()
                && FROM_BEFORE.matcher(before).find() && SPAN_BEFORE.matcher(before).find()
                && !MoneyExtractor.changeInClauseBefore(text, low.start())
                && isEquivalent(low, lowEquivalent, text) && isEquivalent(high, highEquivalent, text)
                && high.start() >= lowEquivalent.end()
                && BRACKET_CLOSE_TO.matcher(text.substring(lowEquivalent.end(), high.start())).matches();
    }

    private static MoneyAmount range(MoneyAmount low, MoneyAmount high, String text) {
        return new MoneyAmount(text.substring(low.start(), high.end()), low.field(), low.start(), high.end(), low.amount(),
                low.currency(), high.amount(), low.qualifier(),
                low.kind() == MoneyAmount.Kind.PRICE ? MoneyAmount.Kind.PRICE : MoneyAmount.Kind.RANGE, low.unit());
    }

    /**
     * "1 bln 125 mln tenge" in the headline, "1 bln 125 mln 900 thousand tenge" in the body: a headline
     * rounds the body's figure. A title amount no body amount repeats exactly, that is the one body amount
     * of its currency and kind rounded (or cut) to the title's last stated digit, takes that body figure.
     */
    private static List<MoneyAmount> headlinesRounded(List<MoneyAmount> mentions) {
        List<MoneyAmount> out = null;
        for (int t = 0; t < mentions.size() && mentions.get(t).field() == TextField.TITLE; t++) {
            MoneyAmount title = mentions.get(t);
            if (title.amountMax() != null || title.amount() < 1000 || title.amount() != Math.rint(title.amount())) {
                continue;
            }
            double step = Math.pow(10, trailingZeros((long) title.amount()));
            MoneyAmount rounded = null;
            int candidates = 0;
            for (MoneyAmount b : mentions) {
                if (b.field() != TextField.BODY || b.kind() != title.kind() || !b.currency().equals(title.currency())
                        || b.amountMax() != null) {
                    continue;
                }
                if (same(title, b)) {
                    candidates = -1;
                    break; // the body states the headline's figure itself
                }
                if ((Math.floor(b.amount() / step) * step == title.amount() || Math.rint(b.amount() / step) * step == title.amount())
                        && (rounded == null || !same(rounded, b))) { // the body may state its figure twice
                    rounded = b;
                    candidates++;
                }
            }
            if (candidates == 1) {
                if (out == null) {
                    out = new ArrayList<>(mentions);
                }
                out.set(t, new MoneyAmount(title.text(), title.field(), title.start(), title.end(), rounded.amount(),
                        title.currency(), null, title.qualifier(), title.kind(), title.unit()));
            }
        }
        return out == null ? mentions : out;
    }

    /** "Deputy calls for a 500 tenge bus fare" over "a 500-tenge bus fare": a headline amount that is a body's price is that price. */
    private static List<MoneyAmount> headlinePrices(List<MoneyAmount> mentions) {
        List<MoneyAmount> out = null;
        for (int t = 0; t < mentions.size() && mentions.get(t).field() == TextField.TITLE; t++) {
            MoneyAmount title = mentions.get(t);
            if (title.kind() != MoneyAmount.Kind.AMOUNT) {
                continue;
            }
            MoneyAmount price = null;
            boolean asAmount = false;
            for (MoneyAmount b : mentions) {
                if (b.field() == TextField.BODY && same(title, b) && b.amountMax() == null) {
                    asAmount |= b.kind() == MoneyAmount.Kind.AMOUNT;
                    price = b.kind() == MoneyAmount.Kind.PRICE ? b : price;
                }
            }
            if (price != null && !asAmount) {
                if (out == null) {
                    out = new ArrayList<>(mentions);
                }
                out.set(t, new MoneyAmount(title.text(), title.field(), title.start(), title.end(), title.amount(), title.currency(),
                        null, title.qualifier(), MoneyAmount.Kind.PRICE, price.unit()));
            }
        }
        return out == null ? mentions : out;
    }

    private static int trailingZeros(long value) {
        int zeros = 0;
        while (value != 0 && value % 10 == 0) {
            value /= 10;
            zeros++;
        }
        return zeros;
    }

    /** The headline amount (no equivalent) that states one end of the range {@code range}, or -1. */
    private static int headlineEndOf(List<MoneyAmount> firsts, List<MoneyAmount> equivalents, MoneyAmount range) {
        for (int f = 0; f < firsts.size(); f++) {
            MoneyAmount first = firsts.get(f);
            if (first.field() == TextField.TITLE && range.field() == TextField.BODY && first.kind() == MoneyAmount.Kind.AMOUNT
                    && equivalents.get(f) == null && first.currency().equals(range.currency())
                    && (first.amount() == range.amount() || range.amountMax() != null && first.amount() == range.amountMax())) {
                return f;
            }
        }
        return -1;
    }

    /** The fact {@code m} (with its {@code equivalent}, if any) states again, or -1. */
    private static int find(List<MoneyAmount> firsts, List<MoneyAmount> equivalents, MoneyAmount m, MoneyAmount equivalent,
                            String title, String body) {
        for (int f = 0; f < firsts.size(); f++) {
            MoneyAmount first = firsts.get(f);
            MoneyAmount known = equivalents.get(f);
            // "will cost 9.00 somonis" ... "will reach 9.00 somonis": one price; but a fine, prize or wage of the same figure
            // is an amount of its own ("one index equals 75 somonis" ... "a fine of 1 index (75 somonis)")
            boolean priceAndAmount = first.kind() != m.kind() && first.kind() != MoneyAmount.Kind.RANGE
                    && m.kind() != MoneyAmount.Kind.RANGE && !namedSum(first.kind() == MoneyAmount.Kind.AMOUNT ? first : m, title, body);
            if (first.kind() != m.kind() && !priceAndAmount
                    || first.kind() == m.kind() && m.kind() == MoneyAmount.Kind.PRICE && first.field() == m.field()) {
                continue; // a price list may state one price for two goods: only a headline restates a price
            }
            if (!(same(first, m) || known != null && same(known, m) || equivalent != null && (same(first, equivalent)
                    || known != null && same(known, equivalent)))) {
                continue;
            }
            if (equivalent == null || known == null || agree(first, known, m, equivalent)) {
                return f;
            }
        }
        return -1;
    }

    private static final Pattern SUM_NAMED_BEFORE = Pattern.compile("(?i)\\b(?:fines?|fined|penalt(?:y|ies)|prizes?|awards?|bonus(?:es)?|"
            + "salar(?:y|ies)|wages?|pensions?|allowances?|shared|total|budget|fund|grants?|loans?|place|medal(?:s|ists?)?|index(?:es)?|indexes)\\b");

    /** The clause before {@code a} names what kind of sum it is (a fine, a prize, a wage, a total). */
    private static boolean namedSum(MoneyAmount a, String title, String body) {
        String text = a.field() == TextField.TITLE ? title : body;
        String before = text.substring(Math.max(0, a.start() - 80), a.start());
        int cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf(';'));
        return SUM_NAMED_BEFORE.matcher(cut >= 0 ? before.substring(cut) : before).find();
    }

    /** Two pairs state one fact only if both their figures match: "295.9 trillion soums ($23.1 billion)" is not "300 trillion soums ($23.1 billion)". */
    private static boolean agree(MoneyAmount first, MoneyAmount known, MoneyAmount m, MoneyAmount equivalent) {
        return same(first, m) && same(known, equivalent) || same(first, equivalent) && same(known, m);
    }

    private static boolean same(MoneyAmount a, MoneyAmount b) {
        if (!a.currency().equals(b.currency())) {
            return false;
        }
        double larger = Math.max(Math.abs(a.amount()), Math.abs(b.amount()));
        return larger == 0 ? a.amount() == b.amount() : Math.abs(a.amount() - b.amount()) <= SAME_AMOUNT * larger;
    }

    /**
     * {@code b} restates {@code a} in another currency right after it: "X tenge ($Y)", "$Y (X soms)", "X KZT,
     * or about $Y"; a price's equivalent is a price too ("197 tenge (US$0.46) per liter").
     */
    static boolean isEquivalent(MoneyAmount a, MoneyAmount b, String text) {
        return a.field() == b.field() && !a.currency().equals(b.currency()) && b.start() >= a.end()
                && b.start() - a.end() <= MAX_GAP
                // the kinds agree, or the equivalent is bracketed right after the amount it restates ("11,226 som
                // (around $128)", whatever a context word made of the bracket alone)
                && ((a.kind() != MoneyAmount.Kind.PRICE) == (b.kind() != MoneyAmount.Kind.PRICE)
                || BRACKET_OPEN.matcher(text.substring(a.end(), b.start())).matches()
                || SAID_EQUIVALENT.matcher(text.substring(a.end(), b.start())).matches()) // "US$265, which is over 112,000 tenge,"
                && isEquivalenceGap(a.kind() == MoneyAmount.Kind.PRICE
                ? PRICE_UNIT.matcher(text.substring(a.end(), b.start())).replaceFirst("")
                : PERIOD.matcher(text.substring(a.end(), b.start())).replaceFirst("")); // "428,000 soums per month ($33,8)"
    }

    private static final Pattern SAID_EQUIVALENT = Pattern.compile("(?i)^\\s*[,(\\[]?\\s*(?:which is|that is|i\\.e\\.|or|equivalent to|the "
            + "equivalent of|equal to)\\s+" + EQUIVALENT_QUALIFIER + "\\s*$");
    private static final Pattern BRACKET_OPEN = Pattern.compile("\\s*\\(\\s*" + EQUIVALENT_QUALIFIER + "\\s*");
    /** "37,600 tenge per ton ($203)": a price's unit may stand before its equivalent. */
    private static final Pattern PRICE_UNIT = Pattern.compile("^\\s*(?:per|a|/)\\s*[A-Za-z-]+(?: [A-Za-z-]+)?(?=\\s*\\()");
    private static final Pattern PERIOD = Pattern.compile("^\\s*(?:per|a|each) (?:month|year|day|week)(?=\\s*\\()");
    private static final Pattern OR_IN_BRACKET = Pattern.compile("^[^()]{0,40}\\bor\\s+$");

    private static boolean isSecondEquivalent(MoneyAmount equivalent, MoneyAmount next, String text) {
        return next.field() == equivalent.field() && next.currency().equals(equivalent.currency())
                && next.start() >= equivalent.end() && OR_IN_BRACKET.matcher(text.substring(equivalent.end(), next.start())).matches();
    }

    private static final Pattern US_BEFORE_SYMBOL = Pattern.compile("\\s(?:US|U\\.S\\.)\\s?$");

    /** A bracket or a word such as "or about" between them; a bare comma is a list ("X tenge, Y soms"). */
    private static boolean isEquivalenceGap(String gap) {
        gap = US_BEFORE_SYMBOL.matcher(gap).replaceFirst(" "); // "(equivalent to US $3 billion)"
        String stripped = gap.strip();
        return EQUIVALENT_GAP.matcher(gap).matches() && (stripped.indexOf('(') >= 0 || stripped.indexOf('[') >= 0
                || stripped.chars().anyMatch(Character::isLetter) || stripped.contains("~") || stripped.contains("≈")
                || stripped.equals("/")); // "600 million tenge / $1.2 million"
    }
}
