package dev.caravan.enrich.accuracy;

import dev.caravan.schema.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the gold corpus under {@code /accuracy/corpus-*.txt} and {@code heldout-*.txt}; the format is in that folder's README. */
final class AccuracyCorpus {

    private AccuracyCorpus() {
    }

    static List<GoldArticle> load() {
        return CorpusFiles.load("/accuracy/", "(corpus|heldout)-.*\\.txt", AccuracyCorpus::parse, GoldArticle::id);
    }

    static List<GoldArticle> parse(String file, List<String> lines) {
        List<GoldArticle> articles = new ArrayList<>();
        String id = null;
        String title = null;
        StringBuilder body = null;
        Set<GoldArticle.Label> entities = null;
        List<GoldArticle.Amount> money = null;
        String section = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "=== end";
            if (line.startsWith("=== ")) {
                if (id != null) {
                    articles.add(new GoldArticle(id, title, body.toString(), entities, money, file.startsWith("heldout-")));
                }
                id = line.substring(4).strip();
                title = null;
                body = new StringBuilder();
                entities = new LinkedHashSet<>();
                money = new ArrayList<>();
                section = null;
            } else if (id == null || line.isBlank() || (line.startsWith("#") && !"body".equals(section))) {
                continue;
            } else if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.equals("body:") || line.equals("gold:")) {
                section = line.substring(0, line.length() - 1);
            } else if ("body".equals(section)) {
                body.append(body.length() == 0 ? "" : "\n").append(line);
            } else if ("gold".equals(section)) {
                String[] cols = line.split("\t");
                String where = file + ":" + (i + 1);
                if (cols[0].equals("MONEY") && cols.length == 3) {
                    money.add(new GoldArticle.Amount(Double.parseDouble(cols[1]), cols[2]));
                } else if (cols.length == 2) {
                    entities.add(new GoldArticle.Label(EntityType.valueOf(cols[0]), cols[1]));
                } else {
                    throw new IllegalArgumentException(where + ": expected TYPE<TAB>name or MONEY<TAB>amount<TAB>code");
                }
            } else {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": text outside title/body/gold");
            }
        }
        return articles;
    }
}
