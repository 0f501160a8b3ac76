package dev.caravan.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code promtool check metrics} says about the metric families of a Prometheus text
 * scrape whose names start with a prefix ({@code caravan_}): each family has a non-empty
 * {@code # HELP} and a {@code # TYPE}, counters end in {@code _total}, names and label names are
 * snake_case, no base-unit mistakes ({@code _ms}, {@code _milliseconds}, ...), a gauge or counter
 * does not end in {@code _count}, {@code _sum} or {@code _bucket}, and no series appears twice.
 * The services' tests run it on their real scrapes, where promtool itself is not installed.
 */
public final class PrometheusLint {

    private static final Pattern SNAKE = Pattern.compile("[a-z_:][a-z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
    private static final Pattern NON_BASE_UNITS = Pattern.compile(
            ".*_(ms|milliseconds|microseconds|nanoseconds|minutes|hours|days|kilobytes|megabytes|gigabytes|percent)(_total)?$");

    private PrometheusLint() {
    }

    /** The problems found, one line each, naming the family; empty when the families are clean. */
    public static List<String> check(String scrape, String prefix) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> type = new LinkedHashMap<>();
        Set<String> series = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP ")) {
                String[] parts = line.substring(7).split(" ", 2);
                help.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                type.put(parts[0], parts.length > 1 ? parts[1].strip() : "");
            } else if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(line);
            }
        }
        for (String sample : samples) {
            int end = sample.indexOf('{') >= 0 ? sample.indexOf('{') : sample.indexOf(' ');
            String name = sample.substring(0, end);
            if (!name.startsWith(prefix)) {
                continue;
            }
            String key = sample.substring(0, sample.lastIndexOf(sample.contains("}") ? '}' : ' ') + 1);
            if (!series.add(key)) {
                problems.add(name + ": the series " + key + " appears twice");
            }
            if (family(name, type) == null) {
                problems.add(name + ": a sample without # TYPE");
            }
            Matcher labels = LABEL.matcher(sample.substring(end));
            while (labels.find()) {
                if (!SNAKE.matcher(labels.group(1)).matches()) {
                    problems.add(name + ": label name " + labels.group(1) + " is not snake_case");
                }
            }
        }
        for (Map.Entry<String, String> family : type.entrySet()) {
            String name = family.getKey();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String kind = family.getValue();
            String text = help.get(name);
            if (text == null || text.isEmpty()) {
                problems.add(name + ": no # HELP text");
            }
            if (!SNAKE.matcher(name).matches()) {
                problems.add(name + ": the name is not snake_case");
            }
            if (kind.equals("counter") && !name.endsWith("_total")) {
                problems.add(name + ": a counter's name should end in _total");
            }
            if (!kind.equals("counter") && name.endsWith("_total")) {
                problems.add(name + ": only a counter's name should end in _total");
            }
            if ((kind.equals("counter") || kind.equals("gauge"))
                    && (name.endsWith("_count") || name.endsWith("_sum") || name.endsWith("_bucket"))) {
                problems.add(name + ": a " + kind + " should not end in _count, _sum or _bucket");
            }
            if (NON_BASE_UNITS.matcher(name).matches()) {
                problems.add(name + ": use base units (seconds, bytes, ratios)");
            }
        }
        for (String name : help.keySet()) {
            if (name.startsWith(prefix) && !type.containsKey(name)) {
                problems.add(name + ": # HELP without # TYPE");
            }
        }
        return problems;
    }

    /**
     * What {@code promtool check metrics} itself reports about the families starting with
     * {@code prefix}, one line each, or null when promtool is not on the PATH (it is in Debian's
     * {@code prometheus} package).
     */
    public static List<String> promtool(String scrape, String prefix) {
        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            return null;
        }
        try {
            try (var in = process.getOutputStream()) {
                in.write(scrape.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().filter(l -> l.startsWith(prefix)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The family a sample belongs to: its own name, or without a histogram's or summary's suffix. */
    private static String family(String sample, Map<String, String> type) {
        if (type.containsKey(sample)) {
            return sample;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_max", "_created")) {
            if (sample.endsWith(suffix) && type.containsKey(sample.substring(0, sample.length() - suffix.length()))) {
                return sample.substring(0, sample.length() - suffix.length());
            }
        }
        return null;
    }
}
