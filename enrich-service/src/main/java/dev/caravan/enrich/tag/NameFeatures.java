package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The features the name model reads at one token: the word and its neighbours, their shapes and
 * endings, whether the gazetteer covers them (and as what), given-name and surname-ending cues, and
 * the label just given to the token before.
 */
final class NameFeatures {

    private static final String[] SURNAME_ENDINGS = {"ov", "ova", "ev", "eva", "yev", "yeva", "iev", "in", "ina",
            "uly", "kyzy", "uulu", "zoda", "zada", "bekov", "bekova", "enko", "shvili", "dze", "yan", "oglu"};

    private NameFeatures() {
    }

    /** What the gazetteer says of each token: null, or its type with B/I. */
    static String[] gazetteerCover(TextTokens tokens, List<EntityTagger.Hit> hits) {
        String[] cover = new String[tokens.size()];
        int h = 0;
        for (int i = 0; i < tokens.size(); i++) {
            while (h < hits.size() && hits.get(h).end() <= tokens.start(i)) {
                h++;
            }
            if (h < hits.size() && hits.get(h).start() < tokens.end(i)) {
                EntityType type = hits.get(h).entry().type();
                boolean begins = hits.get(h).start() >= tokens.start(i);
                cover[i] = (begins ? "B-" : "I-") + type.name();
            }
        }
        return cover;
    }

    static List<String> of(TextTokens tokens, int i, String[] cover, Set<String> firstNames, String previousLabel) {
        List<String> f = new ArrayList<>(32);
        String word = tokens.text(i);
        String lower = word.toLowerCase(Locale.ROOT);
        String shape = shape(word);
        f.add("b");
        f.add("w=" + lower);
        f.add("sh=" + shape);
        f.add("s3=" + suffix(lower, 3));
        f.add("s2=" + suffix(lower, 2));
        f.add("p3=" + lower.substring(0, Math.min(3, lower.length())));
        f.add("pl=" + previousLabel);
        f.add("pl+sh=" + previousLabel + shape);
        if (tokens.sentenceStart(i)) {
            f.add("sent");
            f.add("sent+sh=" + shape);
        }
        if (cover[i] != null) {
            f.add("gz=" + cover[i]);
        }
        if (firstNames.contains(word)) {
            f.add("fn");
        }
        for (String ending : SURNAME_ENDINGS) {
            if (lower.length() > ending.length() + 2 && lower.endsWith(ending) && Character.isUpperCase(word.charAt(0))) {
                f.add("sur=" + ending);
                break;
            }
        }
        for (int d = 1; d <= 2; d++) {
            context(f, tokens, i - d, "-" + d, cover, firstNames);
            context(f, tokens, i + d, "+" + d, cover, firstNames);
        }
        if (i > 0) {
            f.add("w-1+w=" + tokens.text(i - 1).toLowerCase(Locale.ROOT) + "|" + lower);
        }
        if (i + 1 < tokens.size()) {
            f.add("w+w+1=" + lower + "|" + tokens.text(i + 1).toLowerCase(Locale.ROOT));
            f.add("gap+1=" + gap(tokens.after(i)));
        }
        if (i > 0) {
            f.add("gap-1=" + gap(tokens.before(i)));
        }
        return f;
    }

    private static void context(List<String> f, TextTokens tokens, int j, String at, String[] cover, Set<String> firstNames) {
        if (j < 0 || j >= tokens.size()) {
            f.add("w" + at + "=<none>");
            return;
        }
        String word = tokens.text(j);
        f.add("w" + at + "=" + word.toLowerCase(Locale.ROOT));
        f.add("sh" + at + "=" + shape(word));
        if (cover[j] != null) {
            f.add("gz" + at + "=" + cover[j]);
        }
        if (firstNames.contains(word)) {
            f.add("fn" + at);
        }
    }

    /** What stands between two words, reduced: space, comma, bracket, dash, full stop, other. */
    private static String gap(String between) {
        String s = between.strip();
        if (s.isEmpty()) {
            return between.contains("\n") ? "nl" : "sp";
        }
        return s.length() > 2 ? "long" : s;
    }

    static String shape(String word) {
        StringBuilder out = new StringBuilder(6);
        char last = 0;
        for (int i = 0; i < word.length() && out.length() < 6; i++) {
            char c = word.charAt(i);
            char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd' : c;
            if (k != last) {
                out.append(k);
                last = k;
            }
        }
        return out.toString();
    }

    private static String suffix(String lower, int n) {
        return lower.length() <= n ? lower : lower.substring(lower.length() - n);
    }
}
