package dev.caravan.registry.server;

import dev.caravan.registry.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * The registry's rules, independent of HTTP: global ids, the same id for the same schema
 * (compared by canonical JSON, {@code Schema.toString()}, which keeps defaults and logical types
 * unlike Avro's parsing form), compatibility checks, versions per subject.
 */
final class SchemaRegistryService {
  private static final int MAX_WRITE_ATTEMPTS = 5;

  private final RegistryState state;
  private final SchemaLog log;
  private final CompatibilityLevel defaultLevel;
  private final String writerId = UUID.randomUUID().toString();
  private final Object writeLock = new Object();

  SchemaRegistryService(RegistryState state, SchemaLog log, CompatibilityLevel defaultLevel) {
    this.state = state;
    this.log = log;
    this.defaultLevel = defaultLevel;
  }

  /** Registers (or finds) a schema under a subject and returns its global id. */
  int register(String subject, String schemaText, String schemaType) {
    requireAvro(schemaType);
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    synchronized (writeLock) {
      for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        RegistryState.Version existing = state.findInSubject(subject, canonical);
        if (existing != null) {
          return existing.id();
        }
        List<String> problems = violations(subject, schema, null);
        if (!problems.isEmpty()) {
          throw new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
              + subject + "\", details: " + problems);
        }
        Integer knownId = state.idOf(canonical);
        int id = knownId != null ? knownId : state.maxId() + 1;
        List<RegistryState.Version> versions = state.versions(subject);
        int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        RegistryState.Version v = new RegistryState.Version(subject, version, id, canonical);
        log.append(SchemaLogFormat.schemaKey(v, writerId), SchemaLogFormat.schemaValue(v));
        // Another instance may have taken this id or version first; then go again with what it wrote.
      }
    }
    throw RegistryException.storeError("could not register under subject '" + subject + "' after "
        + MAX_WRITE_ATTEMPTS + " attempts racing other registry instances");
  }

  /** The version of a subject holding this schema (POST /subjects/{subject}). */
  RegistryState.Version lookup(String subject, String schemaText, String schemaType) {
    requireAvro(schemaType);
    Schema schema = parse(schemaText);
    if (state.versions(subject).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    RegistryState.Version found = state.findInSubject(subject, schema.toString());
    if (found == null) {
      throw RegistryException.schemaNotFound("Schema not found");
    }
    return found;
  }

  String schemaById(int id) {
    String s = state.schemaById(id);
    if (s == null) {
      throw RegistryException.schemaNotFound("Schema " + id + " not found");
    }
    return s;
  }

  List<RegistryState.Version> usesOf(int id) {
    schemaById(id);
    return state.usesOf(id);
  }

  List<String> subjects() {
    return state.subjects();
  }

  List<RegistryState.Version> versions(String subject) {
    List<RegistryState.Version> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  /** A version given as a number, "latest" or -1. */
  RegistryState.Version version(String subject, String versionText) {
    List<RegistryState.Version> versions = versions(subject);
    int wanted = parseVersion(versionText);
    if (wanted == -1) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream().filter(v -> v.version() == wanted).findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(wanted));
  }

  /** The reasons {@code schemaText} could not be registered next (or, for a given version, read it). */
  List<String> compatibilityProblems(String subject, String versionText, String schemaText, String schemaType) {
    requireAvro(schemaType);
    int wanted = parseVersion(versionText);
    Schema schema = parse(schemaText);
    List<RegistryState.Version> versions = state.versions(subject);
    if (versions.isEmpty()) {
      if (wanted == -1) {
        return List.of();
      }
      throw RegistryException.subjectNotFound(subject);
    }
    RegistryState.Version only = wanted == -1 ? null : version(subject, versionText);
    return violations(subject, schema, only);
  }

  CompatibilityLevel globalLevel() {
    CompatibilityLevel l = state.globalLevel();
    return l != null ? l : defaultLevel;
  }

  /** The subject's own level, or null when it has none. */
  CompatibilityLevel subjectLevel(String subject) {
    return state.subjectLevel(subject);
  }

  CompatibilityLevel setLevel(String subject, String levelText) {
    CompatibilityLevel level = CompatibilityLevel.parse(levelText);
    if (level == null) {
      throw RegistryException.invalidCompatibilityLevel(levelText);
    }
    synchronized (writeLock) {
      log.append(SchemaLogFormat.configKey(subject), SchemaLogFormat.configValue(level));
    }
    return level;
  }

  /** Removes a subject's own level; returns what it was. */
  CompatibilityLevel clearLevel(String subject) {
    CompatibilityLevel previous = state.subjectLevel(subject);
    if (previous == null) {
      throw RegistryException.subjectNotFound(subject);
    }
    synchronized (writeLock) {
      log.append(SchemaLogFormat.configKey(subject), null);
    }
    return previous;
  }

  private List<String> violations(String subject, Schema candidate, RegistryState.Version only) {
    CompatibilityLevel level = subjectLevel(subject) != null ? subjectLevel(subject) : globalLevel();
    List<Schema> existing = new ArrayList<>();
    List<RegistryState.Version> against = only != null ? List.of(only) : state.versions(subject);
    against.forEach(v -> existing.add(state.parsedById(v.id())));
    return level.violations(candidate, existing);
  }

  private static int parseVersion(String text) {
    if ("latest".equals(text)) {
      return -1;
    }
    try {
      int v = Integer.parseInt(text);
      if (v == -1 || v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw RegistryException.invalidVersion(text);
  }

  private static void requireAvro(String schemaType) {
    if (schemaType != null && !schemaType.equalsIgnoreCase("AVRO")) {
      throw RegistryException.invalidSchema("schemaType " + schemaType + " is not supported; this registry holds AVRO schemas only");
    }
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("the request has no \"schema\"");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
      // Avro wraps JSON syntax errors; report the JSON parser's own words, not its class name.
      throw RegistryException.invalidSchema(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage());
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema(e.toString());
    }
  }
}
