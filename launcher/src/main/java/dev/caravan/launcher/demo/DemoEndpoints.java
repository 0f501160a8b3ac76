package dev.caravan.launcher.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running {@code caravan demo} can be reached, in a file the demo writes once its stack is
 * up and removes when it stops: {@code $XDG_RUNTIME_DIR/caravan/demo.json}, else
 * {@code ~/.caravan/demo.json} (the system property {@code caravan.demo.endpoints} names another).
 * The other commands use it when no Kafka address was given, so a second terminal just works.
 */
public final class DemoEndpoints {

    public static final String PROPERTY = "caravan.demo.endpoints";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoEndpoints() {
    }

    public static Path file() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return runtime != null && Files.isDirectory(Path.of(runtime)) ? Path.of(runtime, "caravan", "demo.json")
                : Path.of(System.getProperty("user.home"), ".caravan", "demo.json");
    }

    public static void write(Map<String, Object> endpoints) {
        Map<String, Object> record = new LinkedHashMap<>(endpoints);
        record.put("pid", ProcessHandle.current().pid());
        try {
            Path file = file();
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(record));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("caravan: cannot record the demo's endpoints in " + file() + " (" + e.getMessage()
                    + "); other commands need --kafka-bootstrap and --schema-registry-url");
        }
    }

    public static void remove() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException ignored) {
            // the file names a process that is gone: readers ignore it
        }
    }

    /** The endpoints of a demo that is still running (its process alive), if any. */
    public static Optional<Map<String, Object>> running() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = JSON.readValue(Files.readString(file), Map.class);
            Object pid = record.get("pid");
            boolean alive = pid instanceof Number n && ProcessHandle.of(n.longValue()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? Optional.of(record) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Kafka and registry overrides from a running demo when neither the options nor the environment
     * name an address; says so in one line on {@code note}.
     */
    public static Map<String, String> overridesIfUnset(String bootstrapOption, Map<String, String> environment,
                                                       java.io.PrintWriter note) {
        if (bootstrapOption != null || environment.containsKey("CARAVAN_KAFKA_BOOTSTRAP")
                || environment.containsKey("CARAVAN_CONFIG_FILE")) {
            return Map.of();
        }
        return running().map(demo -> {
            note.println("caravan: using the running demo (Kafka " + demo.get("kafkaBootstrap") + ", schema registry "
                    + demo.get("schemaRegistryUrl") + "; from " + file() + ")");
            note.flush();
            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("kafka.bootstrap", String.valueOf(demo.get("kafkaBootstrap")));
            overrides.put("schema.registry.url", String.valueOf(demo.get("schemaRegistryUrl")));
            return overrides;
        }).orElse(Map.of());
    }
}
