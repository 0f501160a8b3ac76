package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A statistical sequence model for names no list holds: an averaged perceptron over
 * {@link NameFeatures}, tagging each token O or B-/I- PERSON, LOCATION, ORGANIZATION left to right
 * (each decision sees the one before). Trained by {@link NameModelTrainer} on the project's
 * development articles; the weights ship as {@code /ner/name-model.tsv.gz}.
 */
public final class NameModel {

    static final String[] LABELS = {"O", "B-PERSON", "I-PERSON", "B-LOCATION", "I-LOCATION", "B-ORGANIZATION", "I-ORGANIZATION"};
    static final String BUNDLED = "/ner/name-model.tsv.gz";

    /** A name the model found: its token range and type, and how far its best label led the next. */
    record Span(int firstToken, int lastToken, EntityType type, double margin) {
    }

    final Map<String, float[]> weights;

    NameModel(Map<String, float[]> weights) {
        this.weights = weights;
    }

    private static final class Shared {
        static final NameModel MODEL = bundled();
    }

    /** The bundled model, read once per JVM: taggers are rebuilt whenever the gazetteer topic changes. */
    static NameModel shared() {
        return Shared.MODEL;
    }

    static NameModel bundled() {
        InputStream in = NameModel.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("bundled name model " + BUNDLED + " missing from the classpath");
        }
        return read(in);
    }

    static NameModel read(InputStream in) {
        Map<String, float[]> weights = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] cols = line.split("\t");
                float[] w = new float[LABELS.length];
                for (int k = 0; k < LABELS.length; k++) {
                    w[k] = Float.parseFloat(cols[k + 1]);
                }
                weights.put(cols[0], w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name model", e);
        }
        return new NameModel(weights);
    }

    void write(OutputStream out, String header) throws IOException {
        try (PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8))) {
            writer.println("# " + header);
            writer.println("# feature\t" + String.join("\t", LABELS));
            weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                StringBuilder line = new StringBuilder(e.getKey());
                for (float w : e.getValue()) {
                    line.append('\t').append(String.format(Locale.ROOT, "%.4g", w));
                }
                writer.println(line);
            });
        }
    }

    /** The label scores for one token's features. */
    double[] scores(List<String> features) {
        double[] s = new double[LABELS.length];
        for (String f : features) {
            float[] w = weights.get(f);
            if (w != null) {
                for (int k = 0; k < s.length; k++) {
                    s[k] += w[k];
                }
            }
        }
        return s;
    }

    /** Best label allowed after {@code previous}: an I- label only continues its own type. */
    static int best(double[] scores, int previous) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (allowed(k, previous) && scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }

    /** An I- label only continues a name of its own type. */
    static boolean allowed(int label, int previous) {
        return !LABELS[label].startsWith("I-") || previous != 0 && LABELS[previous].substring(2).equals(LABELS[label].substring(2));
    }

    /** The labels of a text's tokens, greedily left to right, with each decision's margin. */
    int[] label(TextTokens tokens, String[] cover, Set<String> firstNames, double[] margins) {
        int[] labels = new int[tokens.size()];
        int previous = 0;
        for (int i = 0; i < tokens.size(); i++) {
            double[] s = scores(NameFeatures.of(tokens, i, cover, firstNames, LABELS[previous]));
            int chosen = best(s, previous);
            double runnerUp = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < s.length; k++) {
                if (k != chosen && allowed(k, previous)) {
                    runnerUp = Math.max(runnerUp, s[k]);
                }
            }
            labels[i] = chosen;
            margins[i] = s[chosen] - runnerUp;
            previous = chosen;
        }
        return labels;
    }

    /** The names in labelled tokens: a B- label and the I- labels of its type joined to it by spaces. */
    static List<Span> spans(TextTokens tokens, int[] labels, double[] margins) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (!LABELS[labels[i]].startsWith("B-")) {
                continue;
            }
            String type = LABELS[labels[i]].substring(2);
            int j = i;
            double margin = margins[i];
            while (j + 1 < labels.length && LABELS[labels[j + 1]].equals("I-" + type) && tokens.joined(j)) {
                j++;
                margin = Math.min(margin, margins[j]);
            }
            spans.add(new Span(i, j, EntityType.valueOf(type), margin));
            i = j;
        }
        return spans;
    }
}
