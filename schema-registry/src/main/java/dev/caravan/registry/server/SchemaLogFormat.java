package dev.caravan.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caravan.registry.compat.CompatibilityLevel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON records of the {@code _schemas} topic, close to Confluent's. Schema keys also carry the
 * writing instance's id: if two instances race for the same subject version both records survive
 * compaction, and replay keeps the first one on every instance.
 */
final class SchemaLogFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaLogFormat() {}

  static String schemaKey(RegistryState.Version v, String writer) {
    return JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", v.subject())
        .put("version", v.version()).put("magic", 1).put("writer", writer).toString();
  }

  static String schemaValue(RegistryState.Version v) {
    ObjectNode value = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
        .put("id", v.id()).put("schema", v.schema());
    if (!v.references().isEmpty()) {
      ArrayNode refs = value.putArray("references");
      v.references().forEach(r -> refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version()));
    }
    return value.put("deleted", v.deleted()).toString();
  }

  static String configKey(String subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG").put("magic", 0);
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return key.toString();
  }

  /** A config value; null level = a tombstone (back to the default). */
  static String configValue(CompatibilityLevel level) {
    return level == null ? null : JSON.createObjectNode().put("compatibilityLevel", level.name()).toString();
  }

  static String modeKey(String subject) {
    ObjectNode key = JSON.createObjectNode().put("keytype", "MODE").put("magic", 0);
    if (subject == null) {
      key.putNull("subject");
    } else {
      key.put("subject", subject);
    }
    return key.toString();
  }

  /** A mode value; null mode = a tombstone (back to the default). */
  static String modeValue(Mode mode) {
    return mode == null ? null : JSON.createObjectNode().put("mode", mode.name()).toString();
  }

  /** Applies one log record to the state; records of kinds it does not know are skipped. */
  static void apply(String key, String value, RegistryState state) throws IOException {
    JsonNode k = JSON.readTree(key);
    String subject = k.path("subject").isTextual() ? k.get("subject").asText() : null;
    switch (k.path("keytype").asText()) {
      case "SCHEMA" -> {
        if (value == null) {
          if (subject != null && k.path("version").isInt()) {
            state.applyTombstone(subject, k.get("version").asInt(), key);
          }
          return;
        }
        JsonNode v = JSON.readTree(value);
        List<RegistryState.Reference> refs = new ArrayList<>();
        for (JsonNode r : v.path("references")) {
          refs.add(new RegistryState.Reference(r.path("name").asText(), r.path("subject").asText(), r.path("version").asInt()));
        }
        state.apply(new RegistryState.Version(v.get("subject").asText(), v.get("version").asInt(),
            v.get("id").asInt(), v.get("schema").asText(), refs, v.path("deleted").asBoolean(false)), key);
      }
      case "CONFIG" -> {
        CompatibilityLevel level = value == null ? null
            : CompatibilityLevel.parse(JSON.readTree(value).path("compatibilityLevel").asText());
        state.applyConfig(subject, level);
      }
      case "MODE" -> state.applyMode(subject, value == null ? null : Mode.parse(JSON.readTree(value).path("mode").asText()));
      default -> { }
    }
  }
}
