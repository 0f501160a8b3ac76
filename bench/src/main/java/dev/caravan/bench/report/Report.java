package dev.caravan.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the results of a run; prints them as a table and writes them as JSON. */
public final class Report {

    private final Map<String, Object> machine;
    private final List<Result> results = new ArrayList<>();

    public Report(Map<String, Object> machine) {
        this.machine = machine;
    }

    public synchronized void add(Result result) {
        results.add(result);
    }

    public synchronized List<Result> results() {
        return List.copyOf(results);
    }

    /** {@code {"machine": {...}, "results": [{"name", "value", "unit", "baseline", "ratio", "goal", ...}]}} */
    public synchronized Map<String, Object> toJson() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", r.name());
            row.put("value", round(r.value()));
            row.put("unit", r.unit());
            row.put("baseline", r.baseline() == null ? null : round(r.baseline()));
            row.put("ratio", r.ratio() == null ? null : round(r.ratio()));
            row.put("goal", r.goal());
            row.put("goalKind", r.goalKind() == null ? null : r.goalKind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            row.put("met", r.met());
            row.put("note", r.note());
            rows.add(row);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        root.put("results", rows);
        return root;
    }

    public void writeJson(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toJson());
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        double abs = Math.abs(v);
        double scale = abs >= 100 ? 10 : abs >= 1 ? 1000 : 100000;
        return Math.round(v * scale) / scale;
    }

    /** A Markdown table: readable on a terminal and pasteable into the README. */
    public synchronized String table() {
        StringBuilder b = new StringBuilder();
        b.append("| benchmark | value | baseline | ratio | goal | met |\n");
        b.append("|---|---:|---:|---:|---|---|\n");
        for (Result r : results) {
            b.append("| ").append(r.name())
                    .append(" | ").append(format(r.value())).append(' ').append(r.unit())
                    .append(" | ").append(r.baseline() == null ? "" : format(r.baseline()) + " " + r.unit())
                    .append(" | ").append(r.ratio() == null ? "" : String.format(Locale.ROOT, "%.2fx", r.ratio()))
                    .append(" | ").append(goalText(r))
                    .append(" | ").append(r.met() == null ? "" : r.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        return b.toString();
    }

    public static String goalText(Result r) {
        if (r.goal() == null || r.goalKind() == null) {
            return "";
        }
        return switch (r.goalKind()) {
            case MIN_RATIO -> ">= " + format(r.goal()) + "x";
            case MIN_VALUE -> ">= " + format(r.goal()) + " " + r.unit();
            case MAX_VALUE -> "<= " + format(r.goal()) + " " + r.unit();
            case MAX_RATIO -> "<= " + format(r.goal()) + "x";
        };
    }

    static String format(double v) {
        double abs = Math.abs(v);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
