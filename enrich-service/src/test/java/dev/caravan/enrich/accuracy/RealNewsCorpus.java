package dev.caravan.enrich.accuracy;

import dev.caravan.schema.EntityType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the retold real articles under {@code /realnews/} (format: FORMAT.md in that folder). */
final class RealNewsCorpus {

    /** A money fact of the gold: amount (or range low end), currency and the stated equivalent, if any. */
    record GoldMoney(double amount, String currency, Double equivalent, String equivalentCurrency, boolean price) {
    }

    record Article(String file, String id, String url, LocalDate date, String title, String body,
                   Set<GoldArticle.Label> entities, List<GoldMoney> money) {

        boolean test() {
            return file.startsWith("test-");
        }
    }

    private RealNewsCorpus() {
    }

    static List<Article> load() {
        return CorpusFiles.load("/realnews/", "(dev|test)-.*\\.txt", RealNewsCorpus::parse, Article::id);
    }

    static List<Article> parse(String file, List<String> lines) {
        List<Article> articles = new ArrayList<>();
        String id = null;
        String url = null;
        LocalDate date = null;
        String title = null;
        StringBuilder body = null;
        Set<GoldArticle.Label> entities = null;
        List<GoldMoney> money = null;
        String section = null;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "=== end";
            String where = file + ":" + (i + 1);
            if (line.startsWith("=== ")) {
                if (id != null) {
                    articles.add(new Article(file, id, url, date, title, body.toString(), entities, money));
                }
                id = line.substring(4).strip();
                url = null;
                date = null;
                title = null;
                body = new StringBuilder();
                entities = new LinkedHashSet<>();
                money = new ArrayList<>();
                section = null;
            } else if (id == null || line.isBlank() || line.startsWith("#") && !"body".equals(section)) {
                continue;
            } else if (section == null && line.startsWith("url:")) {
                url = line.substring(4).strip();
            } else if (section == null && line.startsWith("date:")) {
                date = LocalDate.parse(line.substring(5).strip());
            } else if (section == null && line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.equals("body:") || line.equals("gold:")) {
                section = line.substring(0, line.length() - 1);
            } else if ("body".equals(section)) {
                body.append(body.length() == 0 ? "" : "\n").append(line);
            } else if ("gold".equals(section)) {
                String[] cols = line.split("\t");
                try {
                    if (cols[0].equals("MONEY") || cols[0].equals("PRICE")) {
                        boolean price = cols[0].equals("PRICE");
                        boolean paired = !price && cols.length >= 5;
                        money.add(new GoldMoney(low(cols[1]), cols[2], paired ? low(cols[3]) : null, paired ? cols[4] : null, price));
                    } else {
                        entities.add(new GoldArticle.Label(EntityType.valueOf(cols[0]), cols[1].strip()));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(where + ": cannot read gold line '" + line + "': " + e.getMessage(), e);
                }
            } else {
                throw new IllegalArgumentException(where + ": text outside title/body/gold");
            }
        }
        return articles;
    }

    /** "2000000000-3000000000" is a range: its low end is what is compared. */
    private static double low(String amount) {
        String a = amount.strip();
        int dash = a.indexOf('-', 1);
        return Double.parseDouble(dash > 0 ? a.substring(0, dash) : a);
    }
}
