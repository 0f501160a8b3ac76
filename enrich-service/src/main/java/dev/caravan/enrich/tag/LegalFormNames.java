package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Companies closed by a legal form written with full stops or in several words, which the token
 * rules cannot see as one head: "Vatan Kablo A.S.", "Extol Global Capital Pte. Ltd.", "Hunan Zhongwei
 * Group Co., Ltd.", "Wabtec Transportation Engines Holding B.V.", "KBV GmbH &amp; Co. KG". The name is
 * the capitalised words right before the form (Turkish "ve" and "&amp;" may join them).
 */
final class LegalFormNames {

    /** Longest first, so "Co., Ltd." wins over "Ltd.". */
    private static final List<String> FORMS = List.of("GmbH & Co. KG", "Co., Ltd.", "Co., Ltd", "Co. Ltd.", "Co. Ltd", "Pte. Ltd.",
            "Pvt. Ltd.", "Sp. z o.o.", "S.p.A.", "S.r.l.", "A.Ş.", "A.S.", "Ş.A.", "B.V.", "N.V.", "S.A.", "GmbH", "Ltd. Şti.");
    /** Words that join the parts of a company's name. */
    private static final Set<String> JOINERS = Set.of("ve", "we", "&", "of", "de", "und", "and");
    /** Where a name ends: "and" after one of these starts the next company of a list. */
    private static final Set<String> NAME_ENDS = Set.of("Group", "Company", "Corporation", "Holding", "Holdings", "Bank", "Ltd", "Ltd.",
            "LLC", "JSC", "Inc", "Inc.", "A.S.", "A.Ş.", "B.V.", "S.A.", "GmbH", "Co.", "Limited");
    private static final int MAX_WORDS = 8;
    private static final java.util.regex.Pattern DESCRIBING_END = java.util.regex.Pattern.compile(" (?:Group|Holding|Holdings|Company|Corporation)$");

    private LegalFormNames() {
    }

    static List<EntityTagger.Hit> find(String text, BiFunction<EntityType, String, GazetteerEntry> lookup) {
        List<EntityTagger.Hit> hits = new ArrayList<>();
        int lastEnd = 0;
        for (int at = nextForm(text, 0); at >= 0; at = nextForm(text, at + 1)) {
            String form = formAt(text, at);
            int end = at + form.length();
            if (at < 2 || at < lastEnd || end < text.length() && Character.isLetterOrDigit(text.charAt(end))
                    || form.length() == 4 && initialsBeforeName(text, end)) {
                continue; // "S.A. Niyazov Medical Center": initials, not a legal form
            }
            int start = nameStart(text, at);
            start = start < 0 ? start : afterBodies(text, start, at);
            if (start < 0 || start < lastEnd) {
                continue;
            }
            String name = text.substring(start, at).replaceFirst(",?\\s+$", "");
            String written = text.substring(start, end);
            GazetteerEntry known = lookup.apply(EntityType.ORGANIZATION, written);
            if (known == null) {
                known = lookup.apply(EntityType.ORGANIZATION, name); // the gazetteer's company, its form part of the mention only
            }
            if (known == null && DESCRIBING_END.matcher(name).find()) {
                known = lookup.apply(EntityType.ORGANIZATION, DESCRIBING_END.matcher(name).replaceFirst("")); // "Shandong Gold Group"
            }
            hits.add(new EntityTagger.Hit(known != null ? known : new GazetteerEntry(EntityType.ORGANIZATION, written, List.of(), null, null),
                    start, end, written, known != null ? 1.0 : ContextRules.HEAD_CONFIDENCE));
            lastEnd = end;
            at = end - 1;
        }
        return hits;
    }

    /** Where the capitalised words before the form at {@code formStart} begin, or -1 when none stand there. */
    private static int nameStart(String text, int formStart) {
        int cut = formStart;
        while (cut > 0 && (text.charAt(cut - 1) == ' ' || text.charAt(cut - 1) == ',')) {
            cut--;
        }
        int start = -1;
        int words = 0;
        int pos = cut;
        while (pos > 0 && words < MAX_WORDS) {
            int wordEnd = pos;
            int wordStart = wordEnd;
            while (wordStart > 0 && !Character.isWhitespace(text.charAt(wordStart - 1)) && text.charAt(wordStart - 1) != '('
                    && text.charAt(wordStart - 1) != '"' && text.charAt(wordStart - 1) != '\u201c') {
                wordStart--;
            }
            String word = text.substring(wordStart, wordEnd);
            boolean last = wordEnd == cut;
            if (word.isEmpty() || !last && (word.endsWith(",") || word.endsWith(";") || word.endsWith(":") || word.endsWith(")")
                    || word.endsWith(".") && !isInitialism(word))) {
                break; // the clause before the name
            }
            if (Character.isUpperCase(word.codePointAt(0)) || Character.isDigit(word.charAt(0))) {
                if (ContextRules.notAName(word) || Demonyms.isDemonymWord(word) || word.endsWith("'s") || word.endsWith("\u2019s")) {
                    break; // "The", "Turkish", "China's": not part of the name
                }
                if (start >= 0 && text.startsWith("and ", wordEnd + 1) && NAME_ENDS.contains(word)) {
                    break; // "... Group and Hunan Zhongwei ...": two companies
                }
                start = wordStart;
            } else if (!JOINERS.contains(word)) {
                break;
            }
            words++;
            pos = wordStart;
            while (pos > 0 && text.charAt(pos - 1) == ' ') {
                pos--;
            }
            if (pos == 0 || text.charAt(pos - 1) == '\n') {
                break;
            }
        }
        return start;
    }

    /**
     * "Ministry of Energy and Universal Energy Co. Ltd.", "Mayor's Office and Hunan Junxin ... Co., Ltd.": a body
     * before "and" is the company's partner; the company starts after the last such "and".
     */
    private static int afterBodies(String text, int start, int formStart) {
        int and = text.lastIndexOf(" and ", formStart);
        if (and < start) {
            return start;
        }
        for (String word : text.substring(start, and).split("[ ,]+")) {
            if (ContextRules.BODY_HEADS.contains(word)) {
                return and + " and ".length();
            }
        }
        return start;
    }

    /** A capitalised word right after a two-letter dotted form: "S.A. Niyazov", "A.S. Pushkin". */
    private static boolean initialsBeforeName(String text, int end) {
        if (end + 2 >= text.length() || text.charAt(end) != ' ' || !Character.isUpperCase(text.charAt(end + 1))
                || !Character.isLowerCase(text.charAt(end + 2))) {
            return false;
        }
        int wordEnd = end + 1;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        return !ContextRules.notAName(text.substring(end + 1, wordEnd)); // "... Holdings S.A. Under it": a sentence's start
    }

    /** "S.A.", "U.K.": letters and full stops only, an abbreviation rather than a sentence's end. */
    private static boolean isInitialism(String word) {
        return word.length() >= 4 && word.matches("(?:\\p{Lu}\\.)+");
    }

    private static int nextForm(String text, int from) {
        return Occurrences.first(text, FORMS, from);
    }

    private static String formAt(String text, int at) {
        for (String form : FORMS) {
            if (text.startsWith(form, at)) {
                return form;
            }
        }
        throw new IllegalStateException("no legal form at " + at);
    }
}
