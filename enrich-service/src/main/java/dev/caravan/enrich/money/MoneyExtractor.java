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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money in text and normalises it to an amount and an ISO 4217 code: "1.5 billion tenge",
 * "US$3.1 million", "$10,000", "KZT 2.3bn", "5 million soums", "€2 million". Currency words come
 * from the gazetteer's CURRENCY entries, so editors extend both at once.
 */
public final class MoneyExtractor {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("US$", "USD"), Map.entry("U$", "USD"),
            Map.entry("$", "USD"), Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("₸", "KZT"), Map.entry("₽", "RUB"),
            Map.entry("¥", "CNY"), Map.entry("U.S. dlrs", "USD"), Map.entry("US dlrs", "USD"), // "at a cost of U.S. dlrs 370,000"
            // "T1.4 thousand per kg" as Kazakh business press writes tenge (only with a scale word), "Dh3.67 billion",
            // "$US155 million" as Australian papers write dollars
            Map.entry("T", "KZT"), Map.entry("Dh", "AED"), Map.entry("$US", "USD"));
    /** At most 15 digits before the point and 6 after: a longer run of digits is no amount of money. */
    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3}){1,4}(?:\\.\\d{1,6})?"
            // "1 500 000 tenge", "12 000 soums": thousands grouped by spaces, as translated Russian-language news writes them
            + "|(?<![/\u2013-])\\d{1,3}(?:[ \u00a0\u202f]\\d{3}){1,4}(?:[,.]\\d{1,2})?(?![ \u00a0\u202f]?\\d)" // not "AI-92/93 108 tenge"
            // "1,5 billion tenge", "44,2 soms": a decimal comma (two digits at most after it, so no thousands)
            + "|\\d{1,3},\\d{1,2}(?!\\d)"
            // "TJS 5,0850", "0,1432": four or more digits after a comma are decimals too (a rate), never thousands
            + "|\\d{1,3},\\d{4,6}(?!\\d)"
            + "|\\d{1,15}(?:\\.\\d{1,6})?)(?!\\d|[,.]\\d)";
    /** "$2-3 billion", "2 to 3 million tenge": the upper end of a range, written before the scale. */
    private static final String RANGE_END = "(?:(?:\\s?(?:-|\u2013|to)\\s?|(?<=\\bbetween [\\d.,]{1,24})\\s+and\\s+)(?:US\\$|\\$)?"
            + NUMBER + ")?";
    static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
    /** Scale words in any case ("$4.2 Billion"), and hyphenated ("a 6-billion-som loan"); "m" and "k" lower case only. */
    private static final String SCALE = "(?:[\\s-]*((?i:trillions?|billions?|millions?|thousands?|trln|trn|trl|tln|tn|bln|bn|mln|mn)|m|k|M|Mn|(?<=\\d)[bB])"
            + "(?:\\b|(?=\\d)))?"; // "1trln56bln"
    /** Smaller scales after the first: "14 billion 352 million", "124 billion 299 million 117.6 thousand", "1trln56bln". */
    private static final String COMPOUND = "(?:\\s*\\d{1,3}(?:\\.\\d{1,4})?\\s*(?i:billion|bln|million|mln|thousand)\\b){0,2}"
            + "(?:(?<=(?i:thousand))\\s\\d{1,3}(?![\\d.,]))?" // "2 million 903 thousand 500 soms": the units after the thousands
            + "(?:(?<=(?i:million))\\s\\d{1,3},\\d{3}(?![\\d.,]))?"; // "1 million 50,000 soums"
    private static final Pattern THOUSANDS_AFTER_MILLIONS = Pattern.compile("(?i)million\\s(\\d{1,3}),(\\d{3})(?![\\d.,])");
    private static final Pattern UNITS_AFTER_THOUSANDS = Pattern.compile("(?i)thousand\\s(\\d{1,3})(?![\\d.,])");
    private static final Pattern COMPOUND_PARTS = Pattern.compile("(?i)(?:trillion|trln|billion|bln|million|mln)\\s*"
            + "(\\d{1,3}(?:\\.\\d{1,4})?)\\s*(billion|bln|million|mln|thousand)\\b");
    /** "$2,350 billion", "1,686 billion soms": one digit, a comma and three before billions is a decimal comma. */
    /** A number written with its thousands: "300,000", "1 500 000". */
    private static final Pattern WRITTEN_OUT = Pattern.compile("\\d[, \u00a0\u202f]\\d{3}(?!\\d)|\\d{4,}");
    private static final Pattern DECIMAL_COMMA_BILLIONS = Pattern.compile("\\d,\\d{3}");
    /** "a fare of 1,400 soums", "fares go up by 200 soums", "the exchange rate reached 12,625 som": prices, not sums. */
    private static final Pattern PRICE_CONTEXT = Pattern.compile(
            "(?i)\\b(fares?|tickets?|tariffs?|exchange rates?|tuition)\\b(?:[^.;:]|(?<=\\d)\\.(?=\\d)){0,100}$");
    /** "handed each player $1,000", "every worker must contribute 100 manat": an amount per head. */
    private static final Pattern PER_HOLDER = Pattern.compile(
            "(?i)\\b(?:each|every)\\s+(?!(?:year|month|day|week|quarter|time|season|other|of)\\b)((?:(?:state|government|public|civil|foreign|local|school|family)\\s+)?[a-z]+)"
                    + "\\b[^.;:$]{0,40}$");
    /** "a ride will cost 1,400 soums", "a loaf now sells for 3,000 soums": the price of one item. */
    private static final Pattern PRICED_ITEM = Pattern.compile(
            "(?i)\\b(?:(?:an?|one|1|per|each|single)\\s+(?:troy\\s+|metric\\s+)?(?:[\\d.]+-gram\\s+)?(?:gold\\s+|silver\\s+)?"
                    + "|the\\s+[\\d.]+-gram\\s+(?:gold\\s+)?)" // "an ounce fell below $4,900", "the 10-gram bar slid from"
                    + "(ride|trip|journey|loaf|kilogram|kilo|kg|liter|litre|bottle|pack|dose|night|"
                    + "meal|visit|lesson|seat|square met(?:er|re)|cubic met(?:er|re)|kilowatt[- ]hour|kWh|ounce|ton|tonne|barrel|"
                    + "gram|share|bar|coin|minute)\\b(?:[^.;:]|(?<=\\d)\\.(?=\\d)){0,90}$"); // "a liter of LNG is quoted at 6.20, 6.30 and 8.40 somonis"
    /** "the U.S. dollar slipped from 12,885 som", "with the euro at 520 tenge": an exchange rate. */
    private static final Pattern RATE_CONTEXT = Pattern.compile(
            "(?i)\\b((?:U\\.S\\.\\s|US\\s|American\\s)?(?:dollar|euro|ruble|rouble|yuan|currency))\\b(?:[^.;$]|(?<=\\d)\\.(?=\\d)){0,70}?\\b"
                    + "(?:from|to|at|for|by|reached|hit|averaged|averaging|cost|costs|stood at|traded at|was quoted at|gained|lost|"
                    + "added|shed)\\s+(?:(?:about|around|some|nearly|almost|roughly|approximately|at most|at least|up to|over|under|"
                    + "more than|less than|just over|just under) )?$");
    private static final Pattern SQUARE_METRE_BEFORE = Pattern.compile("(?i)\\b(?:an?|one|1|per|each)\\s+(?:square met(?:er|re)|sq\\.?\\s?m)\\b"
            + "(?:[^.;:]|(?<=\\d)\\.(?=\\d)){0,60}$");
    /** "bars weighing 5 grams (5.808 million sums)", "a 5-gram gold bar now costs 3.9 million soums": a bar's price, scaled or not. */
    private static final Pattern WEIGHED_BAR_BEFORE = Pattern.compile("(?i)(?:\\b(\\d+(?:\\.\\d+)?-gram)\\s+(?:gold\\s+|silver\\s+)?(?:bars?|coins?)\\b"
            + "(?:[^.;$]|(?<=\\d)\\.(?=\\d)){0,40}|\\bbars? weighing (?:[^.;$]{0,60}\\b)?(\\d+(?:\\.\\d+)? grams) \\()$");
    private static final Pattern WORTH_IN_ALL = Pattern.compile("(?i)\\b(?:worth|total(?:ling|ing|led|ed)?|in all|altogether|amounted to)\\b");
    /** "4 pence per share ..., a cash payment of 848,470 pounds": a sum after a price is no further price. */
    private static final Pattern SUM_WORDS = Pattern.compile("(?i)\\b(?:payments?|total(?:ling|ing)?|sum|in all|altogether|worth|budget|fund)\\b");
    private static final Pattern SHARE_PRICE_BEFORE = Pattern.compile("(?i)\\b(?:shares?|stock|GDRs?|they)\\b[^.;$]{0,40}\\b(?:closed|traded|"
            + "opened|ended|finished|were priced|was priced|priced|trading)\\b(?: [a-z]+)?\\s+(?:at|between|of)\\s+(?:about\\s+|around\\s+)?$");
    /** A rate named as such, its value further off than {@link #RATE_CONTEXT} looks. */
    private static final Pattern NAMED_RATE = Pattern.compile("(?i)\\b((?:dollar|euro|ruble|rouble|yuan|exchange|official|market|"
            + "purchase|selling|buying|weighted average) rates?)\\b(?:[^;$%]|(?<=\\d)\\.(?=\\d)){0,130}?\\b(?:came to|was|is|stood at|"
            + "reached|amounted to|at|to|of|hit|averaged|set at|equalled|equaled)\\s+(?:(?:about|around|nearly|almost|over|"
            + "just over|just under) )?$");
    /**
     * After a price, "... to 1,400 soums", "up from 1,200 soums", "will cost 1,400 soums", "100 manat for
     * care and 30 manat for weeding", "1,600 soums, a transfer 400 soums": the same price changing, or the
     * next in a list of prices.
     */
    private static final Pattern PRICE_FOLLOWS = Pattern.compile(
            "(?i)^(?:[^.;]|(?<=\\d)\\.(?=\\d)){0,60}\\b(?:to|from|than|instead of|against|cost|costs|and|or|at|for)\\s+$|^,\\s[^.;]{0,60}$"
            // "1,500 manats; from October 15 to November 15, 1,430 manats; and ...": a list of prices by period
            + "|^\\s*;?\\s*(?:and\\s+)?(?:(?:from|to|until|till|after|before|since|in|on|by|through)\\s+[^.;,]{1,40}?\\s*)+,\\s*(?:and\\s+)?$");
    /** "3.5 manat ($1 at the state rate", "49,500 soms (up by 1,500 soms)": the bracket after a price speaks of it. */
    private static final Pattern BRACKET_AFTER = Pattern.compile("(?i)^\\s*(?:(?:per|a|/)\\s*[a-z-]+(?: [a-z-]+)?\\s*)?"
            + "\\((?:up|down|now|was|previously|before)?\\s*(?:by|to|from)?\\s*$");
    /** "1 US dollar – 10,270.08 soums", "1 ruble will sell for 145.75 soums": the one unit an exchange rate is of. */
    private static final Pattern RATE_UNIT_GAP = Pattern.compile("(?i)^\\s*(?:now\\s+)?(?:[=\u2013\u2014:-]|equals|is equal to|(?:is|was) worth|is about|is|was|costs|"
            + "(?:will |to )?(?:sell|cost)(?: for)?|sells? for|buys|for|at)\\s*$");
    /** "bonds with a nominal value of 1,000 tenge", "a face value of KZT 1,000": the price of one security. */
    private static final Pattern FACE_VALUE_BEFORE = Pattern.compile("(?i)\\b(?:nominal|face|par) value(?: of)?(?: each)?\\s*$");
    private static final Pattern PRICE_NOUN_AFTER = Pattern.compile("(?i)^\\s+(?:[a-z]+\\s+)?(fares?|tickets?|fees?|tariffs?)\\b");
    private static final Pattern FOR_A_MEDAL = Pattern.compile("(?i)^\\s+for (?:(?:an?|each|every) (?:Olympic )?(?:gold|silver|bronze)\\b"
            + "|(?:Olympic )?(?:gold|silver|bronze) medals?\\b)");
    /** Who a prize is paid to, one by one: "Olympic champions were paid", "the winner will receive a check for". */
    private static final Pattern PRIZE_WINNER_BEFORE = Pattern.compile("(?i)\\b(?:champions|(?:gold |silver |bronze )?medal+ists|"
            + "winners|runners-up|prize-winners|coaches|mentors|the (?:winner|runner-up)(?=(?: of [^.;,$\\d]{1,30})? will))\\b"
            + "(?:[^.;$\\d]|(?<=\\d)\\.(?=\\d)){0,50}$"); // "The winner of the marathon will receive a prize of"
    /** "the eight gold medalists shared $1.6 million", "a total prize pool of": a sum, not a prize each. */
    private static final Pattern TOTAL_BEFORE = Pattern.compile("(?i)\\b(?:shared|total|in all|altogether|combined|fund|pool|budget)\\b");
    private static final Pattern ONE_INDICATOR_BEFORE = Pattern.compile("(?i)\\b(?:one|1) (?:monthly )?(?:calculation |financial )?"
            + "(?:indicator|index|MCI|MRP|BHM)\\b[^.;\\d]{0,20}(?:equal to|equals(?: to)?|=|is)\\s+$"); // "1 MCI equals to 1731 tenge"
    private static final Pattern PRIZE_WORD = Pattern.compile("(?i)\\b(?:prize|received|receives|receive|awarded|rewarded|reward)\\b");
    private static final Pattern PLACE_PRIZE_BEFORE = Pattern.compile("(?i)\\b(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd)"
            + " place\\b[^.;$\\d]{0,30}$|\\b(?:second|third|fourth|fifth|sixth) with $"
            // "finished second and received", "took the bronze and"
            + "|\\b(?:finished|came|took|won|placed) (?:first|second|third|the (?:gold|silver|bronze))\\b[^.;$\\d]{0,25}$");
    private static final Pattern SCALED_LOW_END = Pattern.compile("(?i)\\b(from|between)\\s+(\\d{1,3}(?:[.,]\\d{1,3})?)\\s?"
            + "(trillion|billion|million|thousand|trln|bln|mln|bn|mn)\\s+(?:to|and|-|\u2013)\\s+$");
    private static final Pattern ONE_UNIT = Pattern.compile("\\b[Oo]ne (?:US |U\\.S\\. |American )?(manat|tenge|som|soum|sum|somoni|ruble|rouble|euro|dollar|lira|yuan)\\b");
    private static final Pattern DASH_GAP = Pattern.compile("\\s?[-\u2013]\\s?");
    private static final Pattern BETWEEN_BEFORE = Pattern.compile("(?i)\\bbetween\\s+$");
    private static final Pattern TO_GAP = Pattern.compile("\\s+to\\s+");
    private static final Pattern BARE_DIGITS = Pattern.compile("[\\d.,\\s]+");
    private static final Pattern SPAN_FROM_BEFORE = Pattern.compile("(?i)\\bfrom\\s+(?:about\\s+|around\\s+)?$");
    /** A clause that tells of a change: "rose by 7.56 percent in the half year, from X to Y" is two amounts. */
    private static final Pattern CHANGE_IN_CLAUSE = Pattern.compile("(?i)\\b(?:rose|risen|ris(?:e[sn]?|ing)|rais(?:e[sd]?|ing)|increas(?:e[sd]?|ing)|"
            + "grew|grow(?:s|n|ing)?|fell|fall(?:s|en|ing)?|dropp(?:ed|ing)|drops?|decreas(?:e[sd]?|ing)|cut|reduc(?:e[sd]?|ing)|"
            + "chang(?:e[sd]?|ing)|climb(?:s|ed|ing)?|jump(?:s|ed)?|lower(?:s|ed|ing)?|hik(?:e[sd]?|ing)|edg(?:e[sd]|ing)|"
            + "went|gone|doubl(?:e[sd]?|ing)|tripl(?:e[sd]?|ing)|up|down|indexed|adjusted|revised|slipped|shrank|expanded|"
            + "widened|narrowed|soared|plunged|surged|declined|dipped|higher|lower|lift(?:s|ed)?|boost(?:s|ed)?|br(?:ing|ought))\\b");
    private static final Pattern PER_ONE_GAP = Pattern.compile("(?i)^\\s*(?:to|per|for|=|against)\\s*$");
    private static final Pattern PLACE_BRACKET_BEFORE = Pattern.compile("\\p{Lu}[\\p{L}-]+(?: (?:village|city|town|district|region|"
            + "province|oblast))? \\($");
    private static final Set<String> HARD_CURRENCIES = Set.of("USD", "EUR", "GBP", "CHF");
    /** The bracketed equivalent between an amount and its unit: "197 tenge (US$0.46) per liter". */
    private static final Pattern BRACKETED = Pattern.compile("\\s*\\([^()]{1,30}\\)");
    /**
     * "AI-92 cost 109 tenge", "beef sells for 630 soms", "meat prices went up by 20-50 soms": a small
     * amount with no scale word, in a sentence about the price of goods, is a price.
     */
    private static final Pattern GOODS_CONTEXT = Pattern.compile("(?i)\\b(prices?|priced|costs|costing|(?:will|would|to|now|only|which) cost|sells?|sold|selling|bought|buys?|purchased|payment|fees?|fares?|"
            + "gasoline|petrol|diesel|fuel|AI-\\d\\d|flour|bread|meat|beef|lamb|mutton|pork|chicken|potatoes|onions|sugar|eggs|"
            + "milk|butter|rice|vegetables|fruit|apples|tomatoes|carrots|cigarettes|vodka|medicines?|caps?|ceiling|soap|"
            + "wheat|grain|barley|cotton|maize|corn|"
            + "\\d\\s?(?:kg|L))\\b(?:[^.;]|(?<=\\d)\\.(?=\\d)){0,90}$");
    /** Incomes and allowances: money a person gets, never a price even when "payment" or "cost" is near. */
    private static final Pattern INCOME_CONTEXT = Pattern.compile("(?i)\\b(?:wages?|salar(?:y|ies)|pensions?|allowances?|stipends?|"
            + "fined|fines?(?!-)|bribes?|penalt(?:y|ies)|" // "each was fined between 750,000 and 1,875,000 UZS": money, never a price
            + "benefits?|scholarships?|bonus(?:es)?|compensation|cost of living|calculation index|subsistence minimum)\\b");
    /** "0.4 somoni dearer", "9 tenge more than the previous cap": a change of a price. */
    private static final Pattern PRICE_CHANGE_AFTER = Pattern.compile(
            "(?i)\\s+(?:dearer|cheaper|more expensive|less expensive|(?:more|less) than the (?:previous|old|current) "
                    + "(?:cap|price|fare|tariff|rate))\\b");
    /** "345.75 tenge per $1": the "$1" is the unit of the price before it, not an amount. */
    private static final Pattern PER_BEFORE = Pattern.compile("(?i)(?:\\bper|/)\\s*$");
    static final Pattern SCALED = Pattern.compile("(?i)illion|\\b(?:trn|tn|bln|bn|mln|mn)\\b|\\d\\s?(?:m|k|bn)\\b");
    private static final Pattern QUALIFIER = Pattern.compile(
            "(?i)\\b(more than|less than|up to|at least|an estimated|approximately|about|around|roughly|nearly|almost|over|"
                    + "some|under|just over|just under)\\s+(?:US)?$");
    /**
     * "$2,000 per ton", "100 manat per employee", "345.75 tenge per $1", "$60 a barrel": a price, not an
     * amount to sum. Amounts per period ("US$8 million a year") are flows of money, not prices.
     */
    private static final Pattern PER_UNIT = Pattern.compile(
            "^(?:\\s*(?:per|/|for each|for every)\\s*)((?:1,?000 |100 |one thousand |1 )?(?:metric |troy |cubic |square )?(?!(?:year|month|day|week|annum|quarter|"
                    + "hour)\\b)(?:US\\$\\s?1(?!\\d|[.,]\\d)|\\$\\s?1(?!\\d|[.,]\\d)|[A-Za-z][A-Za-z-]*))|^\\s+(?:a|for a|for one|for 1)\\s+((?:metric |troy )?(?:ton|tonne|barrel|kilogram|kg|"
                    + "liter|litre|gram|ounce|unit|share|head|piece|person|ticket|night|square meter|square metre|cubic meter|"
                    + "cubic metre|kWh|kilowatt-hour|kilowatt|hectare|(?:US |U\\.S\\. |American )?dollar|euro|ruble|rouble|yuan))\\b");

    /** Numbers written as words, which news uses with a scale only: "five billion dollars", "half a million tenge". */
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", "1"), Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"),
            Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("twelve", "12"),
            Map.entry("fifteen", "15"), Map.entry("twenty", "20"), Map.entry("thirty", "30"), Map.entry("forty", "40"),
            Map.entry("fifty", "50"), Map.entry("a hundred", "100"), Map.entry("one hundred", "100"),
            Map.entry("half a", "0.5"), Map.entry("half", "0.5"), Map.entry("a quarter", "0.25"), Map.entry("quarter of a", "0.25"));

    /** A hundredth of a currency, as prices are quoted: "80 dirams", "50 tiyn", "30 kopecks". */
    private static final Map<String, String> SUBUNITS = Map.ofEntries(Map.entry("diram", "TJS"), Map.entry("dirams", "TJS"),
            Map.entry("tiyn", "KZT"), Map.entry("tiyns", "KZT"), Map.entry("tyiyn", "KGS"), Map.entry("tyiyns", "KGS"),
            Map.entry("tiyin", "UZS"), Map.entry("kopeck", "RUB"), Map.entry("kopecks", "RUB"), Map.entry("kopeks", "RUB"),
            // London-listed Kazakh miners are priced in pence: "780 British pence per share"
            Map.entry("pence", "GBP"), Map.entry("British pence", "GBP"), Map.entry("penny", "GBP"),
            // "13.5 tenge (9 cents)", "45 gapiks (26.4 cents)": US cents, and the Azerbaijani manat's hundredths
            Map.entry("cents", "USD"), Map.entry("cent", "USD"), Map.entry("U.S. cents", "USD"), Map.entry("US cents", "USD"),
            Map.entry("gapiks", "AZN"), Map.entry("gapik", "AZN"), Map.entry("qapiks", "AZN"), Map.entry("qepiks", "AZN"),
            Map.entry("qapik", "AZN"), Map.entry("qepik", "AZN"));

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
                // headlines capitalise every word: "1 Billion Tenge", "2.20 Somonis"
                for (String form : entry.surfaceForms()) {
                    if (Character.isLowerCase(form.charAt(0))) {
                        codeByWord.putIfAbsent(Character.toUpperCase(form.charAt(0)) + form.substring(1), entry.name());
                    }
                    if (form.indexOf(' ') > 0) {
                        codeByWord.putIfAbsent(titleCase(form), entry.name()); // "307,000,000 Japanese Yen"
                    }
                }
            }
        }
        SUBUNITS.forEach(codeByWord::putIfAbsent);
        // not in the gazetteer: "sum" is an English word; after a number it is the Uzbek currency ("1,000 sums")
        codeByWord.putIfAbsent("sums", "UZS");
        codeByWord.putIfAbsent("sum", "UZS");
        // "2.5 billion pounds" in trade: sterling, but "25 million pounds of U3O8" is a weight (POUNDS_OF_WEIGHT, in extract)
        codeByWord.putIfAbsent("pounds", "GBP");
        codeByWord.putIfAbsent("won", "KRW"); // "10 billion won"; only after a scale word ("the team won 3 medals" is none)
        String words = alternation(new ArrayList<>(codeByWord.keySet()));
        String symbols = alternation(new ArrayList<>(SYMBOLS.keySet()));
        String codes = alternation(new ArrayList<>(codeByWord.values().stream().distinct().toList()));
        // "$10,000", "US$3.1 million", "KZT 2.3bn": symbols and ISO codes only, words do not precede numbers
        // "¥55.9 million yen": a currency word after a symbol's amount says it again
        prefixed = Pattern.compile("(?<![\\w$])(" + symbols + "|\\b(?:" + codes + "))\\s?" + NUMBER + RANGE_END + SCALE
                + COMPOUND + "(?:[\\s-]+(?:" + words + ")\\b)?"); // "KGS 11 billion 389.9 million"
        // "600 million tenge", "5 million soums", "1.5 billion KZT"
        // "10,270.08 (+7.21) soums": the day's change may stand between the rate and its currency
        suffixed = Pattern.compile("(?<![\\w.,])" + NUMBER + RANGE_END + SCALE + "(?:(?<=[a-z])\\.)?" // "90 mln. AZN"
                + COMPOUND + "(?:\\s?\\([+\u2212-]\\s?[\\d.,]{1,12}\\))?"
                + "[\\s-]+(?:of\\s+)?(" + words + ")\\b");
        // "a half-million dollar bribe", "almost a quarter billion USD"
        spelled = Pattern.compile("(?i:\\b(" + alternation(new ArrayList<>(NUMBER_WORDS.keySet()))
                + "))[\\s-]+((?i:trillion|billion|million|thousand))[\\s-]+(?:of\\s+)?(" + words + ")\\b");
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
            if (code != null && !yearAfterAmount(text, m) && !(m.group(1).equals("T") && m.group(4) == null)) {
                add(found, text, field, m, code, 2, null);
            }
        }
        Matcher s = anchoredMatcher(suffixed, text);
        for (int at = 0; (at = nextSuffixed(s, text, at)) >= 0; at = s.end()) {
            String code = currencyOf(s.group(4));
            boolean overlaps = found.stream().anyMatch(f -> f.start() < s.end() && s.start() < f.end());
            boolean weight = s.group(4).equals("pounds") && (POUNDS_OF_WEIGHT.matcher(text).region(s.end(),
                    Math.min(text.length(), s.end() + 16)).lookingAt() || WEIGHT_BEFORE.matcher(text).region(Math.max(0, s.start() - 24),
                    s.start()).find()); // "25 million pounds of U3O8", "(1 kilogram = 2.2 pounds)"
            if (code != null && !overlaps && !weight && !(s.group(4).equals("won") && s.group(3) == null)) {
                add(found, text, field, s, code, 1, s.group(4));
            }
        }
        spelledOut(text, field, found);
        ratios(text, field, found);
        found.sort(Comparator.comparingInt(MoneyAmount::start));
        bareScaled(text, field, found);
        AmountLists.withSubunitsAfter(text, found);
        List<MoneyAmount> refined = refine(text, found);
        AmountLists.listedBefore(text, refined);
        AmountLists.scaledListAfter(text, refined);
        AmountLists.barePricesAfter(text, refined);
        pricedLikeAnEarlierPrice(text, refined);
        return refined;
    }

    private static final Pattern POUNDS_OF_WEIGHT = Pattern.compile("(?i)\\s+(?:of\\b|U3O8|uranium)");
    private static final Pattern WEIGHT_BEFORE = Pattern.compile("(?i)\\b(?:kilograms?|kg|tons?|tonnes?|weigh\\w*)\\s*(?:=|is|equals)?\\s*$");

    /**
     * "Residential customers will pay 35.36 dirams per 1 kWh instead of 30.75 dirams. Pump stations will pay 12.27 dirams,
     * up from 9.2 dirams": in a paragraph that prices a unit, a later unscaled amount in that currency, written with decimals
     * as the price is and of its size, prices that unit too, unless its clause says it is a sum (a fine, a wage, a total).
     */
    private static void pricedLikeAnEarlierPrice(String text, List<MoneyAmount> found) {
        MoneyAmount unitPrice = null;
        for (int i = 0; i < found.size(); i++) {
            MoneyAmount m = found.get(i);
            if (m.kind() == MoneyAmount.Kind.PRICE && m.unit() != null && m.text().indexOf('.') > 0 && !SCALED.matcher(m.text()).find()) {
                unitPrice = m;
                continue;
            }
            if (unitPrice == null || m.kind() == MoneyAmount.Kind.PRICE || m.field() != unitPrice.field()
                    || !m.currency().equals(unitPrice.currency()) || m.text().indexOf('.') < 0 || SCALED.matcher(m.text()).find()
                    || m.amount() > unitPrice.amount() * 20 || m.amount() * 20 < unitPrice.amount() || m.start() < unitPrice.end()
                    || newlineBetween(text, unitPrice.end(), m.start())) {
                continue;
            }
            String before = clause(text.substring(Math.max(0, m.start() - 110), m.start()));
            MoneyAmount amount = m;
            boolean restated = found.subList(0, i).stream().anyMatch(p -> p.kind() == MoneyAmount.Kind.PRICE
                    && p.currency().equals(amount.currency()) && p.amount() == amount.amount());
            if (restated || INCOME_CONTEXT.matcher(before).find() || SUM_WORDS.matcher(before).find()) {
                continue; // a price said again stays one fact (MoneyFacts joins an amount to the price it repeats)
            }
            found.set(i, new MoneyAmount(m.text(), m.field(), m.start(), m.end(), m.amount(), m.currency(), m.amountMax(),
                    m.qualifier(), MoneyAmount.Kind.PRICE, unitPrice.unit()));
        }
    }

    static final Pattern SCALE_WORD = Pattern.compile("(?i)(trillion|billion|million|thousand|trln|bln|mln|bn)");
    /** "until November 15, 1,430 manats": a day of a month is no amount. */
    static final Pattern MONTH_BEFORE = Pattern.compile("(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s$");

    /** A scaled number with no currency of its own, the word after it not a thing counted ("people", "tons"). */
    private static final Pattern BARE_SCALED = Pattern.compile("(?<![\\w.,$\u20ac\u00a3\u20b8\u20bd])(\\d{1,3}(?:[.,]\\d{1,3})?)\\s?"
            + "(trillion|billion|million|trln|bln|mln|bn)(?=\\s*[.,;)]|\\s+(?:in|and|or|last|earlier|previously|before|a year|"
            + "from|to|for|of (?:that|this|it|them|which|budgetary|budget|state))\\b)"); // "13.1 billion KGS, and 10 billion of that"

    /**
     * "Bishkekzelenkhoz with 6.5 million soms and Tazalyk with 6 million", "2.343 trillion soums (1.31 trillion in
     * 2023)": a scaled number after an amount, in the same sentence, is in that amount's currency.
     */
    private static void bareScaled(String text, TextField field, List<MoneyAmount> found) {
        if (found.isEmpty()) {
            return;
        }
        Matcher bare = BARE_SCALED.matcher(text);
        List<MoneyAmount> added = new ArrayList<>();
        int k = 0;
        int from = found.get(0).end();
        // only around each scale word: the pattern's look-behind over whole texts showed in profiles (JFR)
        for (int at = nextScaleWord(text, from); at >= 0; at = nextScaleWord(text, at + 8)) {
            bare.region(Math.max(from, at - 12), Math.min(text.length(), at + 16));
            if (!bare.find() || bare.end(2) <= at) {
                continue;
            }
            int start = bare.start();
            from = bare.end();
            while (k + 1 < found.size() && found.get(k + 1).end() <= start) {
                k++;
            }
            MoneyAmount before = found.get(k);
            if (before.end() > start || found.stream().anyMatch(f -> f.start() < bare.end() && start < f.end())
                    || start - before.end() > 90 || !SCALED.matcher(before.text()).find()
                    || before.kind() == MoneyAmount.Kind.PRICE) {
                continue;
            }
            String between = text.substring(before.end(), start);
            if (between.contains(". ") || between.indexOf('\n') >= 0 || between.contains("%") || between.contains(" percent")) {
                continue;
            }
            added.add(new MoneyAmount(bare.group(), field, start, bare.end(), amount(bare.group(1), bare.group(2)),
                    before.currency(), null, null, MoneyAmount.Kind.AMOUNT, null));
        }
        if (!added.isEmpty()) {
            found.addAll(added);
            found.sort(Comparator.comparingInt(MoneyAmount::start));
        }
    }

    /** Where the next scale word a bare amount may have starts ("illion", "mln", "bln", "bn", "trln"), or -1. */
    private static int nextScaleWord(String text, int from) {
        // for "illion" the scale word started a letter before it: the window around it covers that letter
        return dev.caravan.enrich.tag.Occurrences.first(text, BARE_SCALE_WORDS, from);
    }

    private static final List<String> BARE_SCALE_WORDS = List.of("illion", "mln", "bln", "trln", "bn");

    /** "from 1:5.0925 to 1:5.055", "7.1101:1": an exchange rate written as a ratio, in a sentence naming the pair. */
    private static final Pattern RATIO = Pattern.compile("(?<![\\d.,:])(?:1:(\\d{1,5}(?:\\.\\d{1,6})?)|(\\d{1,5}(?:\\.\\d{1,6})?):1)(?![\\d:])");
    private static final Pattern LOCAL_CURRENCY_WORD = Pattern.compile("\\b(somoni|TJS|tenge|KZT|soms?|KGS|soums?|sums?|UZS|manats?|TMT)\\b");
    private static final Pattern FOREIGN_CURRENCY_WORD = Pattern.compile("\\b(dollars?|USD|rubles?|roubles?|RUB|euros?|EUR|yuan|CNY)\\b");

    private void ratios(String text, TextField field, List<MoneyAmount> found) {
        if (text.indexOf(':') < 0) {
            return;
        }
        Matcher ratio = RATIO.matcher(text);
        while (ratio.find()) {
            int sentenceStart = Math.max(text.lastIndexOf(". ", ratio.start()), text.lastIndexOf('\n', ratio.start())) + 1;
            int sentenceEnd = text.indexOf(". ", ratio.end());
            String sentence = text.substring(sentenceStart, sentenceEnd < 0 ? text.length() : sentenceEnd);
            Matcher local = LOCAL_CURRENCY_WORD.matcher(sentence);
            Matcher foreign = FOREIGN_CURRENCY_WORD.matcher(sentence);
            String code = local.find() ? currencyOf(local.group(1)) : null;
            String unit = foreign.find() ? currencyOf(foreign.group(1)) : null;
            int start = ratio.start();
            if (code == null || unit == null || found.stream().anyMatch(f -> f.start() < ratio.end() && start < f.end())) {
                continue;
            }
            String number = ratio.group(1) != null ? ratio.group(1) : ratio.group(2);
            found.add(new MoneyAmount(ratio.group(), field, start, ratio.end(), Double.parseDouble(number), code, null, null,
                    MoneyAmount.Kind.PRICE, "1 " + unit));
        }
    }

    private static final Pattern AMOUNT_BEFORE_CODE = Pattern.compile("(?i)(?:\\d|million|billion|thousand|mln|bln)\\s*$");

    /** "KOICA's 5 million USD 2020 Emergency Response Program": the code closes an amount, the year after it is no money. */
    private static boolean yearAfterAmount(String text, Matcher m) {
        String number = m.group(2);
        return number != null && number.matches("(?:19|20)\\d\\d") && m.group(1).matches("[A-Z]{3}")
                && AMOUNT_BEFORE_CODE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find();
    }

    private static String titleCase(String words) {
        StringBuilder out = new StringBuilder(words.length());
        for (String word : words.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    /** The plain search {@link #extract} must agree with (kept for {@code MoneyExtractorTest}). */
    List<MoneyAmount> extractBySearch(String text, TextField field) {
        List<MoneyAmount> found = new ArrayList<>();
        Matcher m = prefixed.matcher(text);
        while (m.find()) {
            String code = currencyOf(m.group(1));
            if (code != null && !yearAfterAmount(text, m) && !(m.group(1).equals("T") && m.group(4) == null)) {
                add(found, text, field, m, code, 2, null);
            }
        }
        Matcher s = suffixed.matcher(text);
        while (s.find()) {
            String code = currencyOf(s.group(4));
            boolean overlaps = found.stream().anyMatch(f -> f.start() < s.end() && s.start() < f.end());
            boolean weight = s.group(4).equals("pounds") && (POUNDS_OF_WEIGHT.matcher(text).region(s.end(),
                    Math.min(text.length(), s.end() + 16)).lookingAt() || WEIGHT_BEFORE.matcher(text).region(Math.max(0, s.start() - 24),
                    s.start()).find()); // "25 million pounds of U3O8", "(1 kilogram = 2.2 pounds)"
            if (code != null && !overlaps && !weight && !(s.group(4).equals("won") && s.group(3) == null)) {
                add(found, text, field, s, code, 1, s.group(4));
            }
        }
        spelledOut(text, field, found);
        ratios(text, field, found);
        found.sort(Comparator.comparingInt(MoneyAmount::start));
        return refine(text, found);
    }

    /**
     * Adds the match's amount; "rose from 1,400 to 2,000 soums" is two amounts, the old and the new,
     * not a range. {@code number} is the group of the first number, the range's end and the scale follow it.
     */
    private static void add(List<MoneyAmount> found, String text, TextField field, Matcher m, String code, int number,
                            String word) {
        int before = found.size();
        addAmounts(found, text, field, m, code, number);
        if (word != null && SUBUNITS.containsKey(word)) {
            for (int i = before; i < found.size(); i++) {
                MoneyAmount cents = found.get(i).hundredth();
                // "80 dirams for serving a number", "40 dirams is too much": sums are not told in dirams, prices are
                found.set(i, cents.kind() == MoneyAmount.Kind.AMOUNT && !SCALED.matcher(cents.text()).find()
                        ? new MoneyAmount(cents.text(), cents.field(), cents.start(), cents.end(), cents.amount(), cents.currency(),
                        null, cents.qualifier(), MoneyAmount.Kind.PRICE, word) : cents);
            }
        }
    }

    private static void addAmounts(List<MoneyAmount> found, String text, TextField field, Matcher m, String code, int number) {
        String written = m.group().strip();
        int range = number + 1;
        if (m.group(range) != null && (YEAR.matcher(m.group(number)).matches()
                && (m.group(number + 2) != null || m.group(range).indexOf(',') > 0)
                || MONTH_BEFORE.matcher(text).region(Math.max(0, m.start() - 10), m.start()).find())
                && text.startsWith("to", skipSpaces(text, m.end(number)))) {
            // "from 6.50 somonis on March 1 to 8.10 somonis": a day of a month is no low end either
            // "in January through September 2023 to 22.7 billion manat", "and from 2022 to 8,000 soms": the year is no low end
            int high = m.start(range);
            found.add(mention(text, field, text.substring(high, m.start() + written.length()), high, code, m.group(range), null,
                    m.group(number + 2)));
            return;
        }
        boolean descending = m.group(range) != null && text.startsWith("to", skipSpaces(text, m.end(number)))
                && amount(m.group(number), m.group(number + 2)) > amount(m.group(range), m.group(number + 2));
        // "rose from 1,400 to 2,000 soums", "goes up from 140,296 to 149,416 tenge, and ... from 232,596 to 247,716 tenge"
        if (m.group(range) != null && (descending || changeInClauseBefore(text, m.start()))
                && text.startsWith("to", skipSpaces(text, m.end(number)))) {
            // "cut diesel prices from 7,500 to 7,300 soums": falling, so an old and a new amount, never a range
            // the low end shares the high end's scale and currency word ("from 28 to 42 thousand tenge"); written out
            // in full ("from $300,000 to $3m", "from 1065 to 1220 som") it takes the currency word only
            boolean writtenOut = WRITTEN_OUT.matcher(m.group(number)).find() && m.group(number + 2) != null;
            // the low end's mention is what stands at its offsets ("28"); its scale and currency come from the high end
            MoneyAmount low = mention(text, field, text.substring(m.start(), m.end(number)), m.start(), code, m.group(number),
                    null, writtenOut ? null : m.group(number + 2), m.end(number));
            MoneyAmount high = mention(text, field, text.substring(m.start(range), m.start() + written.length()), m.start(range), code,
                    m.group(range), null, m.group(number + 2));
            if (high.kind() == MoneyAmount.Kind.PRICE && low.kind() != MoneyAmount.Kind.PRICE) {
                // "from 1065 to 1220 som per liter": the unit after the high end is the low end's too
                low = new MoneyAmount(low.text(), low.field(), low.start(), low.end(), low.amount(), low.currency(), null,
                        low.qualifier(), MoneyAmount.Kind.PRICE, high.unit());
            }
            found.add(low);
            found.add(high);
            return;
        }
        MoneyAmount amount = mention(text, field, written, m.start(), code, m.group(number), m.group(range), m.group(number + 2));
        Matcher compound = COMPOUND_PARTS.matcher(written);
        if (m.group(range) == null && compound.find()) {
            double rest = 0;
            int at = 0;
            while (compound.find(at)) {
                rest += amount(compound.group(1), compound.group(2));
                at = compound.start(2); // the next part follows this part's scale word
            }
            Matcher units = UNITS_AFTER_THOUSANDS.matcher(written);
            if (units.find()) {
                rest += Double.parseDouble(units.group(1));
            }
            amount = new MoneyAmount(amount.text(), amount.field(), amount.start(), amount.end(), amount.amount() + rest,
                    amount.currency(), null, amount.qualifier(), amount.kind(), amount.unit());
        } else if (m.group(range) == null) {
            Matcher thousands = THOUSANDS_AFTER_MILLIONS.matcher(written);
            Matcher units = UNITS_AFTER_THOUSANDS.matcher(written);
            double rest = thousands.find() ? Double.parseDouble(thousands.group(1) + thousands.group(2)) // "1 million 50,000 soums"
                    : units.find() ? Double.parseDouble(units.group(1)) : 0; // "608 thousand 190 soums"
            if (rest > 0) {
                amount = new MoneyAmount(amount.text(), amount.field(), amount.start(), amount.end(), amount.amount() + rest,
                        amount.currency(), null, amount.qualifier(), amount.kind(), amount.unit());
            }
        }
        found.add(amount);
    }

    private static boolean newlineBetween(String text, int from, int to) {
        int newline = text.indexOf('\n', from);
        return newline >= 0 && newline < to;
    }

    /** "from" right before {@code at}, in a clause that tells of a change ("the allowance rises ... from"). */
    static boolean changeInClauseBefore(String text, int at) {
        return SPAN_FROM_BEFORE.matcher(text).region(Math.max(0, at - 12), at).find()
                && CHANGE_IN_CLAUSE.matcher(clause(text.substring(Math.max(0, at - 120), at))).find();
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && isRegexSpace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Adds the amounts written in words; only where a scale word stands, so most texts cost one scan. */
    private void spelledOut(String text, TextField field, List<MoneyAmount> found) {
        for (int at = text.indexOf("illion"); at >= 0; at = text.indexOf("illion", at + 6)) {
            scaleWordAt(text, field, found, at);
        }
        for (int at = text.indexOf("thousand"); at >= 0; at = text.indexOf("thousand", at + 8)) {
            scaleWordAt(text, field, found, at);
        }
        Matcher one = ONE_UNIT.matcher(text.contains("one ") || text.contains("One ") ? text : "");
        while (one.find()) {
            // "instead of one manat ($0.30 at the state rate)": a price of one unit of the currency
            String code = currencyOf(one.group(1));
            int start = one.start();
            if (code != null && found.stream().noneMatch(f -> f.start() < one.end() && start < f.end())) {
                found.add(mention(text, field, one.group(), start, code, "1", null, null));
            }
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
        for (int i = 0; i < found.size(); i++) {
            MoneyAmount m = found.get(i);
            MoneyAmount next = i + 1 < found.size() ? found.get(i + 1) : null;
            int base = Math.max(0, m.start() - 60);
            Matcher lowEnd = m.amountMax() == null && m.start() <= text.length() && SCALED.matcher(m.text()).find()
                    ? SCALED_LOW_END.matcher(text.substring(base, m.start())) : null;
            if (lowEnd != null && lowEnd.find() && (previous == null || previous.end() <= base + lowEnd.start())) {
                // "from 1.55 trillion to 3.61 trillion soums": the low end's currency is the high end's
                int lowStart = base + lowEnd.start(2);
                double low = amount(lowEnd.group(2), lowEnd.group(3));
                if (lowEnd.group(1).equalsIgnoreCase("between") && low < m.amount()) {
                    m = new MoneyAmount(text.substring(lowStart, m.end()), m.field(), lowStart, m.end(), low, m.currency(), m.amount(),
                            m.qualifier(), MoneyAmount.Kind.RANGE, null);
                } else if (lowEnd.group(1).equalsIgnoreCase("from")) {
                    int lowEndAt = base + lowEnd.end(3);
                    MoneyAmount first = new MoneyAmount(text.substring(lowStart, lowEndAt), m.field(), lowStart, lowEndAt, low,
                            m.currency(), null, null, m.kind(), m.unit());
                    refined.add(first);
                    previous = first;
                }
            }
            if (m.amount() == 1 && m.amountMax() == null && next != null && next.field() == m.field() && next.start() >= m.end()
                    && !next.currency().equals(m.currency())
                    && RATE_UNIT_GAP.matcher(text.substring(m.end(), next.start())).matches()) {
                // "1 Euro - 12,231.67 soums": the rate is the price, the euro its unit
                found.set(i + 1, new MoneyAmount(next.text(), next.field(), next.start(), next.end(), next.amount(),
                        next.currency(), next.amountMax(), next.qualifier(), MoneyAmount.Kind.PRICE, "1 " + m.currency()));
                continue;
            }
            if (next != null && next.amount() == 1 && next.amountMax() == null && next.field() == m.field()
                    && next.start() >= m.end() && !next.currency().equals(m.currency())
                    && PER_ONE_GAP.matcher(text.substring(m.end(), next.start())).matches()) {
                // "4.94 somoni to US$1.00", "(185.05 tenge = $1)": a rate, and its dollar is the unit, no amount
                m = new MoneyAmount(m.text(), m.field(), m.start(), m.end(), m.amount(), m.currency(), m.amountMax(),
                        m.qualifier(), MoneyAmount.Kind.PRICE, "1 " + next.currency());
                refined.add(m);
                previous = m;
                i++;
                continue;
            }
            if (m.kind() == MoneyAmount.Kind.AMOUNT && previous != null && previous.kind() == MoneyAmount.Kind.PRICE
                    && previous.currency().equals(m.currency()) && m.start() - previous.end() < 600 && !SCALED.matcher(m.text()).find()
                    && PLACE_BRACKET_BEFORE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find()
                    && text.startsWith(")", m.end())) {
                // "... the highest in Naryn (484.64 soms) and Osh (482.03 soms)": the price of each place
                m = new MoneyAmount(m.text(), m.field(), m.start(), m.end(), m.amount(), m.currency(), m.amountMax(),
                        m.qualifier(), MoneyAmount.Kind.PRICE, previous.unit());
            }
            if (previous != null && previous.amountMax() == null && m.amountMax() == null && previous.field() == m.field()
                    && previous.currency().equals(m.currency()) && m.amount() > previous.amount() && m.start() >= previous.end()
                    && DASH_GAP.matcher(text.substring(previous.end(), m.start())).matches()) {
                // "1.4 Somonis-1.5 Somonis", "49,500 soms – 91,000 soms": one range, a price when its low end is
                MoneyAmount low = refined.remove(refined.size() - 1);
                m = new MoneyAmount(text.substring(low.start(), m.end()), m.field(), low.start(), m.end(), low.amount(), m.currency(),
                        m.amount(), low.qualifier(), low.kind() == MoneyAmount.Kind.PRICE || m.kind() == MoneyAmount.Kind.PRICE
                        ? MoneyAmount.Kind.PRICE : MoneyAmount.Kind.RANGE, low.unit() != null ? low.unit() : m.unit());
                refined.add(m);
                previous = m;
                continue;
            }
            // "traded between US$27.65 and US$47.60": a price's range
            boolean bothPrices = previous != null && previous.kind() == MoneyAmount.Kind.PRICE
                    && (m.kind() == MoneyAmount.Kind.PRICE || !SCALED.matcher(m.text()).find() && !SCALED.matcher(previous.text()).find());
            if (previous != null && (m.kind() == MoneyAmount.Kind.AMOUNT && (previous.kind() == MoneyAmount.Kind.AMOUNT
                    || previous.kind() == MoneyAmount.Kind.PRICE && !SCALED.matcher(previous.text()).find() && SCALED.matcher(m.text()).find())
                    || bothPrices)
                    && previous.field() == m.field() && previous.currency().equals(m.currency()) && m.amount() > previous.amount()
                    && m.start() >= previous.end() && text.startsWith(" and ", previous.end()) && m.start() == previous.end() + 5
                    && BETWEEN_BEFORE.matcher(text.substring(Math.max(0, previous.start() - 12), previous.start())).find()) {
                // "between $770 million and $962 million": one range; "between $120 and $130 million" shares the scale
                MoneyAmount low = refined.remove(refined.size() - 1);
                Matcher highScale = SCALE_WORD.matcher(m.text());
                double lowAmount = !SCALED.matcher(low.text()).find() && low.amount() < 1000 && highScale.find()
                        ? amount(plain(low.text().replaceAll("[^\\d.,]", "")), highScale.group(1)) : low.amount();
                m = new MoneyAmount(text.substring(low.start(), m.end()), m.field(), low.start(), m.end(), lowAmount, m.currency(),
                        m.amount(), low.qualifier(), bothPrices ? MoneyAmount.Kind.PRICE : MoneyAmount.Kind.RANGE,
                        bothPrices ? low.unit() : null);
                refined.add(m);
                previous = m;
                continue;
            }
            if (previous != null && previous.amountMax() == null && m.amountMax() == null && previous.field() == m.field()
                    && (previous.kind() == MoneyAmount.Kind.PRICE) == (m.kind() == MoneyAmount.Kind.PRICE)
                    && previous.currency().equals(m.currency()) && m.amount() > previous.amount() && m.start() >= previous.end()
                    && TO_GAP.matcher(text.substring(previous.end(), m.start())).matches()
                    && !BARE_DIGITS.matcher(previous.text()).matches() // a low end split off a change ("from 28 to 42 thousand tenge")
                    && SPAN_FROM_BEFORE.matcher(text).region(Math.max(0, previous.start() - 12), previous.start()).find()
                    && !changeInClauseBefore(text, previous.start())) {
                // "valued at anywhere from $70 million to $200 million", "fines from 6 million 180 thousand soums to 8 million
                // 240 thousand soums": one range, unless the clause tells of a change ("rose ... from X to Y")
                MoneyAmount low = refined.remove(refined.size() - 1);
                m = new MoneyAmount(text.substring(low.start(), m.end()), m.field(), low.start(), m.end(), low.amount(), m.currency(),
                        m.amount(), low.qualifier(), low.kind() == MoneyAmount.Kind.PRICE ? MoneyAmount.Kind.PRICE : MoneyAmount.Kind.RANGE,
                        low.unit() != null ? low.unit() : m.unit());
                refined.add(m);
                previous = m;
                continue;
            }
            if (previous != null && previous.kind() == MoneyAmount.Kind.PRICE && m.start() - previous.end() <= 8
                    && PER_BEFORE.matcher(text.substring(previous.end(), m.start())).find()) {
                continue;
            }
            MoneyAmount lastPrice = previous;
            String sincePrice = previous == null ? "" : text.substring(Math.min(previous.end(), m.start()), m.start());
            if (previous != null && !previous.currency().equals(m.currency()) // "250 sum (equivalent to $US0.02) to 280 sum"
                    && refined.size() >= 2 && refined.get(refined.size() - 2).kind() == MoneyAmount.Kind.PRICE
                    && refined.get(refined.size() - 2).currency().equals(m.currency())) {
                // "2.5 manats ($0.72 or $0.13) instead of one manat": the price before the bracketed equivalent goes on
                MoneyAmount before = refined.get(refined.size() - 2);
                Matcher bracket = BRACKETED.matcher(text).region(before.end(), m.start());
                if (bracket.lookingAt() && bracket.end() >= previous.end()) {
                    lastPrice = before;
                    sincePrice = text.substring(bracket.end(), m.start());
                }
            }
            boolean bracketedAfterPrice = previous != null && previous.kind() == MoneyAmount.Kind.PRICE
                    && m.start() >= previous.end() && !SCALED.matcher(m.text()).find()
                    && BRACKET_AFTER.matcher(text.substring(previous.end(), m.start())).matches();
            if (bracketedAfterPrice && m.kind() != MoneyAmount.Kind.PRICE
                    || lastPrice != null && lastPrice.kind() == MoneyAmount.Kind.PRICE && m.kind() != MoneyAmount.Kind.PRICE
                    && SharedCurrencyWords.maySame(lastPrice, m) && m.start() >= lastPrice.end()
                    && !SCALED.matcher(m.text()).find()
                    && PRICE_FOLLOWS.matcher(sincePrice).matches() && !SUM_WORDS.matcher(sincePrice).find()) {
                m = new MoneyAmount(m.text(), m.field(), m.start(), m.end(), m.amount(), m.currency(), m.amountMax(),
                        m.qualifier(), MoneyAmount.Kind.PRICE, lastPrice.unit());
            }
            refined.add(m);
            previous = m;
        }
        return withBracketedChanges(refined);
    }

    private static final Pattern BRACKETED_CHANGE = Pattern.compile("\\(([+\u2212-])\\s?(\\d{1,6}(?:[.,]\\d{1,4})?)\\)");

    /** "1 Euro - 12,231.67 (+126.61) soums": the change a rate list brackets after a rate is a price of its own. */
    private static List<MoneyAmount> withBracketedChanges(List<MoneyAmount> refined) {
        if (refined.stream().noneMatch(m -> m.kind() == MoneyAmount.Kind.PRICE && m.text().indexOf('(') >= 0)) {
            return refined;
        }
        List<MoneyAmount> out = new ArrayList<>(refined.size() + 4);
        for (MoneyAmount m : refined) {
            out.add(m);
            Matcher change = m.kind() == MoneyAmount.Kind.PRICE ? BRACKETED_CHANGE.matcher(m.text()) : null;
            if (change != null && change.find()) {
                int start = m.start() + change.start(2);
                out.add(new MoneyAmount(change.group(2), m.field(), start, start + change.group(2).length(),
                        Double.parseDouble(plain(change.group(2))), m.currency(), null, null, MoneyAmount.Kind.PRICE, m.unit()));
            }
        }
        return out;
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
        while (true) {
            while (r < n && (text.charAt(r) >= '0' && text.charAt(r) <= '9' || text.charAt(r) == ',' || text.charAt(r) == '.')) {
                r++;
            }
            // "1 500 000": a space then a group of exactly three digits goes on with the number
            if (r + 4 <= n && isGroupSpace(text.charAt(r)) && isDigits(text, r + 1, r + 4)
                    && (r + 4 == n || !(text.charAt(r + 4) >= '0' && text.charAt(r + 4) <= '9'))) {
                r += 4;
                continue;
            }
            break;
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
        boolean dash = false;
        while (k < n && (isRegexSpace(text.charAt(k)) || text.charAt(k) == '-')) {
            dash |= text.charAt(k) == '-';
            k++; // "[\\s-]+" before the scale or the currency word
        }
        if (k >= n) {
            return false;
        }
        char next = text.charAt(k);
        // "54,000 – 91,000 soms", "4.9220 - 4.9380 TJS": a spaced dash of a range
        return SCALE_STARTS.indexOf(next) >= 0 || next == 'o' || suffixStarts[next] || next == '\u2013' || next == '\u2014'
                || next == '(' // "10,270.08 (+7.21) soums"
                || dash && next >= '0' && next <= '9' && k - r <= 3;
    }

    private static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f';
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** First letters of the scale words of {@code SCALE}. */
    private static final String SCALE_STARTS = "tbmkTBMa"; // and "a" of "between 14 and 15 somonis"

    /** {@code \\w} as java.util.regex reads it: ASCII letters, digits and '_'. */
    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static MoneyAmount mention(String text, TextField field, String written, int start, String code,
                                       String number, String rangeEnd, String scale) {
        return mention(text, field, written, start, code, number, rangeEnd, scale, start + written.length());
    }

    /** @param end where the mention ends in the text (its {@code written} form may be put together) */
    private static MoneyAmount mention(String text, TextField field, String written, int start, String code,
                                       String number, String rangeEnd, String scale, int end) {
        // "$300,000 to $3m": a low end written out in full takes no scale from the high end
        double amount = rangeEnd != null && WRITTEN_OUT.matcher(number).find() ? amount(number, null) : amount(number, scale);
        Double amountMax = rangeEnd == null ? null : amount(rangeEnd, scale);
        if (amountMax != null && amountMax <= amount) {
            amountMax = null; // "2024-25" style or a typo: not a range
        }
        Matcher q = QUALIFIER.matcher(text).region(Math.max(0, start - 20), start);
        String qualifier = q.find() ? q.group(1).toLowerCase(Locale.ROOT) : null;
        int unitFrom = end;
        Matcher bracket = BRACKETED.matcher(text).region(end, Math.min(text.length(), end + 40));
        if (bracket.lookingAt()) {
            unitFrom = bracket.end(); // "197 tenge (US$0.46) per liter"
        }
        Matcher unit = PER_UNIT.matcher(text).region(unitFrom, Math.min(text.length(), unitFrom + 40));
        if (unit.lookingAt()) {
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    unit.group(1) != null ? unit.group(1) : unit.group(2));
        }
        if (scale == null && FACE_VALUE_BEFORE.matcher(text.substring(Math.max(0, start - 30), start)).find()) {
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE, "security");
        }
        Matcher priceNoun = PRICE_NOUN_AFTER.matcher(text).region(end, Math.min(text.length(), end + 30));
        if (priceNoun.lookingAt() && scale == null) {
            // "a 500-tenge bus fare", "the 1,400-soum ticket": the amount says what one fare costs
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    priceNoun.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher medal = FOR_A_MEDAL.matcher(text).region(end, Math.min(text.length(), end + 40));
        String prizeWindow = text.substring(Math.max(0, start - 50), start);
        boolean placeWord = prizeWindow.contains("place") || prizeWindow.contains(" with ") || prizeWindow.contains("Place")
                || prizeWindow.contains("finished") || prizeWindow.contains("took the") || prizeWindow.contains("came");
        Matcher place = PLACE_PRIZE_BEFORE.matcher(placeWord ? prizeWindow : "");
        if (medal.lookingAt() || place.find() && (!SCALED.matcher(written).find() || PRIZE_WORD.matcher(prizeWindow).find())) {
            // a scaled amount by a place is a prize only when the words say so ("first place in trade, $5.27 billion")
            // "10 million soms for a gold medal", "first place will be rewarded with $250 000": a prize per winner
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    medal.lookingAt() ? "medal" : "place");
        }
        boolean thousands = scale != null && scale.toLowerCase(Locale.ROOT).startsWith("thousand"); // "meat for 50 thousand soums"
        // a unit price is small: under $1,000 in a hard currency, under a million in the region's own
        boolean small = (scale == null || thousands) && amount < (HARD_CURRENCIES.contains(code) ? 1_000 : 1_000_000);
        // every context pattern stops at a sentence's or clause's end: search only the clause the amount is in
        String context = clause(text.substring(Math.max(0, start - 110), start));
        String lowered = context.toLowerCase(Locale.ROOT);
        Matcher winner = PRIZE_WINNER_BEFORE.matcher(lowered.contains("champion") || lowered.contains("medal")
                || lowered.contains("winner") || lowered.contains("runner") || lowered.contains("coach") || lowered.contains("mentor")
                ? context : "");
        if (winner.find() && !TOTAL_BEFORE.matcher(context).find()) {
            // "silver medalists $100,000", "the runner-up will receive ... 6 thousand U.S. dollars": a prize per winner
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE, "winner");
        }
        Matcher indicator = ONE_INDICATOR_BEFORE.matcher(context);
        if (scale == null && indicator.find()) {
            // "one calculation index equals 75.00 somonis": the value of one unit fines and fees are counted in
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    "calculation indicator");
        }
        if (scale == null && SHARE_PRICE_BEFORE.matcher(context).find()) {
            // "Kazatomprom shares closed flat at US$38", "they have traded between US$27.65 and"
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE, "share");
        }
        if (scale != null && scale.toLowerCase(Locale.ROOT).startsWith("million") && SQUARE_METRE_BEFORE.matcher(context).find()) {
            // "on the secondary market a square meter went from 10.5 million to 14.9 million UZS": housing priced per metre
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    "square meter");
        }
        Matcher bar = WEIGHED_BAR_BEFORE.matcher(context);
        if (bar.find()) {
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    (bar.group(1) != null ? bar.group(1) : bar.group(2)) + " bar");
        }
        String priceUnit = priceUnit(context, scale == null, scale == null || thousands);
        if (priceUnit == null && scale == null) {
            // "the weighted average dollar rate at the morning session of the exchange on August 23 came to 386.36 tenge"
            Matcher named = NAMED_RATE.matcher(clause(text.substring(Math.max(0, start - 160), start)));
            priceUnit = named.find() ? named.group(1).toLowerCase(Locale.ROOT) : null;
        }
        boolean income = INCOME_CONTEXT.matcher(context).find();
        if (income) {
            priceUnit = null; // "the minimum pension payment will be ₸28,215": an income, not a price
        }
        if (priceUnit == null && small && !income) {
            Matcher goods = GOODS_CONTEXT.matcher(context);
            if (goods.find() && !WORTH_IN_ALL.matcher(context).region(goods.end(1), context.length()).find()) {
                // "45 transactions in cotton worth 757,000 manats": what the goods came to, not their price
                priceUnit = goods.group(1).toLowerCase(Locale.ROOT);
            } else if (PRICE_CHANGE_AFTER.matcher(text).region(end, Math.min(text.length(), end + 40)).lookingAt()) {
                priceUnit = "change";
            }
        }
        if (priceUnit != null) {
            return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier, MoneyAmount.Kind.PRICE,
                    priceUnit);
        }
        return new MoneyAmount(written, field, start, end, amount, code, amountMax, qualifier,
                amountMax == null ? MoneyAmount.Kind.AMOUNT : MoneyAmount.Kind.RANGE, null);
    }

    private static String clause(String before) {
        int cut = before.lastIndexOf(';');
        for (int dot = before.lastIndexOf('.'); dot > cut; dot = before.lastIndexOf('.', dot - 1)) {
            boolean decimal = dot > 0 && dot + 1 < before.length() && Character.isDigit(before.charAt(dot - 1))
                    && Character.isDigit(before.charAt(dot + 1)); // "raised 2.5 times": no sentence ends there
            if (!decimal) {
                cut = dot;
                break;
            }
        }
        return cut < 0 ? before : before.substring(cut + 1);
    }

    /** What the words before an amount make it a price of, or null when they make it no price. */
    private static String priceUnit(String before, boolean unscaled, boolean inThousandsAtMost) {
        Matcher c = PRICE_CONTEXT.matcher(before);
        if (c.find() && (unscaled || c.group(1).equalsIgnoreCase("tuition")
                || !c.group(1).toLowerCase(Locale.ROOT).startsWith("tariff") && before.length() - c.end(1) <= 75)) {
            // a scaled amount takes a fare's word only near it: "fares go up ..., while the city spends 3 billion soums"
            return c.group(1).toLowerCase(Locale.ROOT); // "tariffs saved about $17 million": a sum, no tariff
        }
        Matcher rate = RATE_CONTEXT.matcher(before);
        if (unscaled && rate.find()) {
            return rate.group(1);
        }
        Matcher item = PRICED_ITEM.matcher(before);
        if (unscaled && item.find() && !SUM_WORDS.matcher(before).region(item.end(1), before.length()).find()) {
            // "a trip to China with agreements worth $1.37bn" prices no trip; "4 pence per share ..., a cash payment of" no share
            return item.group(1).toLowerCase(Locale.ROOT);
        }
        Matcher holder = PER_HOLDER.matcher(before);
        // "each aiming at $300 million": a sum each raises is money; "handed each player $1,000" a price per head
        return inThousandsAtMost && holder.find() ? holder.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private String currencyOf(String written) {
        String symbol = SYMBOLS.get(written);
        return symbol != null ? symbol : codeByWord.get(written);
    }

    /** The number as Java reads it: no group separators, a decimal comma as a point. */
    static String plain(String number) {
        String digits = number.replace(" ", "").replace("\u00a0", "").replace("\u202f", "");
        int comma = digits.lastIndexOf(',');
        if (comma >= 0 && digits.indexOf('.') < 0 && (digits.length() - comma - 1 <= 2
                || digits.length() - comma - 1 >= 4 && digits.indexOf(',') == comma)) {
            return digits.substring(0, comma).replace(",", "") + "." + digits.substring(comma + 1);
        }
        return digits.replace(",", "");
    }

    static double amount(String number, String scale) {
        if (scale != null && DECIMAL_COMMA_BILLIONS.matcher(number).matches()
                && scale.matches("(?i)trillion|billion|trln|trn|trl|tln|tn|bln|bn")) {
            number = number.replace(',', '.'); // no newsroom writes 2.35 trillion as "2,350 billion"
        }
        if (scale == null) {
            return Double.parseDouble(plain(number));
        }
        String word = scale.toLowerCase(Locale.ROOT);
        word = word.endsWith("ions") || word.endsWith("ands") ? word.substring(0, word.length() - 1) : word; // "US$3.5 millions"
        int zeros = switch (word) {
            case "trillion", "tn", "trn", "trln", "tln", "trl" -> 12; // "KZT2.1tln", "KZT1.4trl"
            case "billion", "bln", "bn", "b" -> 9; // "$18b", "£3.7B" in headlines
            case "million", "mln", "mn", "m" -> 6;
            case "thousand", "k" -> 3;
            default -> 0;
        };
        // in decimal, not binary: "$32.8 billion" is 32800000000, where 32.8 * 1e9 is 32799999999.999996
        return new java.math.BigDecimal(plain(number)).movePointRight(zeros).doubleValue();
    }
}
