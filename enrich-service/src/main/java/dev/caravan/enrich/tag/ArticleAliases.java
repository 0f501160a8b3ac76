package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short forms an article itself introduces, so later mentions resolve to the same entity:
 * a person's surname ("Minister Almasadam Satkaliyev" ... "Satkaliyev"), an acronym or short name
 * in parentheses after an organisation ("... Finance Corporation (IFC)" ... "IFC"), and a name
 * found by a rule written again without its cue ("the Batken region" ... "Batken"). A surname two
 * people share in one article resolves to neither.
 */
final class ArticleAliases {

    private static final Pattern PARENTHESISED = Pattern.compile("\\G\\s*\\((\\p{Lu}[\\p{L}\\p{N}&.-]{1,30})\\)");
    private static final int LONGEST_ALIAS_WORDS = 4;

    private final Map<String, GazetteerEntry> byForm = new HashMap<>();
    /** The hash codes of the learned forms, sorted; null until asked after a change. */
    private int[] formHashes;

    /** Learns the forms a tagged mention introduces; {@code text} is the text it was found in. */
    void learn(GazetteerEntry entity, String mention, int end, String text, boolean foundByRule) {
        if (foundByRule) {
            put(entity.name(), entity);
            String bare = entity.type() == EntityType.ORGANIZATION ? OrgNames.withoutLegalForm(entity.name()) : null;
            if (bare != null && bare.length() >= 4 && bare.indexOf(' ') == bare.lastIndexOf(' ')) {
                put(bare, entity); // "LLP Hamle" ... "Hamle"; a longer name ("Manas International Airport") names a place too
            }
        }
        if (entity.type() == EntityType.PERSON) {
            String[] words = mention.split(" ");
            if (words.length >= 2) {
                put(words[words.length - 1], entity);
            }
        } else if (entity.type() == EntityType.ORGANIZATION) {
            if (parenthesisFollows(text, end)) {
                // anchored at end: find(end) tried every later position too (a tenth of the tagger's time, JFR)
                Matcher m = PARENTHESISED.matcher(text).region(end, text.length());
                if (m.lookingAt()) {
                    put(m.group(1), entity);
                }
            }
        }
    }

    /** Cheap pre-check of {@link #PARENTHESISED}: white space, then '('. */
    private static boolean parenthesisFollows(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    private void put(String form, GazetteerEntry entity) {
        formHashes = null;
        GazetteerEntry known = byForm.putIfAbsent(form, entity);
        if (known != null && !known.equals(entity)) {
            byForm.put(form, null); // ambiguous within this article
        }
    }

    boolean isEmpty() {
        return byForm.isEmpty();
    }

    private int[] formHashes() {
        int[] hashes = formHashes;
        if (hashes == null) {
            hashes = new int[byForm.size()];
            int k = 0;
            for (String form : byForm.keySet()) {
                hashes[k++] = form.hashCode();
            }
            Arrays.sort(hashes);
            formHashes = hashes;
        }
        return hashes;
    }

    /**
     * Mentions of learned forms among the tokens no other match covers, longest first. A span is cut
     * out and looked up only when its {@link String#hashCode()}, worked out in place, is a learned form's.
     */
    void find(TextTokens tokens, boolean[] covered, List<EntityTagger.Hit> into) {
        int[] hashes = formHashes();
        int[] spanHashes = new int[LONGEST_ALIAS_WORDS];
        String text = tokens.text();
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i] || !tokens.capitalised(i)) {
                continue;
            }
            int last = i;
            while (last + 1 < tokens.size() && last - i + 1 < LONGEST_ALIAS_WORDS && tokens.joined(last) && !covered[last + 1]) {
                last++;
            }
            int start = tokens.start(i);
            int h = 0;
            int c = start;
            for (int j = i; j <= last; j++) {
                for (int end = tokens.end(j); c < end; c++) {
                    h = 31 * h + text.charAt(c);
                }
                spanHashes[j - i] = h;
            }
            for (int j = last; j >= i; j--) {
                if (Arrays.binarySearch(hashes, spanHashes[j - i]) < 0) {
                    continue; // not a learned form
                }
                int end = tokens.end(j);
                String form = text.substring(start, end);
                GazetteerEntry entity = byForm.get(form);
                if (entity != null) {
                    into.add(new EntityTagger.Hit(entity, start, end, form, -1));
                    i = j;
                    break;
                }
            }
        }
    }
}
