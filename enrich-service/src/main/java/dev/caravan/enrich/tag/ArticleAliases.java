package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
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

    /** Learns the forms a tagged mention introduces; {@code text} is the text it was found in. */
    void learn(GazetteerEntry entity, String mention, int end, String text, boolean foundByRule) {
        if (foundByRule) {
            put(entity.name(), entity);
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
        GazetteerEntry known = byForm.putIfAbsent(form, entity);
        if (known != null && !known.equals(entity)) {
            byForm.put(form, null); // ambiguous within this article
        }
    }

    boolean isEmpty() {
        return byForm.isEmpty();
    }

    /** Mentions of learned forms among the tokens no other match covers, longest first. */
    void find(TextTokens tokens, boolean[] covered, List<EntityTagger.Hit> into) {
        for (int i = 0; i < tokens.size(); i++) {
            if (covered[i] || !tokens.get(i).capitalised()) {
                continue;
            }
            int last = i;
            while (last + 1 < tokens.size() && last - i + 1 < LONGEST_ALIAS_WORDS && tokens.joined(last) && !covered[last + 1]) {
                last++;
            }
            for (int j = last; j >= i; j--) {
                int start = tokens.get(i).start();
                int end = tokens.get(j).end();
                GazetteerEntry entity = byForm.get(tokens.text().substring(start, end));
                if (entity != null) {
                    into.add(new EntityTagger.Hit(entity, start, end, tokens.text().substring(start, end), -1));
                    i = j;
                    break;
                }
            }
        }
    }
}
