package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Organisation names as written and as meant: the longest form ("Uzbekistan Railways JSC",
 * "Samruk-Kazyna National Welfare Fund", "Council of Foreign Ministers of the Commonwealth of
 * Independent States"), and a body named without its country ("the Central Bank", "the Supreme
 * Court") resolved to the country the article is about ("Central Bank of Uzbekistan").
 */
final class OrgNames {

    private static final Pattern LEGAL_FORM = Pattern.compile("^,?[ \u00a0]+(JSC|LLP|LLC|PLC|plc|Plc|OJSC|CJSC|NJSC|MMC|Inc\\.?|Co\\., Ltd\\.?|Ltd\\.?|Limited|"
            + "& Co\\.?|"
            + "Corp\\.?|A\\.S\\.|AG|GmbH|S\\.A\\.)(?![\\w])");
    private static final Pattern HEADED_TAIL = Pattern.compile("^[ \u00a0]+((?:\\p{Lu}[\\p{L}-]+ ){0,3}(?:Fund|Company|Group|Bank|"
            + "Agency|Holding|Holdings|Limited|Corporation|Foundation|Center|Centre|Institute|Service|Committee|Commission|Council|"
            + "Channel|TV|Television|Radio))\\b");
    /** A name in quotes after its body: State Corporation "Government for Citizens", JSC «Pavlodarenergo». */
    private static final Pattern QUOTED_NAME = Pattern.compile("^ ?([\"\u201c\u00ab])[\\p{Lu}\\d][^\"\u201d\u00bb\n]{1,59}[\"\u201d\u00bb]");
    private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}{2,6}");
    private static final Pattern ENDS_IN_LEGAL_FORM = Pattern.compile(",?\\s\\b(JSC|LLP|LLC|Inc|Ltd|plc|PLC)\\.?$");
    private static final Pattern ENDS_IN_BODY_HEAD = Pattern.compile("\\b(Fund|Agency|Committee|Council|Commission|Center|Centre|"
            + "Institute|Service|Ministry|Bank|Foundation|Association)$");
    /** The body a person's name is given to: "... Kazakh Drama Theatre", "... Youth and Children's Library". */
    private static final Pattern NAMED_AFTER = Pattern.compile("^(?: (?:State|National|Academic|Regional|Republican|City|"
            + "Kazakh|Kyrgyz|Uzbek|Tajik|Turkmen|Russian|Drama|Musical|Music|Youth|and|Children's|Universal|Scientific|Opera|Ballet|"
            + "Art|Arts|Pedagogical|Medical|Technical|Agrarian|Literary|Memorial|History|Historical|Public|International)){0,5} "
            + "(?:Theatre|Theater|Museum|Library|University|School|Institute|Stadium|Philharmonic|Conservatory|Gymnasium|Lyceum|"
            + "College|Academy)\\b");
    /** "Uzbekistan Ministry of Health", "Kyrgyz Republic Constitutional Court": a country's name before its body. */
    private static final Pattern COUNTRY_PREFIXED = Pattern.compile("((?:Republic of )?\\p{Lu}\\p{L}+(?: Republic)?) (.+)");
    private static final Map<String, String> DEMONYM_COUNTRY = Map.of("Kazakhstani", "Kazakhstan", "Kyrgyzstani", "Kyrgyzstan",
            "Uzbekistani", "Uzbekistan", "Tajikistani", "Tajikistan", "Kazakh", "Kazakhstan", "Kyrgyz", "Kyrgyzstan", "Uzbek",
            "Uzbekistan", "Tajik", "Tajikistan", "Turkmen", "Turkmenistan", "Azerbaijani", "Azerbaijan");
    private static final Pattern LOCAL_OFFICE = Pattern.compile("^(?:City |Regional |District )?\\p{Lu}[\\p{L}-]+(?: (?:and )?"
            + "\\p{Lu}[\\p{L}-]+){0,4} (?:Department|Directorate|Office|Administration|Inspectorate|Court|Service)$");
    private static final Pattern PLACE_NAMED_COMPANY = Pattern.compile("(?:\\p{Lu}[\\p{L}-]+ ){1,3}(?:Corporation|Company|Industries|"
            + "Group|Holding|Holdings|Airlines|Airways|Motors)");
    private static final Pattern NATIONAL_BODY = Pattern.compile("^(?:\\p{Lu}[\\p{L}-]+ ){1,4}(?:Federation|Agency|Association|Union|"
            + "Committee|Council|Society|Foundation|Fund|Center|Centre|Academy|Institute|Chamber|Confederation|League)$");
    private static final Pattern NAMED_AFTER_PERSON = Pattern.compile("^,? named after (?:\\p{Lu}\\.\\s?)*\\p{Lu}[\\p{L}'-]+(?: \\p{Lu}[\\p{L}'-]+){0,2}");
    private static final Pattern OWNER_BEFORE = Pattern.compile("\\b(?:Prosecutor General|General Prosecutor|Prosecutor|Mayor|Akim|"
            + "Hokim|President|Ombudsman)['\u2019]s $");
    private static final Pattern STANI_ADJECTIVE = Pattern.compile("(?:Kazakhstani|Uzbekistani|Kyrgyzstani|Tajikistani|Turkmenistani) ");
    private static final Pattern PEOPLES_BEFORE = Pattern.compile("\\b(?:People|Children|Women|Workers|Veterans|Farmers|Writers|"
            + "Journalists|Employers)(?:['\u2019]s|s?['\u2019]) $|\\b\\p{Lu}\\p{Ll}+s['\u2019] $"); // "Bloggers' Alliance"
    /** A company's nationality describes it ("British BAE Systems plc"); a body's is often its name ("Lithuanian ... Agency"). */
    private static final Pattern COMPANY_END = Pattern.compile("\\b(?:Company|Corporation|Group|Organization|Systems|Holding|"
            + "Holdings|JSC|LLC|LLP|Ltd\\.?|plc|PLC|Inc\\.?|Co\\.?|A\\.\u015e\\.|A\\.S\\.|B\\.V\\.|N\\.V\\.|S\\.A\\.|GmbH|KG|Bank)$");
    /** The region's own bodies drop "Kazakh" ("Kazakh Ministry of Culture"); its houses of culture keep it. */
    private static final java.util.Set<String> HOME_DEMONYMS = java.util.Set.of("Kazakh", "Kazakhstani", "Kyrgyz", "Kyrgyzstani",
            "Uzbek", "Uzbekistani", "Tajik", "Tajikistani", "Turkmen");
    private static final Pattern HOUSE_END = Pattern.compile("\\b(?:Theater|Theatre|Museum|University|Library|Philharmonic|"
            + "Conservatory|Conservatoire|Circus|Orchestra|Academy|Institute|College|Lyceum|Exchange)\\b");
    private static final Pattern CAPITALISED_BEFORE = Pattern.compile("(?<![\\p{L}])\\p{Lu}\\p{Ll}+ $");
    /** Bodies whose "... Fund" is a fund of theirs, not themselves described: "UN Development Partnership Fund". */
    private static final Pattern PARENT_OF_FUNDS = Pattern.compile("(?:Nations|Bank|Program|Programme|Organization|Union|Agency)$"
            + "|^\\p{Lu}{2,6}$");
    /** Tails that describe a known company rather than name a unit of it ("... Sovereign Wealth Fund", "... Holding"). */
    private static final Pattern DESCRIPTIVE_TAIL = Pattern.compile("(?:Fund|Holding|Holdings|Company|Corporation|Group)$");
    private static final Pattern UNIT_OF_ABBREVIATION = Pattern.compile("^[ -](?:\\p{Lu}[\\p{L}-]+ ){0,2}(?:Country Team|Country Office|"
            + "Resident Mission|Representative Office|Delegation|Mission|Office|Volunteers|Trust Fund|Programme Office|Program Office|Centre|Center)"
            + "(?: (?:in|to) (?:the )?\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?)?\\b");
    private static final Pattern LOCAL_BODY_LOWER = Pattern.compile("^ (?:(?:district|region|city|rural|regional|provincial|"
            + "oblast) )?(?:[a-z]+(?: and [a-z]+)? ){0,3}(?:department|directorate|inspectorate)(?: (?:for|of) (?!the Ministry|Ministry)(?:the )?"
            + "(?:[A-Za-z]+ ){0,4}?(?:[Aa]ffairs|[Ss]ituations|[Pp]rotection|[Cc]ontrol|[Ss]ecurity|[Dd]efen[cs]e))?\\b");
    /** "the police department of", "Regional court of the", "executive body of state authority of": a place's body before it. */
    private static final Pattern BODY_OF_PLACE = Pattern.compile("(?:^|[^\\p{L}'-])((?:(?:Regional|District|City|Town|Specialized|"
            + "Specialised|Criminal|Civil|Administrative|Economic|Appeals|Military|Public|Interregional|Inter-district) )?"
            + "(?:(?!(?:the|of|and|a|an|in|for|to|at|by|on|with|from|his|her|its|their|head|chief|deputy|meeting|account|"
            + "building|trial|panel|obliging)\\b)[a-z][a-z'-]+ ){0,4}"
            + "(?:administration|mayor's office|akim's office|hokim's office|akimat|hokimiyat|police department|department|court|"
            + "council|prosecutor's office|directorate|inspectorate|body of state authority)) of (?:the )?$");

    private static final Pattern CITY_UNIT_AFTER = Pattern.compile("^ (?:region|district|province|oblast|city)\\b");
    /** "Rysgal Joint-Stock Commercial Bank": the name before the bank's descriptor. */
    private static final Pattern COMMERCIAL_BANK = Pattern.compile("(\\p{Lu}[\\p{L}-]+(?: (?!Joint)\\p{Lu}[\\p{L}-]+)?) (?:Joint[- ]Stock )?Commercial Bank");
    /** "Akimat of the Turkestan region": a region's government named head first. */
    private static final Pattern GOVERNMENT_OF_REGION = Pattern.compile("(Akimat|akimat|Hokimiyat|hokimiyat) of (?:the )?"
            + "(\\p{Lu}[\\p{L}-]+(?: \\p{Lu}[\\p{L}-]+)?) (?:[Rr]egion|[Oo]blast)");
    private static final Pattern PEOPLES_TAIL = Pattern.compile("^['\u2019]s (?:Deputies|Representatives|Assembly)\\b");
    /** "Shymkent's akimat": a place's own government after its possessive. */
    private static final Pattern POSSESSED_LOCAL_BODY = Pattern.compile("^['\u2019]s (akimat|hokimiyat|city hall|mayor's office|"
            + "city administration|regional administration)\\b");
    /** What a place before it owns: "... of the Tashkent mayor's office", "of Almaty's akimat". */
    private static final Pattern OWNED_AFTER = Pattern.compile("^(?:['\u2019]s|\\s+(?:mayor|akim|hokim|city|region|district|"
            + "[a-z]+(?:'s)? (?:office|department|administration|court)))\\b");

    /** "Osh region department": a body that says only that it is one, no name. */
    private static final Pattern BARE_UNIT_BODY = Pattern.compile("(?:(?:district|region|city|rural|regional|provincial|oblast) )?"
            + "(?:department|directorate|inspectorate)");
    private static final Pattern ROLE_OF = Pattern.compile("(?:Citing (?:the )?|According to (?:the )?|(?:Board of Directors|"
            + "Board of Executive Directors|Supervisory Board|Management Board|Data|Figures|Estimates|Head|Chair|Chairman|Chairwoman|Director|Deputy Head|Deputy|Construction|"
            + "Summit|Meeting|Session|Congress|Forum|Conference|"
            + "Reconstruction|Opening|Member|Members|Staff|Employees|Officers|Representatives|(?:Senior )?(?:Operative|Investigator|"
            + "Inspector|Officer|Employee|Representative)) of (?:the )?)");
    private static final Pattern COUNTRY_SUFFIXED = Pattern.compile("(.+ Ministry) of (?:the )?(\\p{Lu}\\p{L}+(?: Republic)?)");
    private static final Pattern PLACE_UNIT_END = Pattern.compile(" (?:region|district|province|oblast)$");
    private static final Pattern UNIT_END = Pattern.compile("(?i) (?:district|region|province|city|oblast)$");
    private static final Pattern UNIT_COURT = Pattern.compile("^ (?:criminal |civil |economic |administrative )?[Cc]ourt"
            + "(?: (?:on|for) (?:criminal|civil|economic|administrative) (?:cases|proceedings|matters))?\\b");
    private static final Pattern AIRPORT = Pattern.compile("(?:[Ii]nternational )?[Aa]irport");
    private static final Pattern PLACE_UNIT_AFTER = Pattern.compile("^ (?:region|district|province|oblast)\\b");
    private static final Pattern ENDS_IN_OF_PLACE = Pattern.compile("\\b(?:of|for|in) (?:the )?(?:\\p{Lu}[\\p{L}-]+ )?\\p{Lu}[\\p{L}-]+$");
    private static final Pattern OF_GAP = Pattern.compile("^ of (?:the )?$");
    /** A body named by its place: "Atyrau oil refinery", "Pavlodar region administration", "Karshi city court". */
    private static final Pattern PLACE_BODY = Pattern.compile("^[ \u00a0]+((?:oil |gas )?refinery|(?:regional |region |city |district |"
            + "town |village )?(?:administration|prosecutor's office|Prosecutor's Office|Prosecutor's office|mayor's office|hokim's office|akim's office|"
            + "khokimiyat|hokimiyat|council of people's deputies|Council of People's Deputies|kengash|"
            + "polyclinic|maternity complex|electric networks|"
            + "city hall|police precinct|police station|DIA|Department of Internal Affairs|Mayor's Office|Mayor's office|"
            + "(?:[Aa]iyl|[Aa]yil|[Aa]il) [Oo]kmotu|rural municipality|rural district administration|rural administration|"
            + "rural police department|"
            + "information agency|city courts|"
            + "(?:specialized |specialised |inter-?district |interregional |inter-regional |district |city |regional )+"
            + "(?:economic |criminal |administrative |civil |juvenile )?court|"
            + "trade and economics department|(?:regional |region |city |district |town |provincial |province |"
            + "criminal |inter-district |interdistrict |appeals |military |economic )+court|hokimiyat|Hokimiyat|akimat|Akimat|maslikhat|"
            + "Maslikhat|kenesh|Kenesh|police department|police directorate|(?:military|economic|criminal|civil|administrative) court|"
            + "(?:ecology|health|education|finance|emergency|customs|tax|land|culture|agriculture) department|Court|District Court|City Court|Regional Court|State University|"
            + "(?:regional|district|city) (?:government|council|department)|"
            + "University|Airport|International Airport|international airport|airport)(?: on (?:criminal|civil|economic|administrative) "
            + "(?:cases|proceedings|matters))?|(?:metallurgical |chemical |cement |power |thermal power )?plant)\\b");
    /** "... Fund for Development", "... Agency for Civil Service Affairs": a named purpose continues the name. */
    private static final Pattern PURPOSE_TAIL = Pattern.compile("^ (?:for|on) (?:the )?(?!(?:January|February|March|April|May|June|"
            + "July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b)"
            + "\\p{Lu}[\\p{L}-]+(?: (?:and )?\\p{Lu}[\\p{L}-]+){0,4}"
            + "(?: (?:region|district|province|oblast|city)\\b)?"); // "... Department for Talas region"
    /** A body named by what it is for: "Ministry of ...", "State Committee for ...", "Commission on ...". */
    private static final Pattern HEAD_PHRASE = Pattern.compile("\\b(?:Ministry|Committee|Commission|Agency|Council|Service|Department|"
            + "Institute|Directorate|Unit|Division)"
            + " (?:of|for|on) \\p{Lu}");
    /** The rest of a listed purpose: ", Industry and Trade", ", Investments, Development of Local Industry and Technical Regulation". */
    private static final Pattern LISTED_TAIL = Pattern.compile("^(?:, \\p{Lu}[\\p{L}-]+(?: (?:of )?\\p{Lu}[\\p{L}-]+){0,4}){1,4},? and "
            + "\\p{Lu}[\\p{L}-]+(?: (?:of |and )?\\p{Lu}[\\p{L}-]+){0,3}"); // "..., Construction and Housing and Communal Services"
    /** An office named with its seat: "... Department in Tashkent", "World Bank Office in Uzbekistan". */
    private static final Pattern ENDS_IN_OFFICE = Pattern.compile("\\b(?:Department|Office|Representative Office|Mission|Branch|"
            + "Bureau|Consulate|Consulate General)$");
    private static final Pattern IN_PLACE = Pattern.compile("^ in ");
    /** "... under the President of Uzbekistan", "... under the government of Kyrgyzstan", "... under the Cabinet of Ministers". */
    private static final Pattern UNDER_TAIL = Pattern.compile("^ under the (?:President|Government|government|Cabinet of Ministers|"
            + "Prime Minister)(?: of (?:the )?(?:Republic of |Kyrgyz Republic)?(?:\\p{Lu}[\\p{L}-]+)?)?");
    private static final Pattern UNDER_THE = Pattern.compile("^ under the ");
    /** Bodies every country has: named alone, they are the article's country's. */
    private static final Pattern GENERIC = Pattern.compile("(?:Central Bank|National Bank|Supreme Court|Constitutional Court|"
            + "Prosecutor General's Office|General Prosecutor's Office|Central Election Commission|Cabinet of Ministers|"
            + "Security Council|Presidential Administration|Senate|National Olympic Committee|State Security Service|Foreign Ministry|Finance Ministry|Interior Ministry|Defense Ministry|"
            + "Defence Ministry|Energy Ministry|Health Ministry|Justice Ministry|Economy Ministry|Agriculture Ministry|"
            + "Education Ministry|\\p{Lu}\\p{L}+(?: (?:and )?\\p{Lu}\\p{L}+){1,3} Ministry|Ministry (?:of|for) [A-Z][A-Za-z]+(?: (?:and |of )?[A-Z][A-Za-z]+){0,3}|State Committee (?:for|on) [A-Z][a-z]+"
            + "(?: [A-Za-z]+){0,3}|Anti-Corruption Agency|Customs Service|Tax Committee|Statistics Agency|(?:State |National )?"
            + "Statistic(?:s|al) (?:Committee|Agency)|Agency (?:of|on|for) Statistics|Chamber of Commerce and Industry|Accounts Chamber|Chamber of Accounts)");

    private OrgNames() {
    }

    static List<EntityTagger.Hit> tidy(List<EntityTagger.Hit> hits, String text, String mainCountry,
                                       BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> out = new ArrayList<>(hits);
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            if (hit.entry().type() == EntityType.LOCATION && i + 1 < out.size()) {
                EntityTagger.Hit next = out.get(i + 1);
                boolean country = hit.entry().name().equals(hit.entry().country()) && text.startsWith(hit.entry().name(), hit.start());
                if (next.entry().type() == EntityType.ORGANIZATION && next.confidence() < 1.0 && next.start() == hit.end() + 1
                        && text.charAt(hit.end()) == ' ' && (LOCAL_OFFICE.matcher(next.text()).find()
                        || country && NATIONAL_BODY.matcher(next.text()).find() // "Uzbekistan Chess Federation"
                        || PLACE_NAMED_COMPANY.matcher(next.text()).matches() && !hit.text().matches("U\\.?S\\.?|U\\.?K\\.?"))
                        // "Korea Gas Corporation", "Kawasaki Heavy Industries"; not "U.S. Overseas Private Investment Corporation"
                        && !Demonyms.isDemonym(hit)) {
                    // "Kemin District" "Internal Affairs Department", "Bishkek" "City Tax Inspectorate": the place's own office
                    String written = text.substring(hit.start(), next.end());
                    out.remove(i + 1);
                    out.set(i, new EntityTagger.Hit(named(written, hit.entry().country(), lookup), hit.start(), next.end(), written,
                            ContextRules.HEAD_CONFIDENCE));
                    continue;
                }
            }
            if (hit.entry().type() == EntityType.LOCATION && !Demonyms.isDemonym(hit) && hit.start() > 4
                    && text.startsWith("of ", hit.start() - 3) || hit.entry().type() == EntityType.LOCATION && hit.start() > 8
                    && text.startsWith("of the ", hit.start() - 7)) {
                Matcher body = BODY_OF_PLACE.matcher(text.substring(Math.max(0, hit.start() - 70), hit.start()));
                int bodyStart = body.find() ? hit.start() - (body.end() - body.start(1)) : -1;
                String rest = following(text, hit.end());
                Matcher unit = CITY_UNIT_AFTER.matcher(rest);
                boolean withUnit = unit.lookingAt() || PLACE_UNIT_END.matcher(hit.text()).find();
                boolean afterThe = text.startsWith("the ", hit.start() - 4);
                if (bodyStart >= 0 && (i == 0 || out.get(i - 1).end() <= bodyStart) && (withUnit || !afterThe)
                        && !OWNED_AFTER.matcher(rest.substring(unit.lookingAt() ? unit.end() : 0)).lookingAt()) {
                    // "police department of Auezov district", "Regional court of Turkestan": a body of the place, in lower case
                    // (not "... department of the Tashkent mayor's office": a body of the office)
                    int end = hit.end() + (unit.lookingAt() && !PLACE_UNIT_END.matcher(hit.text()).find() ? unit.end() : 0);
                    String written = text.substring(bodyStart, end);
                    out.set(i, new EntityTagger.Hit(named(written, hit.entry().country(), lookup), bodyStart, end, written,
                            ContextRules.HEAD_CONFIDENCE));
                    continue;
                }
            }
            if (hit.entry().type() == EntityType.LOCATION && UNIT_END.matcher(hit.text()).find()) {
                Matcher court = UNIT_COURT.matcher(following(text, hit.end()));
                if (court.lookingAt() && !PlaceHeads.nextIsTaken(out, i, hit.end() + court.end())) {
                    // "Lenin district court", "Besharik district court on criminal proceedings": the district's own court
                    int end = hit.end() + court.end();
                    String written = text.substring(hit.start(), end);
                    out.set(i, new EntityTagger.Hit(named(written, hit.entry().country(), lookup), hit.start(), end, written,
                            ContextRules.HEAD_CONFIDENCE));
                    continue;
                }
            }
            if (hit.entry().type() == EntityType.LOCATION && !Demonyms.isDemonym(hit)) {
                Matcher local = LOCAL_BODY_LOWER.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 90)));
                if (local.lookingAt() && !BARE_UNIT_BODY.matcher(local.group().strip()).matches()
                        && !PlaceHeads.nextIsTaken(absorbRuleNames(out, i, hit.end() + local.end()), i, hit.end() + local.end())) {
                    // "Khatlon anticorruption directorate", "Buka district department of Emergency Situations",
                    // "Konibodom department for youth and sports affairs": a place's own office, in lower case
                    int end = hit.end() + local.end();
                    String written = text.substring(hit.start(), end);
                    out.set(i, new EntityTagger.Hit(named(written, hit.entry().country(), lookup), hit.start(), end, written,
                            ContextRules.HEAD_CONFIDENCE));
                    continue;
                }
            }
            if (hit.entry().type() == EntityType.LOCATION && (text.startsWith("'s ", hit.end()) || text.startsWith("\u2019s ", hit.end()))) {
                Matcher local = POSSESSED_LOCAL_BODY.matcher(following(text, hit.end()));
                if (local.lookingAt() && !PlaceHeads.nextIsTaken(out, i, hit.end() + local.end())) {
                    // "Shymkent's akimat": the city's own government, named as the newsroom names it, "Shymkent akimat"
                    int bodyEnd = hit.end() + local.end();
                    out.set(i, new EntityTagger.Hit(named(hit.text() + " " + local.group(1), hit.entry().country(), lookup),
                            hit.start(), bodyEnd, text.substring(hit.start(), bodyEnd), ContextRules.HEAD_CONFIDENCE));
                    continue;
                }
            }
            if (hit.entry().type() == EntityType.LOCATION) {
                Matcher body = PLACE_BODY.matcher(text.substring(hit.end(), Math.min(text.length(), hit.end() + 60)));
                if (body.lookingAt() && !PlaceHeads.nextIsTaken(out, i, hit.end() + body.end())) {
                    int bodyEnd = hit.end() + body.end();
                    Matcher legal = LEGAL_FORM.matcher(text.substring(bodyEnd, Math.min(text.length(), bodyEnd + 12)));
                    if (legal.lookingAt()) {
                        bodyEnd += legal.end(); // "Atyrau oil refinery LLP"
                    }
                    String written = text.substring(hit.start(), bodyEnd);
                    GazetteerEntry entry = AIRPORT.matcher(body.group(1)).matches() && lookup.apply(EntityType.ORGANIZATION, written) == null
                            // "Dushanbe International Airport": a place, as the newsroom annotates venues
                            ? new GazetteerEntry(EntityType.LOCATION, written, List.of(), hit.entry().country(), hit.entry().region())
                            : named(written, hit.entry().country(), lookup);
                    out.set(i, new EntityTagger.Hit(entry, hit.start(), bodyEnd, written, ContextRules.HEAD_CONFIDENCE));
                }
                continue;
            }
            if (hit.entry().type() == EntityType.PERSON) {
                Matcher named = NAMED_AFTER.matcher(following(text, hit.end()));
                boolean isNamed = named.lookingAt();
                while (isNamed && i + 1 < out.size() && out.get(i + 1).start() < hit.end() + named.end()
                        && out.get(i + 1).end() <= hit.end() + named.end() && (Demonyms.isDemonymWord(out.get(i + 1).text())
                        || out.get(i + 1).entry().type() == EntityType.ORGANIZATION && out.get(i + 1).confidence() < 1.0)) {
                    out.remove(i + 1); // "Kazakh", or the rule's "Drama Theatre", in "... Kazakh Drama Theatre" is part of the name
                }
                if (isNamed && !PlaceHeads.nextIsTaken(out, i, hit.end() + named.end())) {
                    // "J. Shanin Kazakh Drama Theatre", "Shota Rustaveli State Drama Theater": named after a person
                    int bodyEnd = hit.end() + named.end();
                    String written = text.substring(hit.start(), bodyEnd);
                    out.set(i, new EntityTagger.Hit(named(written, null, lookup), hit.start(), bodyEnd, written,
                            ContextRules.HEAD_CONFIDENCE));
                }
                continue;
            }
            if (hit.entry().type() != EntityType.ORGANIZATION) {
                continue;
            }
            Matcher stani = STANI_ADJECTIVE.matcher(hit.text());
            if (hit.confidence() < 1.0 && stani.lookingAt() && hit.text().indexOf(' ', stani.end()) > 0) {
                // "Kazakhstani Tengri Bank": the nationality, never part of a name
                String written = hit.text().substring(stani.end());
                hit = new EntityTagger.Hit(named(written, hit.entry().country(), lookup), hit.start() + stani.end(), hit.end(), written,
                        hit.confidence());
                out.set(i, hit);
            }
            Matcher role = ROLE_OF.matcher(hit.text());
            if (hit.confidence() < 1.0 && role.lookingAt() && role.end() < hit.text().length()) {
                // "Head of the Investigation Department of ...", "Construction of the Aga Khan Medical Center": the body is after "of"
                String written = hit.text().substring(role.end());
                hit = new EntityTagger.Hit(named(written, hit.entry().country(), lookup), hit.start() + role.end(), hit.end(), written,
                        hit.confidence());
                out.set(i, hit);
            }
            int start = hit.start();
            int end = hit.end();
            Matcher owner = OWNER_BEFORE.matcher(text.substring(Math.max(0, start - 30), start));
            Matcher people = PEOPLES_BEFORE.matcher(text.substring(Math.max(0, start - 20), start));
            int back = hit.text().startsWith("Office") && owner.find() ? owner.group().length()
                    : people.find() ? people.group().length() : 0;
            if (back > 0 && (i == 0 || out.get(i - 1).end() <= start - back)) {
                start -= back; // "Prosecutor's" "Office of Akmola region", "People's" "Democratic Party": the apostrophe ended a word
                Matcher more = CAPITALISED_BEFORE.matcher(text.substring(Math.max(0, start - 25), start));
                if (more.find() && (i == 0 || out.get(i - 1).end() <= start - more.group().length())
                        && !ContextRules.notAName(more.group().strip())) {
                    start -= more.group().length(); // "National" "Children's Medical Center"
                }
            }
            if (start > 1 && text.charAt(start - 1) == '-' && hit.confidence() < 1.0 && HOUSE_END.matcher(hit.text()).find()
                    && Demonyms.isDemonymWord(hit.text().substring(0, Math.max(0, hit.text().indexOf(' '))))) {
                int pairStart = start - 1;
                while (pairStart > 0 && Character.isLetter(text.charAt(pairStart - 1))) {
                    pairStart--;
                }
                if (Demonyms.isDemonymWord(text.substring(pairStart, start - 1)) && (i == 0 || out.get(i - 1).end() <= pairStart)
                        || i > 0 && out.get(i - 1).start() == pairStart && out.get(i - 1).end() == start - 1
                        && Demonyms.isDemonymWord(out.get(i - 1).text()) && out.get(i - 1).entry().type() == EntityType.LOCATION) {
                    if (i > 0 && out.get(i - 1).start() == pairStart) {
                        out.remove(i - 1);
                        i--;
                    }
                    start = pairStart; // "Kazakh-" "British Technical University": the pair names the house
                }
            }
            String after = following(text, end);
            // "Kazakh Foreign Ministry": the country's adjective is part of the name as written
            int space = start - 1;
            if (space > 0 && text.charAt(space) == ' ') {
                int wordStart = space;
                while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
                    wordStart--;
                }
                String before = text.substring(wordStart, space);
                EntityTagger.Hit country = i > 0 && out.get(i - 1).end() == space ? out.get(i - 1) : null;
                if (country != null && country.entry().type() == EntityType.LOCATION
                        && country.entry().name().equals(country.entry().country()) && GENERIC.matcher(hit.text()).matches()
                        && !Demonyms.isDemonymWord(country.text())) {
                    // "Turkmenistan Cabinet of Ministers": the country named before its body
                    GazetteerEntry national = national(hit.text(), country.entry().name(), lookup);
                    if (national != null) {
                        out.remove(i - 1);
                        i--;
                        out.set(i, new EntityTagger.Hit(national, country.start(), hit.end(),
                                text.substring(country.start(), hit.end()), 1.0));
                        continue;
                    }
                }
                if (Demonyms.isDemonymWord(before) && GENERIC.matcher(hit.text()).matches()) {
                    EntityTagger.Hit previous = i > 0 ? out.get(i - 1) : null;
                    // the adjective tagged as its country's mention
                    EntityTagger.Hit adjective = previous != null && previous.start() == wordStart && previous.end() == space
                            ? previous : null;
                    GazetteerEntry national = adjective != null && adjective.entry().type() == EntityType.LOCATION
                            ? national(hit.text(), adjective.entry().name(), lookup) : null;
                    if (national != null) {
                        // "Uzbek Central Bank": the adjective was taken for the country; the name is the Central Bank of Uzbekistan
                        out.remove(i - 1);
                        i--;
                        out.set(i, new EntityTagger.Hit(national, wordStart, hit.end(), text.substring(wordStart, hit.end()), 1.0));
                        continue;
                    }
                    GazetteerEntry ofAdjective = adjective == null && (i == 0 || out.get(i - 1).end() <= wordStart)
                            ? lookup.apply(EntityType.LOCATION, DEMONYM_COUNTRY.getOrDefault(before, before)) : null;
                    GazetteerEntry untagged = ofAdjective != null && ofAdjective.name().equals(ofAdjective.country())
                            ? national(hit.text(), ofAdjective.name(), lookup) : null;
                    if (untagged != null) { // "Kazakhstani Senate": an adjective the gazetteer does not tag
                        out.set(i, new EntityTagger.Hit(untagged, wordStart, hit.end(), text.substring(wordStart, hit.end()), 1.0));
                        continue;
                    } else if (adjective != null && hit.text().endsWith(" Ministry")) {
                        out.remove(i - 1); // "Kazakh Foreign Ministry", as written when the gazetteer has no such form
                        i--;
                        start = wordStart;
                    } else if (i == 0 || out.get(i - 1).end() <= wordStart) {
                        start = wordStart;
                    }
                } else if (Demonyms.isDemonymWord(before) && hit.confidence() < 1.0 && !COMPANY_END.matcher(hit.text()).find()
                        && (!HOME_DEMONYMS.contains(before) || HOUSE_END.matcher(hit.text()).find()
                        || wordStart > 1 && text.charAt(wordStart - 1) == '-')) {
                    // "Lithuanian Public Investment Development Agency", "Uzbek-Turkish ... Council": a name only a rule
                    // found keeps the nationality it is written with
                    int from = wordStart;
                    if (from > 1 && (text.charAt(from - 1) == '-' || text.charAt(from - 1) == '\u2013')) {
                        int pairStart = from - 1;
                        while (pairStart > 0 && Character.isLetter(text.charAt(pairStart - 1))) {
                            pairStart--;
                        }
                        String pair = text.substring(pairStart, from - 1);
                        if (Demonyms.isDemonymWord(pair) || lookup.apply(EntityType.LOCATION, pair) != null) {
                            from = pairStart;
                        }
                    }
                    while (i > 0 && out.get(i - 1).end() > from && out.get(i - 1).start() >= from
                            && out.get(i - 1).entry().type() == EntityType.LOCATION) {
                        out.remove(i - 1); // the adjective, or the compound's country, tagged on its own
                        i--;
                    }
                    if (i == 0 || out.get(i - 1).end() <= from) {
                        start = from;
                    }
                }
            }
            // "CIS Council of the Heads of State": an abbreviation right before an organisation is part of it
            if (i > 0 && out.get(i - 1).entry().type() == EntityType.ORGANIZATION && out.get(i - 1).end() == start - 1
                    && text.charAt(start - 1) == ' ' && ABBREVIATION.matcher(out.get(i - 1).text()).matches()) {
                start = out.get(i - 1).start();
                out.remove(i - 1);
                i--;
            }
            Matcher office = ABBREVIATION.matcher(hit.text()).matches() && start == hit.start()
                    ? UNIT_OF_ABBREVIATION.matcher(after) : null;
            if (office != null && office.lookingAt()
                    && !PlaceHeads.nextIsTaken(absorbPlaces(out, i, end + office.end()), i, end + office.end())) {
                // "UN Country Team in Kyrgyzstan", "EU Delegation to Kazakhstan", "ADB Tajikistan Resident Mission": a unit of it
                end += office.end();
                String written = text.substring(start, end);
                out.set(i, new EntityTagger.Hit(named(written, hit.entry().country(), lookup), start, end, written, ContextRules.HEAD_CONFIDENCE));
                continue;
            }
            Matcher list = LISTED_TAIL.matcher(after);
            if (HEAD_PHRASE.matcher(hit.text()).find() && list.lookingAt() && !PlaceHeads.nextIsTaken(
                    hit.text().contains(" for ") || list.group().contains(" of ") ? absorbPlaces(out, i, end + list.end()) : out,
                    i, end + list.end())) {
                // "Directorate for Central Asia" ", East Asia, Laos and Cambodia": the places its purpose lists are in its name
                end += list.end(); // "Ministry of Investments" ", Industry and Trade"
                after = following(text, end);
            }
            Matcher under = UNDER_TAIL.matcher(after);
            if (under.lookingAt() && !(i + 1 < out.size() && out.get(i + 1).start() < end + under.end()
                    && out.get(i + 1).end() > end + under.end())) {
                // "Statistics Agency" "under the President of Uzbekistan": the body it answers to is part of its name
                int tail = end + under.end();
                while (i + 1 < out.size() && out.get(i + 1).start() < tail) {
                    out.remove(i + 1);
                }
                end = tail;
                after = following(text, end);
            } else if (UNDER_THE.matcher(after).lookingAt() && i + 1 < out.size()
                    && out.get(i + 1).entry().type() == EntityType.ORGANIZATION
                    && out.get(i + 1).start() == end + " under the ".length()) {
                end = out.get(i + 1).end(); // "... Crimes" "under the" "Prosecutor General's Office"
                out.remove(i + 1);
                after = following(text, end);
            }
            Matcher seat = IN_PLACE.matcher(after);
            if (ENDS_IN_OFFICE.matcher(text.substring(start, end)).find() && seat.lookingAt() && i + 1 < out.size()
                    && out.get(i + 1).entry().type() == EntityType.LOCATION && out.get(i + 1).start() == end + seat.end()
                    && (out.get(i + 1).end() >= text.length() || !Character.isLetter(text.charAt(out.get(i + 1).end())))) {
                end = out.get(i + 1).end(); // "Emergency Situations Department" "in Tashkent": an office named by its seat
                out.remove(i + 1);
                after = following(text, end);
            }
            if (text.substring(start, end).endsWith(" of the Republic") && i + 1 < out.size()
                    && out.get(i + 1).entry().type() == EntityType.LOCATION && out.get(i + 1).start() == end + 4
                    && text.startsWith(" of ", end)) {
                end = out.get(i + 1).end(); // "National Olympic Committee of the Republic" "of Uzbekistan"
                out.remove(i + 1);
                after = following(text, end);
            }
            Matcher namedAfter = NAMED_AFTER_PERSON.matcher(after);
            if (namedAfter.lookingAt() && !PlaceHeads.nextIsTaken(absorbPeople(out, i, end + namedAfter.end()), i, end + namedAfter.end())) {
                end += namedAfter.end(); // "National Drama Theater" "named after Alp Arslan"
                after = following(text, end);
            }
            Matcher purpose = PURPOSE_TAIL.matcher(after);
            Matcher quoted = QUOTED_NAME.matcher(after);
            Matcher legal = LEGAL_FORM.matcher(after);
            Matcher tail = HEADED_TAIL.matcher(after);
            if (quoted.lookingAt() && !PlaceHeads.nextIsTaken(out, i, end + quoted.end())) {
                end += quoted.end();
            } else if (legal.lookingAt() && !ENDS_IN_LEGAL_FORM.matcher(hit.text()).find()) {
                end += legal.end();
                if (start == hit.start() && hit.confidence() >= 1.0
                        && lookup.apply(EntityType.ORGANIZATION, text.substring(start, end)) == null) {
                    // "Air Astana JSC": the gazetteer's Air Astana, its legal form part of the mention only
                    out.set(i, new EntityTagger.Hit(hit.entry(), start, end, text.substring(start, end), hit.confidence()));
                    continue;
                }
            } else if (purpose.lookingAt() && ENDS_IN_BODY_HEAD.matcher(hit.text()).find()
                    && !PlaceHeads.nextIsTaken(out, i, end + purpose.end())) {
                end += purpose.end();
            } else if (tail.lookingAt() && !PlaceHeads.nextIsTaken(absorbRuleNames(out, i, end + tail.end()), i, end + tail.end())) {
                end += tail.end(); // "Samruk-Kazyna" "National Welfare Fund"
                Matcher tailForm = LEGAL_FORM.matcher(following(text, end));
                if (tailForm.lookingAt()) {
                    end += tailForm.end(); // "Kazakhmys" "Corporation" "LLP"
                }
                if (start == hit.start() && hit.confidence() >= 1.0 && DESCRIPTIVE_TAIL.matcher(tail.group(1)).find()
                        && !(tail.group(1).endsWith("Fund") && PARENT_OF_FUNDS.matcher(hit.entry().name()).find())
                        && lookup.apply(EntityType.ORGANIZATION, text.substring(start, end)) == null) {
                    // the gazetteer's Samruk-Kazyna, described: "Samruk-Kazyna Sovereign Wealth Fund", "Kazakh Invest National Company"
                    out.set(i, new EntityTagger.Hit(hit.entry(), start, end, text.substring(start, end), hit.confidence()));
                    continue;
                }
            } else if (i + 1 < out.size() && out.get(i + 1).entry().type() == EntityType.ORGANIZATION && out.get(i + 1).start() >= end
                    && OF_GAP.matcher(text.substring(end, out.get(i + 1).start())).matches()) {
                end = out.get(i + 1).end(); // "Council of Foreign Ministers" of "the CIS": one name
                out.remove(i + 1);
            } else if (i + 1 < out.size() && out.get(i + 1).entry().type() == EntityType.LOCATION && out.get(i + 1).start() >= end
                    && HEAD_PHRASE.matcher(text.substring(start, end)).find()
                    && OF_GAP.matcher(text.substring(end, out.get(i + 1).start())).matches()
                    && PLACE_UNIT_END.matcher(out.get(i + 1).text()).find()) {
                end = out.get(i + 1).end(); // "Main Department of Health ..." of "the Khatlon region": a regional body
                out.remove(i + 1);
            }
            Matcher purposeAfterTail = end != hit.end() ? PURPOSE_TAIL.matcher(following(text, end)) : null;
            if (purposeAfterTail != null && purposeAfterTail.lookingAt() && ENDS_IN_BODY_HEAD.matcher(text.substring(start, end)).find()
                    && !PlaceHeads.nextIsTaken(out, i, end + purposeAfterTail.end())) {
                end += purposeAfterTail.end(); // "Senate" "Committee" "on Socio-Cultural Development and Science"
            }
            Matcher deputies = text.startsWith("People", end - "People".length()) ? PEOPLES_TAIL.matcher(following(text, end)) : null;
            if (deputies != null && deputies.lookingAt() && !PlaceHeads.nextIsTaken(out, i, end + deputies.end())) {
                end += deputies.end(); // "Khorezm Region Council of People" "'s Deputies": the apostrophe ended a word
            }
            Matcher unit = PLACE_UNIT_AFTER.matcher(following(text, end));
            boolean ofPlace = unit.lookingAt() && ENDS_IN_OF_PLACE.matcher(text.substring(start, end)).find();
            if (ofPlace && i + 1 < out.size() && out.get(i + 1).entry().type() == EntityType.LOCATION
                    && out.get(i + 1).start() < end && out.get(i + 1).end() == end + unit.end()) {
                out.remove(i + 1); // the gazetteer's "Khatlon region" inside "... of the Khatlon region"
            }
            if (ofPlace && !PlaceHeads.nextIsTaken(out, i, end + unit.end())) {
                end += unit.end(); // "... of the Khatlon" "region": the place's unit belongs to the name
            }
            if (end != hit.end() || start != hit.start()) {
                String written = text.substring(start, end);
                GazetteerEntry entry = named(written, hit.entry().country(), lookup);
                GazetteerEntry national = mainCountry != null && lookup.apply(EntityType.ORGANIZATION, written) == null
                        && !written.contains(mainCountry) ? national(written, mainCountry, lookup) : null;
                // "People's" "Democratic Party" of a Tajik story: the People's Democratic Party of Tajikistan
                out.set(i, new EntityTagger.Hit(national != null ? national : entry, start, end, written,
                        national != null ? 1.0 : hit.confidence()));
                continue;
            }
            Matcher suffixed = COUNTRY_SUFFIXED.matcher(hit.text());
            if (suffixed.matches() && GENERIC.matcher(suffixed.group(1)).matches()) {
                GazetteerEntry place = lookup.apply(EntityType.LOCATION, suffixed.group(2));
                GazetteerEntry known = place != null && place.name().equals(place.country())
                        ? national(suffixed.group(1), place.name(), lookup) : null;
                if (known != null) { // "Foreign Ministry of Turkmenistan" is the Ministry of Foreign Affairs of Turkmenistan
                    out.set(i, new EntityTagger.Hit(known, hit.start(), hit.end(), hit.text(), 1.0));
                    continue;
                }
            }
            Matcher prefixed = COUNTRY_PREFIXED.matcher(hit.text());
            if (prefixed.matches() && GENERIC.matcher(prefixed.group(2)).matches()) {
                GazetteerEntry place = lookup.apply(EntityType.LOCATION, prefixed.group(1));
                GazetteerEntry known = place != null && place.name().equals(place.country())
                        ? national(prefixed.group(2), place.name(), lookup) : null;
                if (known != null) {
                    out.set(i, new EntityTagger.Hit(known, hit.start(), hit.end(), hit.text(), 1.0));
                    continue;
                }
                if (place != null && place.name().equals(place.country()) && hit.confidence() < 1.0
                        && prefixed.group(2).startsWith("Ministry of ")) {
                    // "Kyrgyzstan Ministry of Economic Regulation": the Ministry of Economic Regulation of Kyrgyzstan
                    String official = prefixed.group(2) + " of " + place.name();
                    out.set(i, new EntityTagger.Hit(new GazetteerEntry(EntityType.ORGANIZATION, official, List.of(), place.name(), null),
                            hit.start(), hit.end(), hit.text(), hit.confidence()));
                    continue;
                }
            }
            String possessor = ownerCountry(text, hit.start(), lookup);
            if (possessor != null && hit.confidence() < 1.0 && !hit.text().contains(possessor)) {
                // "Kazakhstan's Atomic Energy Agency", "Turkmenistan's Central Bank": the country named as its owner
                GazetteerEntry known = national(hit.text(), possessor, lookup);
                if (known != null) {
                    out.set(i, new EntityTagger.Hit(known, hit.start(), hit.end(), hit.text(), 1.0));
                    continue;
                }
            }
            if (mainCountry != null && hit.confidence() < 1.0 && !GENERIC.matcher(hit.text()).matches()
                    && !hit.text().contains(mainCountry) && hit.text().indexOf(' ') > 0) {
                // "the National Guard", "Atomic Energy Agency": a body the gazetteer lists as the article's country's
                GazetteerEntry known = national(hit.text(), mainCountry, lookup);
                if (known != null) {
                    out.set(i, new EntityTagger.Hit(known, hit.start(), hit.end(), hit.text(), 1.0));
                    continue;
                }
            }
            if (mainCountry != null && GENERIC.matcher(hit.text()).matches() && !hit.text().contains(mainCountry)
                    && (hit.entry().country() == null || !hit.entry().country().equals(mainCountry))) {
                // only to a body the gazetteer knows: otherwise the name stays as the article wrote it
                GazetteerEntry known = national(hit.text(), mainCountry, lookup);
                if (known != null) {
                    out.set(i, new EntityTagger.Hit(known, hit.start(), hit.end(), hit.text(), 1.0));
                } else if (hit.confidence() < 1.0 && lookup.apply(EntityType.LOCATION, mainCountry) != null) {
                    // "the Cabinet of Ministers" of an Azerbaijani story the gazetteer has no line for: the
                    // country's body still, named in the official order ("Finance Ministry" is the "Ministry of Finance")
                    String official = officialForms(hit.text()).get(0) + " of " + mainCountry;
                    out.set(i, new EntityTagger.Hit(new GazetteerEntry(EntityType.ORGANIZATION, official, List.of(), mainCountry, null),
                            hit.start(), hit.end(), hit.text(), hit.confidence()));
                }
            }
        }
        return out;
    }

    private static final Pattern SHORT_MINISTRY = Pattern.compile("(\\p{Lu}\\p{L}+(?: (?:and )?\\p{Lu}\\p{L}+){0,3}) Ministry");
    private static final Map<String, List<String>> MINISTRY_OF = Map.of("Defense", List.of("Defence", "Defense"),
            "Defence", List.of("Defence", "Defense"), "Foreign", List.of("Foreign Affairs"), "Interior", List.of("Internal Affairs",
                    "Interior"), "Health", List.of("Health", "Healthcare"), "Economy", List.of("Economy", "National Economy",
                    "Economy and Finance"), "Education", List.of("Education", "Education and Science", "Public Education"));

    /**
     * The ways a state body named without its country is written in the gazetteer: "Finance Ministry" is the
     * "Ministry of Finance", "Ministry of Emergencies" the "Ministry of Emergency Situations".
     */
    static List<String> officialForms(String written) {
        Matcher shortForm = SHORT_MINISTRY.matcher(written);
        if (shortForm.matches()) {
            return MINISTRY_OF.getOrDefault(shortForm.group(1), List.of(shortForm.group(1))).stream()
                    .map(topic -> "Ministry of " + topic).toList();
        }
        if (written.startsWith("Ministry for ")) {
            return List.of(written, "Ministry of " + written.substring("Ministry for ".length())); // "Ministry for Investments and Development"
        }
        if (written.equals("Ministry of Emergencies")) {
            return List.of(written, "Ministry of Emergency Situations");
        }
        if (written.contains("Statistics Committee") || written.contains("Statistical Committee")) {
            // "National Statistics Committee" is the gazetteer's "National Statistical Committee of Kyrgyzstan"
            return List.of(written, written.contains("Statistics Committee") ? written.replace("Statistics Committee", "Statistical Committee")
                    : written.replace("Statistical Committee", "Statistics Committee"));
        }
        if (written.equals("Ministry of Health")) {
            return List.of(written, "Ministry of Healthcare", "Ministry of Health and Social Protection of Population");
        }
        return List.of(written);
    }

    /**
     * "State Oil Company of the Republic of Azerbaijan (SOCAR)": a long name no gazetteer line holds, introducing
     * an abbreviation the gazetteer knows, is that organisation written out.
     */
    static List<EntityTagger.Hit> spelledOutAbbreviations(List<EntityTagger.Hit> hits, String text,
                                                          BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i + 1 < out.size(); i++) {
            EntityTagger.Hit longName = out.get(i);
            EntityTagger.Hit abbreviation = out.get(i + 1);
            if (longName.entry().type() != EntityType.ORGANIZATION || abbreviation.entry().type() != EntityType.ORGANIZATION
                    || longName.entry() == abbreviation.entry() || longName.text().indexOf(' ') < 0
                    || !ABBREVIATION.matcher(abbreviation.text()).matches()
                    || lookup.apply(EntityType.ORGANIZATION, longName.entry().name()) == longName.entry()
                    || lookup.apply(EntityType.ORGANIZATION, abbreviation.text()) != abbreviation.entry()
                    || !text.startsWith(" (", longName.end()) || abbreviation.start() != longName.end() + 2
                    || !text.startsWith(")", abbreviation.end())
                    || longName.text().contains(abbreviation.entry().name()) // "Council of ... of the Commonwealth of Independent States (CIS)"
                    || !initialsSpell(longName.text(), abbreviation.text())) {
                continue;
            }
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            out.set(i, new EntityTagger.Hit(abbreviation.entry(), longName.start(), longName.end(), longName.text(), 1.0));
        }
        return out;
    }

    /**
     * The abbreviation starts with the name's first initial and every letter of it is the initial of one of the
     * name's capitalised words (in any order: SOCAR is the State Oil Company of the Republic of Azerbaijan).
     */
    private static boolean initialsSpell(String name, String abbreviation) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.split("[ -]+")) {
            if (!word.isEmpty() && Character.isUpperCase(word.charAt(0))) {
                initials.append(word.charAt(0));
            }
        }
        if (initials.length() == 0 || initials.charAt(0) != abbreviation.charAt(0)) {
            return false;
        }
        for (char letter : abbreviation.toCharArray()) {
            int at = initials.indexOf(String.valueOf(letter));
            if (at < 0) {
                return false;
            }
            initials.setCharAt(at, ' ');
        }
        return true;
    }

    private static final Pattern POSSESSIVE_BEFORE = Pattern.compile("(?<![\\p{L}])(\\p{Lu}\\p{L}+)['\u2019]s $");

    /** The country a possessive right before {@code start} names ("Kazakhstan's "), or null. */
    private static String ownerCountry(String text, int start, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        if (start < 3 || text.charAt(start - 1) != ' ' || text.charAt(start - 2) != 's') {
            return null;
        }
        Matcher possessive = POSSESSIVE_BEFORE.matcher(text.substring(Math.max(0, start - 30), start));
        if (!possessive.find()) {
            return null;
        }
        GazetteerEntry place = lookup.apply(EntityType.LOCATION, possessive.group(1));
        return place != null && place.name().equals(place.country()) ? place.name() : null;
    }

    /** The gazetteer's body of {@code country} a body named without its country stands for, or null. */
    private static GazetteerEntry national(String generic, String country, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        for (String form : officialForms(generic.replace(", and ", " and "))) { // "Investment, Industry, and Trade"
            GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, form + " of " + country);
            if (known != null) {
                return known;
            }
        }
        return null;
    }

    /** Drops the people (and their places) named inside {@code [.., end)} after hit {@code i}: "... named after Alp Arslan". */
    private static List<EntityTagger.Hit> absorbPeople(List<EntityTagger.Hit> hits, int i, int end) {
        while (i + 1 < hits.size() && hits.get(i + 1).end() <= end && hits.get(i + 1).entry().type() != EntityType.ORGANIZATION) {
            hits.remove(i + 1);
        }
        return hits;
    }

    /** Drops the places (and rule names) inside {@code [.., end)} after hit {@code i}: "... Country Team in Kyrgyzstan". */
    private static List<EntityTagger.Hit> absorbPlaces(List<EntityTagger.Hit> hits, int i, int end) {
        while (i + 1 < hits.size() && hits.get(i + 1).end() <= end && (hits.get(i + 1).entry().type() == EntityType.LOCATION
                || hits.get(i + 1).confidence() < 1.0)) {
            hits.remove(i + 1);
        }
        return hits;
    }

    /** Drops the organisations only a rule found that lie inside {@code [.., end)} after hit {@code i}: its longer name covers them. */
    private static List<EntityTagger.Hit> absorbRuleNames(List<EntityTagger.Hit> hits, int i, int end) {
        while (i + 1 < hits.size() && hits.get(i + 1).end() <= end && hits.get(i + 1).confidence() < 1.0
                && hits.get(i + 1).entry().type() == EntityType.ORGANIZATION) {
            hits.remove(i + 1); // "Talco" + the rule's "Management Limited"
        }
        return hits;
    }

    /** "Government of Kazakhstan", "the Government of the Kyrgyz Republic": a generic body, no entity (docs/ANNOTATION.md). */
    /** A relation between countries or a bare head, named in capitals: no organisation. */
    private static final Pattern NOT_A_BODY = Pattern.compile("(?:(?:Comprehensive |Enhanced |Expanded |Eternal |Allied |"
            + "Privileged )*Strategic Partnership|Mission|Partnership|Alliance|Network"
            // a unit every body has, named alone: "the Press Service", "the Procurement Department", "a Trust Fund"
            + "|Press (?:Service|Center|Centre|Office)|Protocol Service|(?:Procurement|Finance|Credit|Personnel|Accounting|Legal) "
            + "Department|Post Office|Shopping (?:Centre|Center|Mall)|Trust Fund|Executive Office)");
    private static final Pattern GOVERNMENT_OF = Pattern.compile("(?:Government|government) of (?:the )?(?:Republic of )?"
            + "\\p{Lu}[\\p{L}-]+(?: Republic)?");

    /** "World Boxing" of "World Boxing Championships": an organisation's name inside an event's is no mention of it. */
    private static final Pattern EVENT_AFTER = Pattern.compile("^ (?:Championships?|Cup|Games|Olympiad|Tournament)\\b");

    /** "UN agencies", "UN Resident Coordinator": the UN as an adjective of a kind or a post, not named itself. */
    private static final Pattern UN_ADJECTIVE_AFTER = Pattern.compile("^[ -](?:[a-z]|(?:Secretary|Resident Coordinator|Special "
            + "(?:Rapporteur|Envoy|Representative)|Representative|Envoy|Rapporteur|Humanitarian Coordinator|Under-Secretary)\\b)");

    /**
     * "Central Asia Water and Energy Program", "Central Asia + China Summit", "Tashkent International Investment
     * Forum": a place that opens the name of a programme or an event is no mention of it (docs/ANNOTATION.md).
     */
    private static final Pattern PROGRAMME_AFTER = Pattern.compile("^(?:(?:[ \u2013+-]|\\s\\+\\s)+(?:\\p{Lu}[\\p{L}.-]*|and|of|for|"
            + "\\(\\p{Lu}{2,8}\\)))*?[ \u2013-](?:Program|Programme|Project|Strategy|Summit|Forum|Conference|Initiative|Exhibition|"
            + "Expo|Dialogue)\\b");

    /** Drops the generic governments, whatever a gazetteer line says, and organisations named only inside an event. */
    static List<EntityTagger.Hit> withoutGovernments(List<EntityTagger.Hit> hits, String text) {
        List<EntityTagger.Hit> kept = new ArrayList<>(hits);
        kept.removeIf(h -> h.entry().type() == EntityType.LOCATION
                && PROGRAMME_AFTER.matcher(text.substring(h.end(), Math.min(text.length(), h.end() + 80))).lookingAt());
        kept.removeIf(h -> h.entry().type() == EntityType.ORGANIZATION
                && (EVENT_AFTER.matcher(text.substring(h.end(), Math.min(text.length(), h.end() + 16))).lookingAt()
                || h.confidence() < 1.0 && NOT_A_BODY.matcher(h.entry().name()).matches()
                || h.entry().name().equals("United Nations") && h.text().length() <= "United Nations".length()
                && UN_ADJECTIVE_AFTER.matcher(text.substring(h.end(), Math.min(text.length(), h.end() + 30))).lookingAt()));
        hits = kept.size() == hits.size() ? hits : kept;
        if (hits.stream().noneMatch(h -> h.entry().type() == EntityType.ORGANIZATION && GOVERNMENT_OF.matcher(h.entry().name()).matches())) {
            return hits;
        }
        List<EntityTagger.Hit> out = new ArrayList<>(hits);
        out.removeIf(h -> h.entry().type() == EntityType.ORGANIZATION && GOVERNMENT_OF.matcher(h.entry().name()).matches());
        return out;
    }

    /**
     * "Bishkek City Court ... the City Court upheld": a body a rule found, named by the end of an organisation named
     * before it in the article, is that organisation again.
     */
    static List<EntityTagger.Hit> shortNames(List<EntityTagger.Hit> hits) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 1; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            if (hit.entry().type() != EntityType.ORGANIZATION || hit.confidence() >= 1.0 || hit.text().indexOf(' ') < 0) {
                continue;
            }
            for (int k = i - 1; k >= 0; k--) {
                EntityTagger.Hit earlier = out.get(k);
                String name = earlier.entry().name();
                if (earlier.entry().type() == EntityType.ORGANIZATION && earlier.entry() != hit.entry()
                        && name.length() > hit.text().length() && name.endsWith(" " + hit.text())) {
                    if (out == hits) {
                        out = new ArrayList<>(hits);
                    }
                    out.set(i, new EntityTagger.Hit(earlier.entry(), hit.start(), hit.end(), hit.text(), earlier.confidence()));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * "People's Democratic Party (PDP)": the abbreviation in brackets right after a name is that name's, even when a
     * later pass lengthened the name and gave it another entry.
     */
    static List<EntityTagger.Hit> bracketedAbbreviations(List<EntityTagger.Hit> hits, String text) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 1; i < out.size(); i++) {
            EntityTagger.Hit abbreviation = out.get(i);
            EntityTagger.Hit name = out.get(i - 1);
            if (abbreviation.entry().type() != EntityType.ORGANIZATION || name.entry().type() != EntityType.ORGANIZATION
                    || abbreviation.entry() == name.entry() || !ABBREVIATION.matcher(abbreviation.text()).matches()
                    || abbreviation.start() != name.end() + 2 || !text.startsWith(" (", name.end())
                    || !text.startsWith(")", abbreviation.end()) || abbreviation.confidence() >= 1.0 && name.confidence() < 1.0) {
                continue;
            }
            GazetteerEntry stale = abbreviation.entry();
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            for (int k = 0; k < out.size(); k++) {
                EntityTagger.Hit h = out.get(k);
                if (h.entry() == stale) {
                    out.set(k, new EntityTagger.Hit(name.entry(), h.start(), h.end(), h.text(), name.confidence()));
                }
            }
        }
        return out;
    }

    /** What a company is, not what it is called: "Open Joint-Stock Company (OJSC) Agroinvestbonk". */
    private static final Pattern LEGAL_DESCRIPTOR = Pattern.compile("(?:(?:Open|Closed|Public|Private|National|State) )?(?:"
            + "Joint[- ]Stock (?:Commercial )?(?:Company|Bank)|Limited Liability (?:Company|Partnership)|(?:State )?Unitary Enterprise|"
            + "Public (?:Foundation|Association|Fund)|Commercial Bank|National (?:Wealth |Welfare )?Fund|Sovereign Wealth Fund|"
            + "National (?:Managing )?(?:Company|Holding))"); // "the National Wealth Fund Samruk-Kazyna"
    /** The name after a descriptor: "(OJSC) Agroinvestbonk", "\"Dushanbe Moll\"", "Dushanbe Moll". */
    private static final Pattern NAME_AFTER_DESCRIPTOR = Pattern.compile("^(?: \\(\\p{Lu}{2,6}\\))? ([\"\u201c\u00ab]?)"
            + "(\\p{Lu}[\\p{L}\\d&-]*(?: \\p{Lu}[\\p{L}\\d&-]*){0,3})[\"\u201d\u00bb]?");

    /**
     * "the Closed Joint Stock Company (CJSC) Dushanbe Moll": the legal form a rule took for a name
     * describes the company named after it, which is the organisation (and the abbreviation the form's).
     */
    static List<EntityTagger.Hit> legalDescriptors(List<EntityTagger.Hit> hits, String text,
                                                   BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            if (hit.entry().type() != EntityType.ORGANIZATION || hit.confidence() >= 1.0
                    || !LEGAL_DESCRIPTOR.matcher(hit.text()).matches()) {
                continue;
            }
            Matcher name = NAME_AFTER_DESCRIPTOR.matcher(following(text, hit.end()));
            if (!name.lookingAt()) {
                continue;
            }
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            int nameStart = hit.end() + name.start(2);
            int nameEnd = hit.end() + name.end(2);
            GazetteerEntry descriptor = hit.entry();
            out.remove(i);
            boolean named = false;
            for (int k = i; k < out.size() && out.get(k).start() < nameEnd; k++) {
                if (out.get(k).start() == nameStart && out.get(k).entry().type() == EntityType.ORGANIZATION) {
                    named = true; // "Agroinvestbonk": already an organisation
                }
            }
            if (!named) {
                while (i < out.size() && out.get(i).start() < nameEnd) {
                    out.remove(i); // the places and pieces inside "Dushanbe Moll"
                }
                String written = text.substring(nameStart, nameEnd);
                out.add(i, new EntityTagger.Hit(named(written, descriptor.country(), lookup), nameStart, nameEnd, written,
                        ContextRules.HEAD_CONFIDENCE));
            }
            out.removeIf(h -> h.entry() == descriptor); // its abbreviation elsewhere ("CJSC") names no company
            i--;
        }
        return out;
    }

    /**
     * "British American Tobacco Uzbekistan", "Carlsberg Kazakhstan": a company named with a country right after it is
     * its subsidiary there, an organisation of its own; the country is part of its name, not a mention.
     */
    static List<EntityTagger.Hit> countrySubsidiaries(List<EntityTagger.Hit> hits, String text,
                                                      BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i + 1 < out.size(); i++) {
            EntityTagger.Hit company = out.get(i);
            EntityTagger.Hit country = out.get(i + 1);
            if (company.entry().type() != EntityType.ORGANIZATION || country.entry().type() != EntityType.LOCATION
                    || !country.entry().name().equals(country.entry().country()) || country.start() != company.end() + 1
                    || text.charAt(company.end()) != ' ' || Demonyms.isDemonymWord(country.text())
                    || !COMPANY_LIKE.matcher(company.entry().name()).find() || HEAD_PHRASE.matcher(company.text()).find()
                    || country.end() < text.length() && (Character.isLetterOrDigit(text.charAt(country.end()))
                    || text.charAt(country.end()) == '\'' || text.charAt(country.end()) == '\u2019'
                    || text.startsWith(" and", country.end()) || text.charAt(country.end()) == ',')) {
                continue;
            }
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            joinNext(out, i, text, country.entry().name(), company.confidence(), lookup);
        }
        return out;
    }

    /** Hit {@code i} and the one after it as one organisation, named by the text from the first to the second's end. */
    private static void joinNext(List<EntityTagger.Hit> out, int i, String text, String country, double confidence,
                                 BiFunction<EntityType, String, GazetteerEntry> lookup) {
        int start = out.get(i).start();
        int end = out.get(i + 1).end();
        String written = text.substring(start, end);
        out.set(i, new EntityTagger.Hit(named(written, country, lookup), start, end, written, confidence));
        out.remove(i + 1);
    }

    /** Names that read as a company's, not a state body's or an international organisation's. */
    private static final Pattern COMPANY_LIKE = Pattern.compile("^(?!.*\\b(?:Ministry|Embassy|Committee|Council|Agency|Court|"
            + "Parliament|Government|Nations|Union|Organization|Organisation|Office|Commission|Fund|Programme|Program|"
            + "Bank|Cooperation|Development|Red Cross|Red Crescent)\\b)");

    /**
     * "Academic Lyceum under Bukhara State Pedagogical Institute", "Directorate ... under the Tashkent region
     * administration": a unit named with the body it answers to is one organisation. Runs once the bodies on
     * both sides have their full names.
     */
    static List<EntityTagger.Hit> underBodies(List<EntityTagger.Hit> hits, String text,
                                              BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> out = hits;
        for (int i = 0; i + 1 < out.size(); i++) {
            EntityTagger.Hit unit = out.get(i);
            EntityTagger.Hit body = out.get(i + 1);
            if (unit.entry().type() != EntityType.ORGANIZATION || body.entry().type() != EntityType.ORGANIZATION
                    || unit.confidence() >= 1.0 || body.start() <= unit.end() || body.start() - unit.end() > 11) {
                continue;
            }
            String gap = text.substring(unit.end(), body.start());
            if (!gap.equals(" under ") && !gap.equals(" under the ")) {
                continue;
            }
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            joinNext(out, i, text, body.entry().country(), unit.confidence(), lookup);
            i--;
        }
        return out;
    }

    /** A legal form written before or after a company's name: "JSC Alokabank", "JSCB Halk Bank", "Samruk Energo JSC". */
    private static final Pattern WITH_LEGAL_FORM = Pattern.compile("(?:JSC|JSCB|JSB|OJSC|CJSC|NJSC|PJSC|LLC|LLP|AKIB|ATB|ATIB|"
            + "OOO|TOO|MChJ|QK|AJ) (\\p{Lu}.*)|(\\p{Lu}.*?(?<! Co\\.?)),? (?:JSC|JSCB|OJSC|CJSC|LLP|LLC)");

    /**
     * "JSC Alokabank" is the company Alokabank, whichever way an article writes it: a name a rule found with a
     * legal form, or a bank with its descriptor ("Rysgal Joint-Stock Commercial Bank"), is named without it (the
     * mention keeps it), so "Alokabank" or "Rysgal Bank" elsewhere is the same company.
     */
    /** "JSC Alokabank", "Samruk Energo JSC": the name without its legal form, or null when none is written. */
    static String withoutLegalForm(String name) {
        Matcher form = WITH_LEGAL_FORM.matcher(name);
        return form.matches() ? (form.group(1) != null ? form.group(1) : form.group(2)) : null;
    }

    static List<EntityTagger.Hit> bareCompanyNames(List<EntityTagger.Hit> hits,
                                                    BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> out = hits;
        Map<GazetteerEntry, GazetteerEntry> renamed = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            EntityTagger.Hit hit = out.get(i);
            GazetteerEntry entry = renamed.get(hit.entry());
            if (entry == null) {
                String name = hit.entry().type() == EntityType.ORGANIZATION && hit.confidence() < 1.0
                        && hit.entry().name().equals(hit.text()) ? withoutLegalForm(hit.text()) : null;
                Matcher commercial = name == null && hit.entry().type() == EntityType.ORGANIZATION && hit.confidence() < 1.0
                        ? COMMERCIAL_BANK.matcher(hit.text()) : null;
                if (commercial != null && commercial.matches()) {
                    // "Rysgal Joint-Stock Commercial Bank" is Rysgal Bank; "Halkbank Joint-Stock Commercial Bank" is Halkbank
                    name = commercial.group(1).endsWith("bank") || lookup.apply(EntityType.ORGANIZATION, commercial.group(1)) != null
                            ? commercial.group(1) : commercial.group(1) + " Bank";
                }
                if (name == null || name.indexOf('"') >= 0 || name.indexOf('\u00ab') >= 0 || name.indexOf('\u201c') >= 0) {
                    continue; // a quoted name keeps its form: "JSC \"Kazakhstan\"" is no country
                }
                entry = named(name, hit.entry().country(), lookup);
                renamed.put(hit.entry(), entry);
            }
            if (out == hits) {
                out = new ArrayList<>(hits);
            }
            out.set(i, new EntityTagger.Hit(entry, hit.start(), hit.end(), hit.text(), hit.confidence()));
        }
        return out;
    }

    /** The gazetteer's organisation of that name, else an article-local one in {@code country}. */
    private static GazetteerEntry named(String written, String country, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, written);
        if (known == null && written.contains(", and ")) {
            known = lookup.apply(EntityType.ORGANIZATION, written.replace(", and ", " and "));
        }
        if (known == null && written.contains(" of the Republic of ")) {
            // "Ministry of Tourism and Sports of the Republic of Uzbekistan": the gazetteer's "... of Uzbekistan"
            String plain = written.replace(" of the Republic of ", " of ");
            known = lookup.apply(EntityType.ORGANIZATION, plain);
            GazetteerEntry place = known == null && written.endsWith(" of the Republic of " + country) ? lookup.apply(EntityType.LOCATION, country)
                    : null;
            if (place != null && country.equals(place.country())) {
                return new GazetteerEntry(EntityType.ORGANIZATION, plain, List.of(), country, null); // named as the country's
            }
        }
        Matcher government = known == null ? GOVERNMENT_OF_REGION.matcher(written) : null;
        if (government != null && government.matches()) {
            // "Akimat of the Turkestan region" is the gazetteer's Turkistan Region Akimat
            String head = Character.toUpperCase(government.group(1).charAt(0)) + government.group(1).substring(1).toLowerCase(java.util.Locale.ROOT);
            GazetteerEntry region = lookup.apply(EntityType.LOCATION, government.group(2) + " Region");
            known = lookup.apply(EntityType.ORGANIZATION, (region != null ? region.name() : government.group(2) + " Region") + " " + head);
        }
        if (known == null && written.endsWith(" of the Kyrgyz Republic")) {
            known = lookup.apply(EntityType.ORGANIZATION, written.replace(" of the Kyrgyz Republic", " of Kyrgyzstan"));
        }
        return known != null ? known : new GazetteerEntry(EntityType.ORGANIZATION, written, List.of(), country, null);
    }

    /** The text a name may go on with, after {@code end}. */
    private static String following(String text, int end) {
        return text.substring(end, Math.min(text.length(), end + 60));
    }

    /**
     * "Atyrau oil refinery LLP" ... "the Atyrau oil refinery": the name without its legal form is the
     * same company, so its mentions join the full name's entity.
     */
    static <M> void joinLegalForms(Map<GazetteerEntry, List<M>> found) {
        Map<String, GazetteerEntry> withForm = new HashMap<>();
        for (GazetteerEntry entry : found.keySet()) {
            Matcher legal = ENDS_IN_LEGAL_FORM.matcher(entry.name());
            if (entry.type() == EntityType.ORGANIZATION && legal.find() && legal.start() > 1) {
                withForm.putIfAbsent(entry.name().substring(0, legal.start()).strip(), entry);
            }
        }
        if (withForm.isEmpty()) {
            return;
        }
        for (var it = found.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            GazetteerEntry full = e.getKey().type() == EntityType.ORGANIZATION ? withForm.get(e.getKey().name()) : null;
            if (full != null && full != e.getKey()) {
                found.get(full).addAll(e.getValue());
                it.remove();
            }
        }
    }

    /** The country most of the article's places and known bodies lie in (a country named counts double), or null. */
    static String mainCountry(List<EntityTagger.Hit> title, List<EntityTagger.Hit> body, String bodyText) {
        Map<String, Integer> votes = new HashMap<>();
        // a wire's dateline line ("BAKU, Azerbaijan, Sept. 3") says where the agency sits, not what the story is about
        int firstLine = bodyText.indexOf('\n');
        int datelineEnd = firstLine > 0 && firstLine <= 60 ? firstLine : -1;
        for (List<EntityTagger.Hit> hits : List.of(title, body)) {
            for (EntityTagger.Hit hit : hits) {
                if (hits == body && hit.end() <= datelineEnd) {
                    continue;
                }
                String country = hit.entry().country();
                if (hit.entry().type() == EntityType.LOCATION && country != null) {
                    votes.merge(country, hit.entry().name().equals(country) ? 2 : 1, Integer::sum);
                } else if (hit.entry().type() == EntityType.ORGANIZATION && country != null && hit.confidence() >= 1.0) {
                    votes.merge(country, 1, Integer::sum); // "Tashkent City Court": a known body of the country votes too
                }
            }
        }
        if (votes.isEmpty()) {
            return currencyCountry(bodyText);
        }
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** Currencies only one country pays in; the manat is left out (Turkmen and Azerbaijani). */
    private static final Map<String, String> NATIONAL_CURRENCIES = Map.ofEntries(Map.entry("soums", "Uzbekistan"),
            Map.entry("soum", "Uzbekistan"), Map.entry("UZS", "Uzbekistan"), Map.entry("somoni", "Tajikistan"),
            Map.entry("somonis", "Tajikistan"), Map.entry("TJS", "Tajikistan"), Map.entry("tenge", "Kazakhstan"),
            Map.entry("tenges", "Kazakhstan"), Map.entry("KZT", "Kazakhstan"), Map.entry("soms", "Kyrgyzstan"),
            Map.entry("som", "Kyrgyzstan"), Map.entry("KGS", "Kyrgyzstan"), Map.entry("TMT", "Turkmenistan"));

    /**
     * An article that names no place of its own ("115 officials prosecuted, damage of 51.3 billion soums, according
     * to the Prosecutor General's Office") is still about the country whose money it counts in.
     */
    private static String currencyCountry(String bodyText) {
        String found = null;
        int at = 0;
        while (at < bodyText.length()) {
            while (at < bodyText.length() && !Character.isLetter(bodyText.charAt(at))) {
                at++;
            }
            int end = at;
            while (end < bodyText.length() && Character.isLetter(bodyText.charAt(end))) {
                end++;
            }
            String country = end > at ? NATIONAL_CURRENCIES.get(bodyText.substring(at, end)) : null;
            if (country != null && found != null && !found.equals(country)) {
                return null; // two countries' money: no guess
            }
            found = country != null ? country : found;
            at = end;
        }
        return found;
    }
}
