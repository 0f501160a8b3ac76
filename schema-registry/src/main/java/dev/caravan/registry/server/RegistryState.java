package dev.caravan.registry.server;

import dev.caravan.registry.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's content, a deterministic function of the {@code _schemas} log: every instance
 * that replays the same records in the same order holds the same ids and versions. A record that
 * conflicts with what came before (an id or version another instance took first) is ignored, so
 * the first writer wins everywhere.
 */
final class RegistryState {
  /** One version of a subject; {@code schema} is the canonical JSON ({@code Schema.toString()}). */
  record Version(String subject, int version, int id, String schema) {}

  private final Map<Integer, String> schemaById = new HashMap<>();
  private final Map<Integer, Schema> parsedById = new HashMap<>();
  private final Map<String, Integer> idBySchema = new HashMap<>();
  private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel;

  /** Applies a schema registration from the log; false when it lost to an earlier conflicting one. */
  synchronized boolean apply(Version v) {
    Integer knownId = idBySchema.get(v.schema());
    if (knownId != null && knownId != v.id()) {
      return false;
    }
    String knownSchema = schemaById.get(v.id());
    if (knownSchema != null && !knownSchema.equals(v.schema())) {
      return false;
    }
    TreeMap<Integer, Version> versions = subjects.get(v.subject());
    if (versions != null) {
      if (!versions.isEmpty() && versions.lastKey() >= v.version()) {
        return false;
      }
      if (versions.values().stream().anyMatch(existing -> existing.id() == v.id())) {
        return false;
      }
    }
    if (knownSchema == null) {
      Schema parsed;
      try {
        parsed = new Schema.Parser().parse(v.schema());
      } catch (RuntimeException e) {
        return false;
      }
      schemaById.put(v.id(), v.schema());
      parsedById.put(v.id(), parsed);
      idBySchema.put(v.schema(), v.id());
    }
    subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
    return true;
  }

  /** Applies a compatibility setting; null subject = global, null level = back to the default. */
  synchronized void applyConfig(String subject, CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  synchronized String schemaById(int id) {
    return schemaById.get(id);
  }

  synchronized Schema parsedById(int id) {
    return parsedById.get(id);
  }

  synchronized Integer idOf(String canonicalSchema) {
    return idBySchema.get(canonicalSchema);
  }

  synchronized int maxId() {
    return schemaById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  synchronized List<String> subjects() {
    List<String> out = new ArrayList<>();
    subjects.forEach((s, versions) -> {
      if (!versions.isEmpty()) {
        out.add(s);
      }
    });
    return out;
  }

  /** The versions of a subject, oldest first; empty when the subject is unknown. */
  synchronized List<Version> versions(String subject) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    return versions == null ? List.of() : new ArrayList<>(versions.values());
  }

  synchronized Version findInSubject(String subject, String canonicalSchema) {
    Integer id = idBySchema.get(canonicalSchema);
    if (id == null) {
      return null;
    }
    return versions(subject).stream().filter(v -> v.id() == id).findFirst().orElse(null);
  }

  /** Subjects and versions under which a schema id is registered. */
  synchronized List<Version> usesOf(int id) {
    List<Version> out = new ArrayList<>();
    subjects.values().forEach(vs -> vs.values().stream().filter(v -> v.id() == id).forEach(out::add));
    return out;
  }

  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  synchronized CompatibilityLevel subjectLevel(String subject) {
    return subjectLevels.get(subject);
  }
}
