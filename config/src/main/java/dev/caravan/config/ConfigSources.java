package dev.caravan.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Merges where a service's settings come from, lowest precedence first: the {@link ConfigDef}
 * defaults, an optional properties file, then environment variables. A key {@code kafka.bootstrap}
 * is read from the variable {@code CARAVAN_KAFKA_BOOTSTRAP}, so containers need no file at all.
 */
public final class ConfigSources {

    /** Environment variable naming the optional properties file. */
    public static final String FILE_VARIABLE = "CARAVAN_CONFIG_FILE";

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
            for (String name : fromFile.stringPropertyNames()) {
                if (!definition.names().contains(name)) {
                    throw new ConfigException("Unknown key '" + name + "' in " + file
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
        overrides.forEach((key, value) -> {
            if (!definition.names().contains(key)) {
                throw new ConfigException("Unknown key '" + key + "'");
            }
            values.put(key, value);
            origins.put(key, Origin.OVERRIDE);
        });
        return new Resolved(values, origins);
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
