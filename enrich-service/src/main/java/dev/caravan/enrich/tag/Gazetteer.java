package dev.caravan.enrich.tag;

import dev.caravan.schema.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The entities Caravan knows by name, read from a tab-separated file that editors extend:
 * {@code type, canonical name, aliases (|-separated), country, region}; '#' starts a comment.
 */
public final class Gazetteer {

    public static final String BUNDLED = "/gazetteer/entities.tsv";

    private final List<GazetteerEntry> entries;

    public Gazetteer(List<GazetteerEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<GazetteerEntry> entries() {
        return entries;
    }

    /**
     * The hand-made entities first (they win where a form is ambiguous), then the curated
     * organisations and people, then the places generated from open data (enrich-service/gazetteer/).
     */
    public static final List<String> BUNDLED_FILES = List.of(BUNDLED, "/gazetteer/organizations.tsv",
            "/gazetteer/people.tsv", "/gazetteer/features.tsv", "/gazetteer/places.tsv");

    public static Gazetteer bundled() {
        List<GazetteerEntry> entries = new ArrayList<>();
        for (String file : BUNDLED_FILES) {
            InputStream in = Gazetteer.class.getResourceAsStream(file);
            if (in == null) {
                throw new IllegalStateException("bundled gazetteer " + file + " missing from the classpath");
            }
            entries.addAll(read("bundled gazetteer " + file, new InputStreamReader(in, StandardCharsets.UTF_8)).entries());
        }
        return new Gazetteer(entries);
    }

    /** Reads entries; a malformed line fails with its file name and number, since a bad gazetteer is a deploy mistake. */
    public static Gazetteer read(String name, Reader input) {
        List<GazetteerEntry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(input)) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                entries.add(parseLine(name, lineNo, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return new Gazetteer(entries);
    }

    /** One TSV line as an entry; public so the gazetteer topic parses records the way the file is parsed. */
    public static GazetteerEntry parseLine(String name, int lineNo, String line) {
        String[] cols = Arrays.copyOf(line.split("\t", -1), 5);
        EntityType type;
        try {
            type = EntityType.valueOf(cols[0].strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ":" + lineNo + ": unknown entity type '" + cols[0].strip()
                    + "' (expected one of " + Arrays.toString(EntityType.values()) + ")");
        }
        String canonical = blankToNull(cols[1]);
        if (canonical == null) {
            throw new IllegalArgumentException(name + ":" + lineNo + ": missing canonical name (second column)");
        }
        List<String> aliases = cols[2] == null ? List.of()
                : Arrays.stream(cols[2].split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new GazetteerEntry(type, canonical, aliases, blankToNull(cols[3]), blankToNull(cols[4]));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
