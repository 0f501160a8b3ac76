package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trains {@link NameModel} on annotated articles (the format of
 * {@code enrich-service/src/test/resources/realnews/FORMAT.md}; only {@code dev-*.txt}, never the
 * test set): the gold names are found in each body (as written, in capitals for datelines, and a
 * person's surname alone) to label its tokens, then an averaged perceptron learns them in a fixed
 * number of passes over the articles in a seeded order, so a run is reproducible.
 */
public final class NameModelTrainer {

    public static final int PASSES = 10;
    public static final long SEED = 20261201L;

    /** One training text: its tokens and their gold labels (indices into {@link NameModel#LABELS}). */
    record Example(TextTokens tokens, String[] cover, int[] gold) {
    }

    /** An article of the corpus: its file, title, body and gold names. */
    public record GoldText(String file, String id, String title, String body, List<Map.Entry<EntityType, String>> names) {
    }

    private NameModelTrainer() {
    }

    /** {@code caravan train-ner}: reads the development files of {@code corpus}, writes the model to {@code out}. */
    public static String train(Path corpus, Path out) throws IOException {
        List<GoldText> texts = read(corpus);
        List<Example> examples = examples(texts);
        NameModel model = learn(examples, ContextRules.bundled().firstNames());
        int tokens = examples.stream().mapToInt(e -> e.gold().length).sum();
        long labelled = examples.stream().flatMapToInt(e -> java.util.Arrays.stream(e.gold())).filter(g -> g != 0).count();
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            model.write(stream, "Caravan name model: averaged perceptron, " + PASSES + " passes, seed " + SEED + ", "
                    + texts.size() + " development articles, " + labelled + " name tokens; made by `caravan train-ner`");
        }
        return texts.size() + " articles, " + tokens + " tokens (" + labelled + " in names), "
                + model.weights.size() + " features";
    }

    /** The model learnt from these articles' bodies (used by the cross-validation that sets the margins). */
    public static NameModel train(List<GoldText> texts) {
        return learn(examples(texts), ContextRules.bundled().firstNames());
    }

    /** Each body's tokens, what the gazetteer covers of them, and their gold labels. */
    private static List<Example> examples(List<GoldText> texts) {
        EntityTagger tagger = new EntityTagger(Gazetteer.bundled(), ContextRules.bundled(), null);
        List<Example> examples = new ArrayList<>();
        for (GoldText text : texts) {
            TextTokens tokens = new TextTokens(text.body());
            String[] cover = NameFeatures.gazetteerCover(tokens, tagger.gazetteerHits(text.body()));
            examples.add(new Example(tokens, cover, project(tokens, text.names())));
        }
        return examples;
    }

    static NameModel learn(List<Example> examples, Set<String> firstNames) {
        int labels = NameModel.LABELS.length;
        Map<String, float[]> weights = new HashMap<>();
        Map<String, double[]> totals = new HashMap<>();
        Map<String, long[]> stamps = new HashMap<>();
        NameModel model = new NameModel(weights);
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(SEED);
        long step = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            Collections.shuffle(order, random);
            for (Example example : order) {
                int previous = 0;
                for (int i = 0; i < example.tokens().size(); i++) {
                    step++;
                    List<String> features = NameFeatures.of(example.tokens(), i, example.cover(), firstNames,
                            NameModel.LABELS[previous]);
                    int guess = NameModel.best(model.scores(features), previous);
                    int truth = example.gold()[i];
                    if (guess != truth) {
                        for (String f : features) {
                            float[] w = weights.computeIfAbsent(f, k -> new float[labels]);
                            double[] total = totals.computeIfAbsent(f, k -> new double[labels]);
                            long[] stamp = stamps.computeIfAbsent(f, k -> new long[labels]);
                            for (int k : new int[] {truth, guess}) {
                                total[k] += (step - stamp[k]) * w[k];
                                stamp[k] = step;
                            }
                            w[truth] += 1;
                            w[guess] -= 1;
                        }
                    }
                    previous = guess;
                }
            }
        }
        Map<String, float[]> averaged = new HashMap<>();
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            double[] total = totals.get(e.getKey());
            long[] stamp = stamps.get(e.getKey());
            float[] avg = new float[labels];
            boolean any = false;
            for (int k = 0; k < labels; k++) {
                double sum = total[k] + (step - stamp[k]) * e.getValue()[k];
                avg[k] = (float) (sum / step);
                any |= Math.abs(avg[k]) >= 1e-4;
            }
            if (any) {
                averaged.put(e.getKey(), avg);
            }
        }
        return new NameModel(averaged);
    }

    /** Gold labels of a body's tokens: the longest names first, each where the body writes it. */
    static int[] project(TextTokens tokens, List<Map.Entry<EntityType, String>> names) {
        int[] gold = new int[tokens.size()];
        List<Map.Entry<EntityType, String>> forms = new ArrayList<>();
        for (Map.Entry<EntityType, String> name : names) {
            forms.add(name);
            forms.add(Map.entry(name.getKey(), name.getValue().toUpperCase(Locale.ROOT)));
            String[] words = name.getValue().split(" ");
            if (name.getKey() == EntityType.PERSON && words.length > 1 && words[words.length - 1].length() > 3) {
                forms.add(Map.entry(name.getKey(), words[words.length - 1]));
            }
        }
        forms.sort(Comparator.comparingInt((Map.Entry<EntityType, String> f) -> -f.getValue().length()));
        String text = tokens.text();
        for (Map.Entry<EntityType, String> form : forms) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form.getValue()) + "(?![\\p{L}\\p{N}])").matcher(text);
            while (m.find()) {
                List<Integer> covered = new ArrayList<>();
                for (int i = 0; i < tokens.size(); i++) {
                    if (tokens.start(i) >= m.start() && tokens.end(i) <= m.end()) {
                        covered.add(i);
                    }
                }
                if (covered.isEmpty() || covered.stream().anyMatch(i -> gold[i] != 0)) {
                    continue;
                }
                String type = form.getKey().name();
                for (int k = 0; k < covered.size(); k++) {
                    gold[covered.get(k)] = indexOf((k == 0 ? "B-" : "I-") + type);
                }
            }
        }
        return gold;
    }

    private static int indexOf(String label) {
        for (int k = 0; k < NameModel.LABELS.length; k++) {
            if (NameModel.LABELS[k].equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException(label);
    }

    /** The bodies and gold names of the corpus's development files (dev-*.txt), in name order. */
    public static List<GoldText> read(Path corpus) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(corpus)) {
            files = list.filter(f -> f.getFileName().toString().matches("dev-.*\\.txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no dev-*.txt files in " + corpus);
        }
        List<GoldText> texts = new ArrayList<>();
        for (Path file : files) {
            String id = null;
            String title = "";
            String name = file.getFileName().toString();
            StringBuilder body = new StringBuilder();
            List<Map.Entry<EntityType, String>> names = new ArrayList<>();
            String section = "";
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("=== ")) {
                    if (id != null) {
                        texts.add(new GoldText(name, id, title, body.toString(), names));
                    }
                    id = line.substring(4).strip();
                    title = "";
                    body = new StringBuilder();
                    names = new ArrayList<>();
                    section = "";
                } else if (section.isEmpty() && line.startsWith("title:")) {
                    title = line.substring(6).strip();
                } else if (line.equals("body:") || line.equals("gold:")) {
                    section = line;
                } else if (section.equals("body:") && !line.isBlank()) {
                    body.append(body.length() == 0 ? "" : "\n").append(line);
                } else if (section.equals("gold:")) {
                    String[] cols = line.split("\t");
                    if (cols.length == 2 && List.of("PERSON", "LOCATION", "ORGANIZATION").contains(cols[0])) {
                        names.add(Map.entry(EntityType.valueOf(cols[0]), cols[1].strip()));
                    }
                }
            }
            if (id != null) {
                texts.add(new GoldText(name, id, title, body.toString(), names));
            }
        }
        return texts;
    }
}
