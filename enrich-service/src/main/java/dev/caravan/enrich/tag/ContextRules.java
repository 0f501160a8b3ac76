package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds names the gazetteer does not know from the words around them: a capitalised run of words
 * is an organisation when it has an organisation head ("... Ministry of X", "... Agency", "... LLP"),
 * a place when it has a place head ("Zhambyl region", "Sughd Region", "Naryn River"), and a person
 * after a title ("Minister X Y", "akim X Y"), with a known first name, before "said", in an
 * apposition ("X Y, who ...") or with a patronymic surname ending. A lone capitalised word at a
 * sentence start, a month or a weekday is never a name; headlines are left to the gazetteer.
 */
final class ContextRules {

    /** What covers a token before the rules run: nothing, or a gazetteer match of some kind. */
    enum Cover { FREE, PLACE_NAME, PLACE_ADJECTIVE, TAKEN }

    static final double TITLE_CONFIDENCE = 0.8;
    static final double HEAD_CONFIDENCE = 0.75;
    static final double FIRST_NAME_CONFIDENCE = 0.75;
    static final double SPEECH_CONFIDENCE = 0.7;
    static final double SURNAME_CONFIDENCE = 0.6;

    private static final Set<String> ORG_HEADS = Set.of("Ministry", "Committee", "Agency", "Court", "Party", "Fund",
            "Bank", "Service", "Commission", "Council", "Office", "Department", "Association", "Society", "Company",
            "Corporation", "Holding", "Group", "Institute", "University", "Administration", "Authority", "Exchange",
            "Organization", "Organisation", "Union", "Foundation", "Airways", "Airlines", "Akimat", "Hokimiyat", "Khokimiyat", "Okmotu",
            "Hukumat", "Maslikhat", "Chamber",
            "Assembly", "Hall", "Factory", "Media", "Mining", "Inspectorate", "Prosecutor's", "Academy", "News", "Press",
            "Federation", "Movement", "Centre", "Center", "Bureau", "Police", "Guard",
            // companies by their trade, and the houses of culture, learning and care
            "Energy", "Power", "Solar", "Petroleum", "Motors", "Logistics", "Systems", "Technologies", "Industries",
            "Invest", "Trading", "Telecom", "Theatre", "Theater", "Museum", "Library", "College", "Lyceum",
            "Gymnasium", "Holdings", "Limited", "Hospital", "Collegium", "Directorate", "Secretariat", "Community", "Alliance",
            "Partnership", "Network", "Mission", "Consortium", "Cooperative", "Clinic", "Polyclinic", "Philharmonic", "Conservatory", "Orchestra", "Choir", "Ensemble", "Club",
            "LLP", "JSC", "MMC", "LLC", "PLC", "plc", "Ltd", "Inc", "Corp", "AG", "GmbH", "SA", "NV", "OJSC", "CJSC");
    /** Trades that end a company's name but, inside a run, are ordinary words ("Ministry of Investments and Trade"). */
    private static final Set<String> FINAL_ORG_HEADS = Set.of("Engineering", "Technology", "Construction", "Minerals",
            "Herald", "Gazette", "Magazine", "Channel", "Securities", "Insurance", "Pharma", "Pharmaceuticals", "Textile",
            "Cement", "Steel", "Chemicals", "Brewery", "Ventures", "Partners", "Enterprises", "Logistics", "Logistic", "Telecom",
            "Petroleum", "Airlines", "Motors", "Mining", "Metals", "Energy", "Agro", "Industrial", "Carbon", "Invest", "Trading",
            "Tech", "Auto", "Textiles", "Foods", "Dairy", "Plast", "Pharm", "Systems", "Solutions", "Consulting",
            "Industries", "Products", "Ceramic", "Ceramics", "Gold");
    private static final Set<String> AUTHORED = Set.of("written", "reported", "Reported", "compiled", "prepared", "authored",
            "Written", "Photo", "photo", "edited", "Edited", "translated");

    /** Words after which "the" stays inside a name: "Council of the Heads of State", "Agency for the Protection ...". */
    private static final Set<String> OF_LIKE = Set.of("of", "for", "on", "in", "and", "under", "to", "at", "with");
    private static final Set<String> ABBREVIATED = Set.of("Ltd", "Inc", "Corp", "Co");
    private static final Set<String> LEGAL_FORMS = Set.of("LLP", "JSC", "MMC", "LLC", "PLC", "plc", "Ltd", "Inc", "OJSC", "CJSC", "NJSC");
    private static final Set<String> PLACE_HEADS = Set.of("Region", "Oblast", "District", "Province", "Raion", "Velayat", "Jamoat");
    private static final Set<String> PLACE_HEADS_LOWER = Set.of("region", "oblast", "district", "province", "velayat",
            "village", "settlement", "aul", "microdistrict", "micro-district", "street", "avenue", "bazaar", "mahalla", "jamoat",
            "pass", "valley", "gorge", "glacier", "neighborhood", "neighbourhood", "deposit", "river");
    /** Rural governments named after their village, in lower case: a Kyrgyz "aiyl okmotu" in any spelling, a rural district's. */
    private static final List<List<String>> LOCAL_GOVERNMENTS = List.of(List.of("aiyl", "okmotu"), List.of("ayil", "okmotu"),
            List.of("ail", "okmotu"), List.of("rural", "district", "administration"), List.of("rural", "administration"),
            List.of("rural", "municipality"));

