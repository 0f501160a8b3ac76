package dev.caravan.registry.client;

import dev.caravan.registry.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for unit tests (e.g. Kafka Streams' TopologyTestDriver). The serde
 * uses one per scope for {@code schema.registry.url=mock://<scope>}, as Confluent's serde does.
 * Same rules as the server: global ids, identical schema (by canonical JSON) keeps its id,
 * BACKWARD compatibility unless set otherwise.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
  private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

  private final Map<Integer, Schema> byId = new HashMap<>();
  private final Map<String, Integer> idByCanonical = new HashMap<>();
  private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
  private final Map<String, CompatibilityLevel> levels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

  /** The shared registry for a {@code mock://scope} URL. */
  public static InMemorySchemaRegistryClient forScope(String scope) {
    return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistryClient());
  }

  /** Forgets a {@code mock://scope} registry, between tests. */
  public static void dropScope(String scope) {
    SCOPES.remove(scope);
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    String canonical = schema.toString();
    List<Integer> ids = subjects.getOrDefault(subject, List.of());
    Integer existing = idByCanonical.get(canonical);
    if (existing != null && ids.contains(existing)) {
      return existing;
    }
    List<String> problems = level(subject).violations(schema, schemas(ids));
    if (!problems.isEmpty()) {
      throw new SchemaRegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
          + subject + "\": " + problems);
    }
    int id = existing != null ? existing : byId.size() + 1;
    byId.put(id, schema);
    idByCanonical.put(canonical, id);
    subjects.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
    return id;
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, Schema schema) {
    List<Integer> ids = subjectIds(subject);
    Integer id = idByCanonical.get(schema.toString());
    if (id == null || !ids.contains(id)) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
    }
    return new RegisteredSchema(subject, ids.indexOf(id) + 1, id, byId.get(id));
  }

  @Override
  public synchronized Schema getById(int id) {
    Schema s = byId.get(id);
    if (s == null) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return s;
  }

  @Override
  public synchronized RegisteredSchema getLatest(String subject) {
    List<Integer> ids = subjectIds(subject);
    return getVersion(subject, ids.size());
  }

  @Override
  public synchronized RegisteredSchema getVersion(String subject, int version) {
    List<Integer> ids = subjectIds(subject);
    if (version < 1 || version > ids.size()) {
      throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND, "Version " + version + " not found.");
    }
    int id = ids.get(version - 1);
    return new RegisteredSchema(subject, version, id, byId.get(id));
  }

  @Override
  public synchronized boolean testCompatibility(String subject, Schema schema) {
    return level(subject).violations(schema, schemas(subjects.getOrDefault(subject, List.of()))).isEmpty();
  }

  @Override
  public synchronized List<String> subjects() {
    return new ArrayList<>(subjects.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    List<Integer> out = new ArrayList<>();
    for (int v = 1; v <= subjectIds(subject).size(); v++) {
      out.add(v);
    }
    return out;
  }

  @Override
  public synchronized String getCompatibility(String subject) {
    return (subject == null ? globalLevel : level(subject)).name();
  }

  @Override
  public synchronized void setCompatibility(String subject, String level) {
    CompatibilityLevel parsed = CompatibilityLevel.parse(level);
    if (parsed == null) {
      throw new SchemaRegistryException(422, 42203, "Invalid compatibility level " + level);
    }
    if (subject == null) {
      globalLevel = parsed;
    } else {
      levels.put(subject, parsed);
    }
  }

  private CompatibilityLevel level(String subject) {
    return levels.getOrDefault(subject, globalLevel);
  }

  private List<Integer> subjectIds(String subject) {
    List<Integer> ids = subjects.get(subject);
    if (ids == null) {
      throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }
    return ids;
  }

  private List<Schema> schemas(List<Integer> ids) {
    return ids.stream().map(byId::get).toList();
  }
}
