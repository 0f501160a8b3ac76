package dev.caravan.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Realistic load, written for Caravan's benchmarks: articles of 1-3 KB built from sentence
 * templates, each with several people, places and organisations of the bundled gazetteer and
 * several money mentions in the currencies the tagger knows; FX ticks for eight currencies.
 * Deterministic for a seed, so the JMH forks and the end-to-end bench see the same text.
 */
public final class Corpus {

    /** The eight currencies that get a daily tick against USD. */
    public static final List<String> CURRENCIES = List.of("KZT", "KGS", "UZS", "TJS", "TMT", "RUB", "EUR", "CNY");
    private static final double[] USD_RATES = {0.00192, 0.01152, 0.0000780, 0.09146, 0.28571, 0.0101, 1.05, 0.137};
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 12, 1);
    public static final int DAYS = 28;

    public record Article(int number, LocalDate date, String title, String body) {
        public int utf8Bytes() {
            return title.getBytes(StandardCharsets.UTF_8).length + body.getBytes(StandardCharsets.UTF_8).length;
        }

        /** As the ingest service would publish it, without going through a parser. */
        public RawArticle toRaw(String source, Instant ingestedAt) {
            return RawArticle.newBuilder().setId(source + "-" + number).setSource(source).setUrl(null)
                    .setTitle(title).setBody(body).setTruncated(false).setPublishedDate(date)
                    .setIngestedAt(ingestedAt).setContentHash(source + "-h" + number).build();
        }
    }

    public record Tick(String base, double rate, double changePct, LocalDate asOf) {
    }

    private static final String[] PEOPLE = {"Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Emomali Rahmon", "Sadyr Japarov",
        "Serdar Berdimuhamedov", "Olzhas Bektenov", "Abdulla Aripov", "Adylbek Kasymaliev", "Ilham Aliyev", "Nikol Pashinyan",
        "Elvira Nabiullina", "Recep Tayyip Erdogan", "Li Qiang", "Kaja Kallas", "Timur Kulibayev", "Kamchybek Tashiev"};
    private static final String[] SURNAMES = {"Tokayev", "Mirziyoyev", "Rahmon", "Japarov", "Bektenov", "Aripov", "Aliyev", "Pashinyan"};
    private static final String[] CITIES = {"Astana", "Almaty", "Bishkek", "Osh", "Dushanbe", "Tashkent", "Samarkand", "Ashgabat",
        "Baku", "Tbilisi", "Yerevan", "Shymkent", "Karaganda", "Aktobe", "Pavlodar", "Kostanay", "Urumqi", "Khorgos", "Istanbul", "Moscow"};
    private static final String[] COUNTRIES = {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan", "Turkmenistan", "Azerbaijan",
        "Georgia", "Armenia", "China", "Turkey", "Russia", "Mongolia", "Afghanistan", "Germany", "South Korea", "Japan"};
    private static final String[] ORGS = {"Asian Development Bank", "European Bank for Reconstruction and Development", "World Bank",
        "Eurasian Development Bank", "Development Bank of Kazakhstan", "National Bank of Kazakhstan", "Samruk-Kazyna",
        "KazMunayGas", "Kazatomprom", "Halyk Bank", "Kaspi.kz", "Air Astana", "Uzbekistan Airways", "Uzbekneftegaz", "SOCAR",
        "International Monetary Fund", "Asian Infrastructure Investment Bank", "Kazakhstan Temir Zholy", "Fitch Ratings",
        "Shanghai Cooperation Organisation", "Eurasian Economic Union", "Astana International Financial Centre", "Kazakhstan Stock Exchange"};
    private static final String[] SECTORS = {"railway freight", "irrigation", "district heating", "solar power", "grain storage",
        "mobile payments", "copper mining", "road maintenance", "water treatment", "wind energy", "logistics hubs", "school buildings"};
    private static final String[] THINGS = {"logistics terminal", "hydropower plant", "grain elevator", "data centre", "cement plant",
        "bridge", "substation", "airport terminal", "wind farm", "fertiliser plant"};
    private static final String[] GOODS = {"flour", "meat", "vegetable oil", "petrol", "rent", "sugar", "coal", "building materials"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June"};
    private static final String[] HEADLINES = {
        "%s Approves New Funding for %s", "%s and %s Agree on %s Cooperation", "%s Reports Record Quarter for %s",
        "Talks in %s Focus on %s", "%s Weighs Plan to Expand %s", "Lenders Back %s Project in %s", "%s Opens Tender for %s",
        "Officials in %s Review Spending on %s"};

    private final long seed;

    public Corpus(long seed) {
        this.seed = seed;
    }

    /** {@code count} articles numbered from {@code first}, spread over December 2024. */
    public List<Article> articles(int first, int count) {
        List<Article> out = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            out.add(article(n));
        }
        return out;
    }

    public Article article(int n) {
        Random r = new Random(seed * 1_000_003L + n);
        LocalDate date = FIRST_DAY.plusDays(Math.floorMod(n, DAYS));
        String title = headline(r) + " (" + n + ")";
        int targetBytes = 1000 + r.nextInt(2000);
        StringBuilder body = new StringBuilder(targetBytes + 300);
        int sentences = 0;
        while (body.length() < targetBytes) {
            if (sentences > 0) {
                // Paragraph breaks now and then; the page dump keeps them as blank lines.
                body.append(sentences % 5 == 0 ? "\n\n" : " ");
            }
            body.append(sentence(r));
            sentences++;
        }
        return new Article(n, date, title, body.toString());
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private String headline(Random r) {
        String pattern = pick(r, HEADLINES);
        int slots = pattern.split("%s", -1).length - 1;
        Object[] args = new Object[slots];
        for (int i = 0; i < slots; i++) {
            args[i] = switch ((i + r.nextInt(3)) % 3) {
                case 0 -> pick(r, COUNTRIES);
                case 1 -> pick(r, CITIES);
                default -> capitalise(pick(r, SECTORS));
            };
        }
        return String.format(Locale.ROOT, pattern, args);
    }

    private static String capitalise(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (String w : s.split(" ")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return b.toString();
    }

    private static String money(Random r) {
        int whole = 2 + r.nextInt(900);
        int tenth = r.nextInt(10);
        return switch (r.nextInt(10)) {
            case 0 -> whole + " billion tenge";
            case 1 -> "US$" + (1 + r.nextInt(90)) + "." + tenth + " million";
            case 2 -> "$" + (10 + r.nextInt(90)) + ",000";
            case 3 -> whole + " million soums";
            case 4 -> "€" + (1 + r.nextInt(60)) + " million";
            case 5 -> whole + " million rubles";
            case 6 -> "KZT " + (1 + r.nextInt(40)) + "." + tenth + "bn";
            case 7 -> whole + " million somoni";
            case 8 -> (1 + r.nextInt(20)) + " billion yuan";
            default -> whole + " million soms";
        };
    }

    private String sentence(Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> pick(r, PEOPLE) + " met officials in " + pick(r, CITIES) + " on Tuesday to discuss a " + money(r)
                    + " programme for " + pick(r, SECTORS) + ".";
            case 1 -> "The " + pick(r, ORGS) + " said it would lend " + money(r) + " to " + pick(r, COUNTRIES)
                    + " over the next " + (2 + r.nextInt(8)) + " years.";
            case 2 -> "Analysts in " + pick(r, CITIES) + " expect the tenge to stay close to its current level until "
                    + pick(r, MONTHS) + ", citing steady oil revenue.";
            case 3 -> "According to the " + pick(r, ORGS) + ", exports from " + pick(r, COUNTRIES) + " to "
                    + pick(r, COUNTRIES) + " rose by " + (1 + r.nextInt(40)) + "% in the third quarter.";
            case 4 -> pick(r, SURNAMES) + " told reporters that the project would create " + (100 + r.nextInt(5000))
                    + " jobs in the region and pay for itself within a decade.";
            case 5 -> "Construction of the new " + pick(r, THINGS) + " near " + pick(r, CITIES) + " is expected to cost "
                    + money(r) + ", to be shared between the state and private investors.";
            case 6 -> "Delegations from " + pick(r, COUNTRIES) + " and " + pick(r, COUNTRIES)
                    + " signed a memorandum on " + pick(r, SECTORS) + " in " + pick(r, CITIES) + ".";
            case 7 -> "The " + pick(r, ORGS) + " reported a net profit of " + money(r)
                    + " for the first nine months of the year, up from " + money(r) + " a year earlier.";
            case 8 -> "Residents said that prices for " + pick(r, GOODS) + " had risen sharply since the summer, "
                    + "and several shops had limited how much a customer could buy.";
            case 9 -> "A spokesperson for the " + pick(r, ORGS) + " declined to comment on the figures but said a "
                    + "detailed report would follow.";
            case 10 -> "The government plans to spend " + money(r) + " on " + pick(r, SECTORS) + " next year, "
                    + "the finance ministry said in a statement.";
            case 11 -> pick(r, PEOPLE) + " and " + pick(r, PEOPLE) + " discussed transit routes through "
                    + pick(r, CITIES) + " and " + pick(r, CITIES) + " during a phone call.";
            case 12 -> "Traffic on the corridor between " + pick(r, CITIES) + " and " + pick(r, CITIES)
                    + " grew by " + (2 + r.nextInt(30)) + " percent, while freight rates fell slightly.";
            default -> "Observers noted that the decision came after months of negotiations and several "
                    + "postponed meetings, and that details of the financing were still being worked out.";
        };
    }

    /** One tick per currency per day, with a small random walk. */
    public List<Tick> ticks() {
        Random r = new Random(seed);
        List<Tick> out = new ArrayList<>();
        for (int i = 0; i < CURRENCIES.size(); i++) {
            double rate = USD_RATES[i];
            for (int d = 0; d < DAYS; d++) {
                double change = (r.nextDouble() - 0.5) * 2.0;
                rate = rate * (1 + change / 100);
                out.add(new Tick(CURRENCIES.get(i), rate, Math.round(change * 100) / 100.0, FIRST_DAY.plusDays(d)));
            }
        }
        return out;
    }

    private static final DateTimeFormatter PAGE_DATE = DateTimeFormatter.ofPattern("dd MMMM yyyy", Locale.ENGLISH);

    /** The text of a page dump: the ticker for the page's day, its date, the listing line, then title and body pairs. */
    public String pageDump(LocalDate day, List<Article> articles, List<Tick> ticks, int listingFirst, int listingTotal) {
        StringBuilder b = new StringBuilder();
        for (Tick t : ticks) {
            if (t.asOf().equals(day)) {
                b.append("  • ").append(t.base()).append("/USD = ").append(String.format(Locale.ROOT, "%.8f", t.rate()))
                        .append(' ').append(String.format(Locale.ROOT, "%.2f", t.changePct())).append("%\n");
            }
        }
        b.append(PAGE_DATE.format(day)).append("\n\n");
        b.append("Viewing results ").append(listingFirst).append(" - ").append(listingFirst + articles.size() - 1)
                .append(" of ").append(listingTotal).append("\n\n");
        for (Article a : articles) {
            b.append(a.title()).append("\n\n").append(a.body()).append("\n\n");
        }
        return b.toString();
    }

    /**
     * Writes the articles as page dump files of up to {@code perFile} articles, one day per file,
     * named {@code prefix-yyyy-MM-dd-NNN.txt} (the CLI takes the source from the name up to its first '-').
     */
    public List<Path> writePageDumps(Path dir, String prefix, List<Article> articles, int perFile) {
        Map<LocalDate, List<Article>> byDay = new LinkedHashMap<>();
        for (Article a : articles) {
            byDay.computeIfAbsent(a.date(), d -> new ArrayList<>()).add(a);
        }
        List<Tick> ticks = ticks();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<LocalDate, List<Article>> day : byDay.entrySet()) {
                List<Article> list = day.getValue();
                for (int from = 0, part = 0; from < list.size(); from += perFile, part++) {
                    List<Article> page = list.subList(from, Math.min(list.size(), from + perFile));
                    Path file = dir.resolve(String.format(Locale.ROOT, "%s-%s-%03d.txt", prefix, day.getKey(), part));
                    Files.writeString(file, pageDump(day.getKey(), page, ticks, from + 1, list.size()));
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** NDJSON for the ingest API, one article per line, each with its own URL (so its own id). */
    public static String ndjson(List<Article> articles, String source, String urlPrefix) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder b = new StringBuilder();
        try {
            for (Article a : articles) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("source", source);
                o.put("url", urlPrefix + a.number());
                o.put("title", a.title());
                o.put("body", a.body());
                o.put("publishedDate", a.date().toString());
                b.append(json.writeValueAsString(o)).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** The ticks as the JSON array the {@code /v1/fx-ticks} endpoint takes. */
    public static String ticksJson(List<Tick> ticks) {
        ObjectMapper json = new ObjectMapper();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Tick t : ticks) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("base", t.base());
            o.put("quote", "USD");
            o.put("rate", String.format(Locale.ROOT, "%.10f", t.rate()));
            o.put("changePct", t.changePct());
            o.put("asOf", t.asOf().toString());
            o.put("source", "bench-fx");
            list.add(o);
        }
        try {
            return json.writeValueAsString(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