    /** How many words after {@code i} name a rural government ("aiyl okmotu"), or 0. */
    private static int localGovernmentWords(TextTokens tokens, int i) {
        for (List<String> words : LOCAL_GOVERNMENTS) {
            int k = 0;
            while (k < words.size() && i + k < tokens.size() && tokens.text(i + k).equalsIgnoreCase(words.get(k))
                    && (k == words.size() - 1 || tokens.joined(i + k))) {
                k++;
            }
            if (k == words.size()) {
                return k;
            }
        }
        return 0;
    }
    private static final Set<String> PLURAL_PLACE_HEADS = Set.of("regions", "oblasts", "districts", "provinces");
    private static final Set<String> NAMED_PLACE_HEADS = Set.of("River", "Sea", "Lake", "Valley", "Mountains",
            "Highway", "Desert", "Canal", "Gorge", "Pass", "Reservoir", "Steppe", "Plateau", "Island", "Gulf", "Bay",
            "Street", "Avenue", "Square", "Boulevard", "Prospect");
    private static final Set<String> NAMED_PLACE_PREFIXES = Set.of("Lake", "Mount", "Cape");
    private static final Set<String> TITLES = Set.of("President", "Minister", "Senator", "Akim", "Mayor", "Judge",
            "Governor", "Chairman", "Chairwoman", "Director", "Commissioner", "Ambassador", "Speaker", "Deputy",
            "Khokim", "Hokim", "Prosecutor", "Economist", "Farmer", "Activist", "Lawyer", "Journalist", "Professor",
            "Dr", "Mr", "Mrs", "Ms", "Sheikh", "Chancellor", "King", "Queen", "Prince", "Emir", "Pope", "Affaires", "d'Affaires", "Charg\u00e9",
            "Premier", "Secretary", "Spokesman", "Spokeswoman", "Founder", "Chief", "CEO", "Rector", "Colonel",
            "General", "Captain", "Major", "Analyst", "Editor", "Blogger", "MP", "Deputies", "Ombudsman",
            "Editor-in-Chief", "Ex-Minister", "Ex-President", "Ex-Premier", "Vice-President", "Vice-Premier", "Vice-Minister",
            "Co-Founder", "Co-founder", "Acting", "Judges", "Forward", "Midfielder", "Defender", "Goalkeeper", "Striker",
            "Coach", "Referee", "Grandmaster", "GM", "Coordinator", "Envoy", "Rapporteur", "Counsellor", "Counselor");
    private static final Set<String> TITLES_LOWER = Set.of("president", "minister", "senator", "akim", "mayor",
            "judge", "governor", "chairman", "chairwoman", "director", "commissioner", "ambassador", "speaker",
            "deputy", "khokim", "hokim", "prosecutor", "economist", "farmer", "activist", "lawyer", "journalist",
            "editor", "executive", "founder", "co-founder", "leader", "chief", "manager", "owner", "engineer",
            "analyst", "spokesman", "spokeswoman", "spokesperson", "blogger", "businessman", "businesswoman",
            "counterpart", "wife", "husband", "son", "daughter", "brother", "sister", "widow", "colleague",
            "teacher", "doctor", "student", "researcher", "professor", "investor", "ombudsman", "head", "rector",
            "secretary", "premier", "officer", "official", "worker", "resident", "pensioner", "mother", "father");
    private static final Set<String> ORG_CUES_LOWER = Set.of("company", "firm", "bank", "broker", "operator",
            "developer", "producer", "carrier", "airline", "newspaper", "outlet", "website", "agency", "party", "contractor",
            "manufacturer", "supplier", "giant", "automaker", "miner", "insurer", "lender", "concern", "channel", "portal",
            "magazine", "club", "startup", "exporter", "importer", "investor", "center", "centre", "group", "foundation",
            "network", "platform", "orchestra", "band", "ensemble", "weekly", "daily", "broadcaster", "tabloid", "newsletter");
    private static final Set<String> ORG_CUES_AFTER = Set.of("company", "firm", "concern", "corporation", "holding", "group",
            "enterprise", "brand", "newspaper", "agency", "orchestra", "ensemble", "perfumery");
    private static final java.util.regex.Pattern ADJECTIVE_ENDING = java.util.regex.Pattern.compile("(?:ic|ian|ese|ish|al)$");
    private static final Set<String> SPEECH_AFTER = Set.of("said", "says", "told", "added", "noted", "wrote",
            "stated", "explained", "argued", "warned", "claimed", "announced", "insisted", "believes", "thinks");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "de", "von", "der", "van", "al", "bin");
    private static final Set<String> NAME_PARTICLES = Set.of("de", "von", "der", "van", "al", "bin");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "By", "For", "From",
            "With", "After", "Before", "But", "And", "Or", "His", "Her", "Its", "Their", "Our", "This", "That",
            "These", "Those", "Some", "Many", "Most", "All", "Both", "When", "While", "As", "If", "Under", "Since",
            "Until", "Last", "Next", "Former", "Then", "There", "Here", "It", "He", "She", "They", "We", "I", "You",
            // people of a body ("Officers of the State Security Service"), not its name
            "Officers", "Employees", "Officials", "Representatives", "Specialists", "Inspectors", "Investigators",
            "Dear", "Extraordinary", "Plenipotentiary", // "Dear Kassym-Jomart Kemelevich", "Ambassador Extraordinary and ..."
            "According", "Meanwhile", "However", "Also", "Only", "Such", "Each", "Every", "Other", "Another",
            "During", "Over", "About", "Among", "Between", "Through", "Despite", "Although", "Because", "So",
            "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December");
    private static final Set<String> CALENDAR = Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
            "Sept", "Oct", "Nov", "Dec"); // weekday abbreviations are names too ("Sun Weidong")
    private static final Set<String> HEAD_LINKS = Set.of("of", "for");
    private static final Set<String> APPOSITION_STARTS = Set.of("who", "whose", "a", "an", "head", "chairman", "director", "aged");
    /** Word endings of {@code .*(?:ov|ova|...)} (a word holds no line terminator, so '.' matches all of it). */
    private static final String[] SURNAME_ENDINGS = {"ov", "ova", "ev", "eva", "yev", "yeva", "iev", "ieva", "in",
        "ina", "enko", "uly", "kyzy", "zoda", "zada", "shvili", "dze", "yan", "ian", "bekov", "bayev", "baev", "ski", "sky", "ska", "skiy", "wicz", "vich", "vic",
        "escu", "uulu", "oglu", "zade", "yeva", "ovna", "evna", "shev", "sheva", "khan"};

    private final Set<String> firstNames;

    ContextRules(Set<String> firstNames) {
        this.firstNames = Set.copyOf(firstNames);
    }

    Set<String> firstNames() {
        return firstNames;
    }

    /** The bundled given names: the region's, hand-made, and the generated list of European languages. */
    static final List<String> FIRST_NAME_FILES = List.of("/gazetteer/first-names.txt", "/gazetteer/first-names-world.txt",
            "/gazetteer/first-names-central-asia.txt", "/gazetteer/first-names-international.txt");

    /** The rules with the bundled first-name lists. */
    static ContextRules bundled() {
        Set<String> names = new HashSet<>();
        for (String file : FIRST_NAME_FILES) {
            InputStream in = ContextRules.class.getResourceAsStream(file);
            if (in == null) {
                throw new IllegalStateException("bundled first-name list " + file + " missing from the classpath");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ContextRules(names);
    }

    /** Names found in a body text; {@code cover} says per token what the gazetteer already matched. */
    List<RuleMatch> find(TextTokens tokens, Cover[] cover) {
        List<RuleMatch> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!canStart(tokens, cover, i)) {
                i++;
                continue;
            }
            int end = i;
            while (true) {
                if (tokens.joined(end) && continues(tokens, cover, end + 1)) {
                    end++;
                } else if (tokens.joined(end) && isConnector(tokens, end + 1) && tokens.joined(end + 1)
                        && continues(tokens, cover, end + 2)) {
                    end += 2;
                } else if (tokens.joined(end) && isConnector(tokens, end + 1) && tokens.joined(end + 1)
                        && isConnector(tokens, end + 2) && tokens.joined(end + 2) && continues(tokens, cover, end + 3)) {
                    end += 3; // "Company for the Management"
                } else {
                    break;
                }
            }
            classifyRun(tokens, cover, i, end, found);
            i = end + 1;
        }
        return found;
    }

    /** A capitalised word that never starts a person's name: "The", "Monday", a title. */
    static boolean notAName(String word) {
        return NOT_NAMES.contains(word) || TITLES.contains(word) || CONNECTORS.contains(word);
    }

    private static boolean canStart(TextTokens tokens, Cover[] cover, int i) {
        return tokens.capitalised(i) && cover[i] != Cover.TAKEN;
    }

    private static boolean continues(TextTokens tokens, Cover[] cover, int i) {
        return i < tokens.size() && tokens.capitalised(i) && cover[i] != Cover.TAKEN
                && !isCalendar(tokens.text(i));
    }

    private static boolean isConnector(TextTokens tokens, int i) {
        return i < tokens.size() && tokens.length(i) <= 4 && CONNECTORS.contains(tokens.text(i));
    }

    private static boolean isCalendar(String word) {
        return CALENDAR.contains(word);
    }

    /** A maximal capitalised run: an organisation as a whole, else its pieces between gazetteer places. */
    private void classifyRun(TextTokens tokens, Cover[] cover, int from, int to, List<RuleMatch> found) {
        int a = from;
        while (a <= to && (NOT_NAMES.contains(tokens.text(a)) || cover[a] == Cover.PLACE_ADJECTIVE
                || CONNECTORS.contains(tokens.text(a)) || lowerCompound(tokens.text(a))
                || a > 0 && cover[a - 1] != Cover.FREE && LEGAL_FORMS.contains(tokens.text(a)))) {
            a++; // "Uzbekkumir" "JSC Erkin Yakubov": the known company's legal form starts no name
        }
        if (a > to) {
            return;
        }
        for (int k = a + 1; k < to; k++) {
            if (tokens.text(k).equals("and") && (isOrgHead(tokens.text(k - 1)) || tokens.text(k + 1).equals("the")
                    || k - 1 == a && cover[a] == Cover.PLACE_NAME // "in Shymkent and Michigan State University"
                    || COMPANY_ENDS.contains(tokens.text(to)) && !COMPANY_ENDS.contains(tokens.text(k - 1))
                    && hasBodyHead(tokens, a, k - 1))) {
                // "... Youth Policy and Shaanxi Tianhan Shengdian Film Company Ltd": a body and the company it signed with
                classifyRun(tokens, cover, a, k - 1, found); // "the World Bank and the Islamic Development Bank"
                classifyRun(tokens, cover, k + 1, to, found);
                return;
            }
        }
        for (int k = a; k + 2 <= to; k++) {
            if (TITLES.contains(tokens.text(k)) && tokens.text(k + 1).equals("of")) {
                // "State Secretary of the State Agency for Architecture, ...": the body after the post is named
                int body = tokens.text(k + 2).equals("the") ? k + 3 : k + 2;
                List<RuleMatch> named = new ArrayList<>();
                if (body <= to && organisation(tokens, cover, body, to, named) && named.size() == 1
                        && bodyNamed(named.get(0).name())) {
                    found.addAll(named);
                    return;
                }
                break;
            }
        }
        if (organisation(tokens, cover, a, to, found) || place(tokens, a, to, found)) {
            return;
        }
        // not an organisation: gazetteer places and "and" split the run into separate names
        int start = -1;
        for (int k = a; k <= to + 1; k++) {
            boolean breaks = k > to || cover[k] != Cover.FREE || tokens.text(k).equals("and")
                    || isCalendar(tokens.text(k));
            if (breaks) {
                if (start >= 0) {
                    classifyPiece(tokens, cover, start, k - 1, a, to, found);
                }
                start = -1;
            } else if (start < 0 && !NOT_NAMES.contains(tokens.text(k)) && !CONNECTORS.contains(tokens.text(k))) {
                start = k;
            }
        }
    }

    private boolean organisation(TextTokens tokens, Cover[] cover, int a, int b, List<RuleMatch> found) {
        for (int k = a; k < b && k <= a + 3; k++) {
            if (PREFIX_FORMS.contains(tokens.text(k)) && b - k <= 3 && !ORG_HEADS.contains(tokens.text(b))) {
                // "Shares of LLP Hamle": the form opens the company's name, which runs to the end
                found.add(new RuleMatch(EntityType.ORGANIZATION, tokens.text().substring(tokens.start(k), tokens.end(b)),
                        tokens.start(k), tokens.end(b), HEAD_CONFIDENCE));
                return true;
            }
        }
        int head = -1;
        for (int k = a; k <= b; k++) {
            String word = tokens.text(k);
            boolean headWord = ORG_HEADS.contains(word) || (k == b && k > a && (bankWord(word) || FINAL_ORG_HEADS.contains(word)))
                    || (k == a && k == b && word.length() > 5 && bankWord(word));
            if (headWord && (k == b || HEAD_LINKS.contains(tokens.text(k + 1)) || placesUntil(cover, k + 1, b))) {
                head = k;
            }
        }
        if (head < 0 || (a == b && !bankWord(tokens.text(a))) || hasTitle(tokens, a, head)
                || b == a + 1 && LEGAL_FORMS.contains(tokens.text(b)) && (ORG_HEADS.contains(tokens.text(a))
                || COMPANY_ENDS.contains(tokens.text(a)))) {
            return false; // "Corporation LLP" alone names nothing: the company's name is before it
        }
        if (head == b && LEGAL_FORMS.contains(tokens.text(b)) && b + 1 < tokens.size() && tokens.joined(b)
                && tokens.capitalised(b + 1)) {
            return false; // "Shares of JSC Alokabank": the form opens the company's name, it ends no other
        }
        for (int k = a + 1; k < head; k++) {
            if (tokens.text(k).equals("the") && !OF_LIKE.contains(tokens.text(k - 1))) {
                a = k + 1; // "Yesterday the Regional Committee": the name starts after "the"
            }
        }
        int rest = -1;
        if (head < b && LEGAL_FORMS.contains(tokens.text(head))) {
            rest = b; // "Uzbekkumir JSC Erkin Yakubov": the legal form ends the company; a name may follow it
            b = head;
        }
        while (CONNECTORS.contains(tokens.text(b))) {
            b--;
        }
        if (b - 2 > head && firstNames.contains(tokens.text(b - 1)) && surname(tokens.text(b)) && rest < 0) {
            // "Department of Internal Affairs Serik Kudebayev": the body's head named after it
            add(found, tokens, EntityType.PERSON, b - 1, b, TITLE_CONFIDENCE);
            b -= 2;
        }
        int end = tokens.end(b);
        if (ABBREVIATED.contains(tokens.text(b)) && end < tokens.text().length() && tokens.text().charAt(end) == '.') {
            end++;
        }
        found.add(new RuleMatch(EntityType.ORGANIZATION, tokens.text().substring(tokens.start(a), end),
                tokens.start(a), end, HEAD_CONFIDENCE));
        if (rest > head) {
            classifyRun(tokens, cover, head + 1, rest, found);
        }
        return true;
    }

    /** "Almaty-based": the word matches {@code .*-\p{Ll}+} (checked by hand; the regex showed in profiles). */
    static boolean lowerCompound(String word) {
        int dash = word.lastIndexOf('-');
        if (dash < 0 || dash == word.length() - 1) {
            return false;
        }
        for (int i = dash + 1; i < word.length(); ) {
            int cp = word.codePointAt(i);
            if (Character.getType(cp) != Character.LOWERCASE_LETTER || cp == '\n' || cp == '\r') {
                return false;
            }
            i += Character.charCount(cp);
        }
        for (int i = 0; i < dash; i++) {
            char c = word.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false; // '.' does not match a line terminator
            }
        }
        return true;
    }

    /** Legal forms the region writes before a company's name. */
    private static final Set<String> PREFIX_FORMS = Set.of("JSC", "JSCB", "LLP", "LLC", "OJSC", "CJSC", "NJSC", "PJSC");
    private static final Set<String> COMPANY_ENDS = Set.of("Company", "Ltd", "Co", "Corporation", "Group", "LLC", "JSC", "Inc");
    /** Heads of bodies that sign agreements with companies; a company's own name has none of them. */
    static final Set<String> BODY_HEADS = Set.of("Ministry", "Office", "Committee", "Agency", "Administration",
            "Department", "Policy", "Service", "Council", "Commission", "Akimat", "Hokimiyat", "Municipality", "Government");

    /** Heads that name a body after a post ("Secretary of the State Agency ..."), not a portfolio ("Minister of Energy"). */
    private static final Set<String> POST_BODY_HEADS = Set.of("Agency", "Committee", "Commission", "Council", "Bank", "Fund",
            "Federation", "Association", "Union", "Institute", "University", "Center", "Centre", "Chamber", "Court", "Service",
            "Foundation", "Corporation", "Company", "Academy", "Society", "Authority", "Organization", "Organisation",
            "Directorate", "Inspectorate", "Party", "Bureau", "Exchange", "Holding");

    private static boolean bodyNamed(String name) {
        String last = name.substring(name.lastIndexOf(' ') + 1);
        for (String word : name.split(" ")) {
            if (POST_BODY_HEADS.contains(word)) {
                return !FINAL_ORG_HEADS.contains(last); // "Board of China Energy" names a company, not the board
            }
        }
        return false;
    }

    private static boolean hasBodyHead(TextTokens tokens, int a, int b) {
        for (int k = a; k <= b; k++) {
            if (BODY_HEADS.contains(tokens.text(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOrgHead(String word) {
        return ORG_HEADS.contains(word) || bankWord(word);
    }

    /** "Hamkorbank", and in Tajik "Tojiksodirotbonk", "Fononbonk". */
    private static boolean bankWord(String word) {
        return word.endsWith("bank") || word.endsWith("bonk");
    }

    /**
     * A run ending in a place head is one place even when the gazetteer knows a part of it:
     * "North Kazakhstan Region" → North Kazakhstan, "Naryn River". Words before the last
     * "of"/"the" are not part of it ("Residents of the Ahal Region").
     */
    private static boolean place(TextTokens tokens, int a, int b, List<RuleMatch> found) {
        String last = tokens.text(b);
        boolean adminHead = PLACE_HEADS.contains(last);
        if (!adminHead && !NAMED_PLACE_HEADS.contains(last) || b == a) {
            return false;
        }
        int start = a;
        for (int k = a; k < b; k++) {
            if (CONNECTORS.contains(tokens.text(k))) {
                start = k + 1;
            }
        }
        int nameEnd = adminHead ? b - 1 : b;
        if (adminHead && nameEnd > start && tokens.text(nameEnd).equals("Autonomous")) {
            nameEnd--;
        }
        if (nameEnd < start) {
            return false;
        }
        add(found, tokens, EntityType.LOCATION, start, nameEnd, HEAD_CONFIDENCE);
        return true;
    }

    private static boolean placesUntil(Cover[] cover, int from, int to) {
        for (int k = from; k <= to; k++) {
            if (cover[k] != Cover.PLACE_NAME) {
                return false;
            }
        }
        return from <= to;
    }

    private static boolean hasTitle(TextTokens tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (TITLES.contains(tokens.text(k))) {
                return true;
            }
        }
        return false;
    }

    /** A run of free capitalised tokens a..b inside the whole run runStart..runEnd. */
    private void classifyPiece(TextTokens tokens, Cover[] cover, int a, int b, int runStart, int runEnd,
            List<RuleMatch> found) {
        while (a < b && LEGAL_FORMS.contains(tokens.text(a))) {
            a++; // "Uzbekistan Railways JSC Khusniddin Khasilov": the company's legal form is not the person's
        }
        while (b > a && CONNECTORS.contains(tokens.text(b))) {
            b--;
        }
        String last = tokens.text(b);
        String next = b + 1 < tokens.size() && tokens.joined(b) ? tokens.text(b + 1) : "";
        // places: "Sughd Region", "Gorno-Badakhshan Autonomous Region", "the Zhambyl region", "Naryn River", "Lake X"
        if (PLACE_HEADS.contains(last) && b > a) {
            int nameEnd = b - 1;
            if (tokens.text(nameEnd).equals("Autonomous") && nameEnd > a) {
                nameEnd--;
            }
            add(found, tokens, EntityType.LOCATION, a, nameEnd, HEAD_CONFIDENCE);
            return;
        }
        int government = b == runEnd && tokens.joined(b) ? localGovernmentWords(tokens, b + 1) : 0;
        if (government > 0) {
            // "Tash-Dobo aiyl okmotu", "Karaotkel rural district administration": the village's government, the
            // village inside its name no place of its own (docs/ANNOTATION.md)
            add(found, tokens, EntityType.ORGANIZATION, a, b + government, HEAD_CONFIDENCE);
            return;
        }
        if (PLACE_HEADS_LOWER.contains(next) && b == runEnd) {
            add(found, tokens, EntityType.LOCATION, a, b, HEAD_CONFIDENCE);
            return;
        }
        if (PLURAL_PLACE_HEADS.contains(runEnd + 1 < tokens.size() ? tokens.text(runEnd + 1) : "")) {
            add(found, tokens, EntityType.LOCATION, a, b, HEAD_CONFIDENCE); // "the Andijan and Fergana regions"
            return;
        }
        if ((NAMED_PLACE_HEADS.contains(last) || NAMED_PLACE_PREFIXES.contains(tokens.text(a))) && b > a) {
            add(found, tokens, EntityType.LOCATION, a, b, HEAD_CONFIDENCE);
            return;
        }
        // people: a title inside the run ("Energy Minister Almasadam Satkaliyev") or just before it ("akim X Y")
        int title = -1;
        for (int k = a; k <= b; k++) {
            if (TITLES.contains(tokens.text(k))) {
                title = k;
            }
        }
        if (title >= 0) {
            if (title < b && nameLike(tokens, title + 1, b) && !beforeGazetteerPerson(tokens, cover, b)) {
                add(found, tokens, EntityType.PERSON, title + 1, b, TITLE_CONFIDENCE);
            } else if (title < b - 1 && !beforeGazetteerPerson(tokens, cover, b)) {
                personAfterLongTitle(tokens, title, b, found);
            }
            return;
        }
        if (!nameLike(tokens, a, b) || beforeGazetteerPerson(tokens, cover, b)) {
            return;
        }
        int words = b - a + 1;
        String previous = a > 0 ? tokens.text(a - 1) : "";
        boolean titleBefore = a > 0 && !Character.isUpperCase(previous.charAt(0))
                && (tokens.beforeIs(a, " ") || tokens.beforeIs(a, ", "))
                && TITLES_LOWER.contains(previous.toLowerCase(Locale.ROOT))
                || a > 0 && TITLES.contains(previous) && tokens.beforeIs(a, ", ");
        boolean authorBefore = a > 1 && previous.equals("by") && AUTHORED.contains(tokens.text(a - 2)); // "written by Kudrenok Tatyana"
        if ((titleBefore || authorBefore && words >= 2 && words <= 3) && a == runStart) {
            add(found, tokens, EntityType.PERSON, a, b, TITLE_CONFIDENCE);
        } else if (words <= 3 && ORG_CUES_AFTER.contains(next) && b == runEnd && !firstNames.contains(tokens.text(a))
                && !surname(tokens.text(b)) && !tokens.sentenceStart(a) && !ADJECTIVE_ENDING.matcher(tokens.text(b)).find()) {
            // "the Uzbekkumir company", "Tursen Turizm firm"; "the Almex group" names itself with its "group"
            add(found, tokens, EntityType.ORGANIZATION, a, next.equals("group") ? b + 1 : b, HEAD_CONFIDENCE);
        } else if (words <= 3 && a > 0 && ORG_CUES_LOWER.contains(previous) && tokens.beforeIs(a, " ")
                && !tokens.sentenceStart(a) && (words == 1 || !firstNames.contains(tokens.text(a)) && !surname(tokens.text(b)))) {
            // "the Austrian company Doppelmayr", "the Chinese firm Shanghai Knud International"
            add(found, tokens, EntityType.ORGANIZATION, a, b, HEAD_CONFIDENCE); // "the Austrian company Doppelmayr"
        } else if (words >= 2 && words <= 4 && (firstNames.contains(tokens.text(a))
                || initials(tokens.text(a)))) {
            add(found, tokens, EntityType.PERSON, a, b, FIRST_NAME_CONFIDENCE);
        } else if (words >= 2 && words <= 4 && (speechAfter(tokens, b) || previous.equals("said")
                || apposition(tokens, b) && !wordsOfThings(tokens, a, b))) {
            add(found, tokens, EntityType.PERSON, a, b, SPEECH_CONFIDENCE);
        } else if (words >= 2 && words <= 3 && surname(tokens.text(b)) && !slavicSurname(tokens.text(a))) {
            // "Erkin Yakubov": a given name may end like a surname ("-in"), only not like "-ov"
            add(found, tokens, EntityType.PERSON, a, b, SURNAME_CONFIDENCE);
        } else if (words == 1 && innerCapitals(tokens.text(a))) {
            // "KhujandCotton", "TajPromBank", "VimpelCom": a word with capitals inside is a brand, not a person or place
            add(found, tokens, EntityType.ORGANIZATION, a, b, HEAD_CONFIDENCE);
        }
    }

    /** "KhujandCotton": capitalised parts of two letters or more run together; not "McMullen", "MacLeod", "MoUs". */
    static boolean innerCapitals(String word) {
        if (word.startsWith("Mc") || word.startsWith("Mac") || word.startsWith("MoU") || word.length() < 5) {
            return false;
        }
        int parts = 0;
        for (int i = 0; i < word.length(); ) {
            if (!Character.isUpperCase(word.charAt(i))) {
                return false;
            }
            int j = i + 1;
            while (j < word.length() && Character.isLowerCase(word.charAt(j))) {
                j++;
            }
            if (j - i < 2) {
                return false;
            }
            parts++;
            i = j;
        }
        return parts >= 2;
    }

    /**
     * "Deputy Minister of Energy Sherzod Khodjayev", "Deputy Director General of Uzbekkumir JSC Erkin
     * Yakubov": a job title with its portfolio or employer, then the name, its last two words (three
     * when the first of them is a given name); the employer, when it ends in an organisation head, too.
     */
    private void personAfterLongTitle(TextTokens tokens, int title, int b, List<RuleMatch> found) {
        int start = b - 1;
        if (b - 2 > title && (firstNames.contains(tokens.text(b - 2)) || initials(tokens.text(b - 2)))
                && !firstNames.contains(tokens.text(b - 1))) {
            start = b - 2;
        }
        if (!nameLike(tokens, start, b) || !(firstNames.contains(tokens.text(start)) || surname(tokens.text(b))
                || initials(tokens.text(start)))) {
            return;
        }
        add(found, tokens, EntityType.PERSON, start, b, TITLE_CONFIDENCE);
        int head = start - 1;
        if (head > title + 1 && ORG_HEADS.contains(tokens.text(head))) {
            int orgStart = head - 1;
            while (orgStart > title + 1 && !CONNECTORS.contains(tokens.text(orgStart - 1))
                    && Character.isUpperCase(tokens.text(orgStart - 1).charAt(0))) {
                orgStart--;
            }
            if (!CONNECTORS.contains(tokens.text(orgStart)) && !TITLES.contains(tokens.text(orgStart))) {
                add(found, tokens, EntityType.ORGANIZATION, orgStart, head, HEAD_CONFIDENCE);
            }
        }
    }

    /** Capitalised words (or name particles), none of them an organisation or place head. */
    private static boolean nameLike(TextTokens tokens, int a, int b) {
        for (int k = a; k <= b; k++) {
            String word = tokens.text(k);
            boolean particle = k > a && k < b && NAME_PARTICLES.contains(word);
            if (!particle && (!Character.isUpperCase(word.charAt(0)) || ORG_HEADS.contains(word)
                    || PLACE_HEADS.contains(word) || NAMED_PLACE_HEADS.contains(word) || NOT_NAMES.contains(word)
                    || allUpperOrDash(word) && word.length() > 1
                    || hasDigit(word))) {
                return false;
            }
        }
        return true;
    }

    /** {@code word.chars().allMatch(c -> Character.isUpperCase(c) || c == '-')}. */
    private static boolean allUpperOrDash(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isUpperCase(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** {@code word.chars().anyMatch(Character::isDigit)}. */
    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The word ends as only surnames do: "-ov", "-eva", "-yev", "-zoda". */
    static boolean slavicSurname(String word) {
        return word.endsWith("ov") || word.endsWith("ova") || word.endsWith("ev") || word.endsWith("eva")
                || word.endsWith("zoda") || word.endsWith("zada");
    }

    /** The word matches {@code .*(?:ov|ova|ev|...)}. */
    static boolean surname(String word) {
        for (String ending : SURNAME_ENDINGS) {
            if (word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** The word matches {@code \p{Lu}\.(?:\p{Lu}\.)+}. */
    static boolean initials(String word) {
        return !word.isEmpty() && TextTokens.initials(word, 0) == word.length();
    }

    /** "Kuandyk" before a gazetteer "Bishimbaev": the given name of a known person, not a new one. */
    private static boolean beforeGazetteerPerson(TextTokens tokens, Cover[] cover, int b) {
        return b + 1 < tokens.size() && tokens.joined(b) && cover[b + 1] == Cover.TAKEN;
    }

    private static boolean speechAfter(TextTokens tokens, int b) {
        if (b + 1 >= tokens.size()) {
            return false;
        }
        return (tokens.afterIs(b, " ") || tokens.afterIs(b, ", ")) && SPEECH_AFTER.contains(tokens.text(b + 1));
    }

    /** "X Y, who ...", "X Y, a doctor ...", "X Y, head of ...". */
    private static boolean apposition(TextTokens tokens, int b) {
        if (b + 1 >= tokens.size() || !tokens.afterIs(b, ", ")) {
            return false;
        }
        if (APPOSITION_STARTS.contains(tokens.text(b + 1))) {
            return true;
        }
        // "Oksana Peters, the official representative of ...", "X, the company's CEO": a role after "the"
        if (tokens.text(b + 1).equals("the") && b + 2 < tokens.size()
                && (ROLES_AFTER_THE.contains(tokens.text(b + 2)) || b + 3 < tokens.size()
                && tokens.text(b + 2).length() > 2 && Character.isLowerCase(tokens.text(b + 2).charAt(0))
                && ROLES_AFTER_THE.contains(tokens.text(b + 3)))) {
            return true;
        }
        // "Zsuzsanna Hargitai, EBRD Managing Director for ...", "Yoshimasa Takemura, first deputy head of ...": a post,
        // after at most three words that say whose or which
        for (int k = b + 1; k < Math.min(tokens.size(), b + 5); k++) {
            String word = tokens.text(k);
            if (ROLES_AFTER_THE.contains(word.toLowerCase(Locale.ROOT)) && (k == b + 1 || tokens.beforeIs(k, " "))) {
                return k > b + 1 || Character.isUpperCase(word.charAt(0)); // a lone lower-case "deputy" is no post yet
            }
            if (!(POST_MODIFIERS.contains(word) || word.length() > 1 && Character.isUpperCase(word.charAt(0))
                    && !NOT_NAMES.contains(word)) || k > b + 1 && !tokens.beforeIs(k, " ")) {
                return false;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern THING_ENDING = java.util.regex.Pattern.compile(
            "(?:tion|sion|ment|ity|ness|ance|ence|ship|ism|ing|ics|al|ic|ian|ese|ish)$");

    /** "National Unity", "Industrialization Map": a run of abstract words or adjectives names no person. */
    private static boolean wordsOfThings(TextTokens tokens, int a, int b) {
        for (int k = a; k <= b; k++) {
            if (THING_ENDING.matcher(tokens.text(k)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The words before a post in an apposition: "first deputy head", "former executive director". */
    private static final Set<String> POST_MODIFIERS = Set.of("first", "former", "acting", "deputy", "senior", "executive",
            "general", "managing", "vice", "regional", "country", "chief", "its", "their");

    private static final Set<String> ROLES_AFTER_THE = Set.of("head", "chairman", "chairwoman", "director", "minister",
            "spokesman", "spokeswoman", "spokesperson", "representative", "deputy", "president", "founder", "author",
            "ambassador", "governor", "mayor", "chief", "leader", "secretary", "manager", "coach", "editor", "owner",
            "winner", "champion", "captain", "rector", "prosecutor", "judge", "lawyer", "commander", "envoy");

    private static void add(List<RuleMatch> found, TextTokens tokens, EntityType type, int a, int b, double confidence) {
        int start = tokens.start(a);
        int end = tokens.end(b);
        found.add(new RuleMatch(type, tokens.text().substring(start, end), start, end, confidence));
    }
}
