package dev.caravan.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges where a service's settings come from, lowest precedence first: the {@link ConfigDef}
 * defaults, an optional properties file, then environment variables. A key {@code kafka.bootstrap}
 * is read from the variable {@code CARAVAN_KAFKA_BOOTSTRAP}, so containers need no file at all.
 */
public final class ConfigSources {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSources.class);

    /**
     * The first words of every Caravan service's keys: one properties file may serve all services, each
     * taking its own keys and leaving the others' ("opensearch.url" is the index service's, not ingest's).
     */
    static final Set<String> CARAVAN_PREFIXES = Set.of("kafka", "schema", "opensearch", "ingest", "enrich", "index",
            "search", "registry", "fx", "demo");
    /** Environment variable naming the optional properties file. */
    public static final String FILE_VARIABLE = "CARAVAN_CONFIG_FILE";
    /** CARAVAN_* variables that name no key of any service but are read by the launcher itself. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of(FILE_VARIABLE, "CARAVAN_HOME", "CARAVAN_JAVA_OPTS");

    public enum Origin { DEFAULT, FILE, ENVIRONMENT, OVERRIDE }

    /** The merged values of the keys a {@link ConfigDef} knows, and where each came from. */
    public record Resolved(Map<String, String> values, Map<String, Origin> origins) {
        public Origin originOf(String key) {
            return origins.getOrDefault(key, Origin.DEFAULT);
        }
    }

    private ConfigSources() {
    }

    public static String environmentName(String key) {
        return "CARAVAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Reads the file named by {@code CARAVAN_CONFIG_FILE} (if set) and the process environment. */
    public static Resolved fromEnvironment(ConfigDef definition) {
        return resolve(definition, System.getenv(), Map.of());
    }

    /**
     * @param environment variables, usually {@code System.getenv()}
     * @param overrides   values that win over everything, e.g. from command-line options
     */
    public static Resolved resolve(ConfigDef definition, Map<String, String> environment,
                                   Map<String, String> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        String file = environment.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            Properties fromFile = readFile(Path.of(file));
            Set<String> own = prefixes(definition);
            for (String name : fromFile.stringPropertyNames()) {
                if (!definition.names().contains(name)) {
                    String prefix = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                    if (!own.contains(prefix) && CARAVAN_PREFIXES.contains(prefix)) {
                        continue; // another service's key in a shared file
                    }
                    String closest = closest(name, definition.names());
                    throw new ConfigException("Unknown key '" + name + "' in " + file
                            + (closest != null ? " (did you mean '" + closest + "'?)" : "")
                            + " (known keys: " + String.join(", ", definition.names()) + ")");
                }
                values.put(name, fromFile.getProperty(name).trim());
                origins.put(name, Origin.FILE);
            }
        }
        for (String key : definition.names()) {
            String value = environment.get(environmentName(key));
            String secretFile = environment.get(environmentName(key) + "_FILE");
            if (value != null) {
                values.put(key, value.trim());
                origins.put(key, Origin.ENVIRONMENT);
            } else if (secretFile != null && !secretFile.isBlank()) {
                // Container secrets arrive as files: CARAVAN_X_FILE names the file holding X.
                values.put(key, readSecret(key, Path.of(secretFile)));
                origins.put(key, Origin.FILE);
            }
        }
        warnUnknownVariables(definition, environment);
        overrides.forEach((key, value) -> {
            if (!definition.names().contains(key)) {
                throw new ConfigException("Unknown key '" + key + "'");
            }
            values.put(key, value);
            origins.put(key, Origin.OVERRIDE);
        });
        return new Resolved(values, origins);
    }

    /**
     * A misspelt variable ("CARAVAN_KAFKA_BOOTSRAP") would pass silently and leave the default in force:
     * a variable that looks like one of this service's keys but is none is warned about, with the closest key.
     */
    static List<String> unknownVariables(ConfigDef definition, Map<String, String> environment) {
        Set<String> own = prefixes(definition);
        Set<String> known = new TreeSet<>();
        for (String key : definition.names()) {
            known.add(environmentName(key));
            known.add(environmentName(key) + "_FILE");
        }
        List<String> warnings = new ArrayList<>();
        for (String variable : new TreeSet<>(environment.keySet())) {
            if (!variable.startsWith("CARAVAN_") || known.contains(variable) || LAUNCHER_VARIABLES.contains(variable)) {
                continue;
            }
            String rest = variable.substring("CARAVAN_".length());
            String prefix = (rest.contains("_") ? rest.substring(0, rest.indexOf('_')) : rest).toLowerCase(Locale.ROOT);
            if (!own.contains(prefix)) {
                continue; // another service's variable
            }
            String closest = closest(rest.toLowerCase(Locale.ROOT).replace('_', '.'), definition.names());
            warnings.add("Unknown variable " + variable + " is ignored" + (closest != null
                    ? "; did you mean " + environmentName(closest) + " (" + closest + ")?" : ""));
        }
        return warnings;
    }

    private static void warnUnknownVariables(ConfigDef definition, Map<String, String> environment) {
        unknownVariables(definition, environment).forEach(LOG::warn);
    }

    private static Set<String> prefixes(ConfigDef definition) {
        Set<String> prefixes = new TreeSet<>();
        for (String key : definition.names()) {
            prefixes.add(key.contains(".") ? key.substring(0, key.indexOf('.')) : key);
        }
        return prefixes;
    }

    /** The key nearest to {@code name} by edit distance, if near enough to be a slip. */
    static String closest(String name, Set<String> keys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String key : keys) {
            int d = distance(name, key);
            if (d < bestDistance) {
                bestDistance = d;
                best = key;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String readSecret(String key, Path path) {
        try {
            return Files.readString(path).strip();
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + key + " from " + path + " (" + environmentName(key)
                    + "_FILE): " + e.getMessage());
        }
    }

    private static Properties readFile(Path path) {
        if (!Files.isReadable(path)) {
            throw new ConfigException("Configuration file " + path + " (from " + FILE_VARIABLE
                    + ") does not exist or cannot be read");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read configuration file " + path + ": " + e.getMessage());
        }
        return properties;
    }
}
