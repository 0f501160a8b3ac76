package dev.caravan.registry.server;

import dev.caravan.registry.compat.CompatibilityLevel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The registry's content, a deterministic function of the {@code _schemas} log: every instance
 * that replays the same records in the same order holds the same ids, versions, deletions and
 * modes. A record that conflicts with what came before (an id or version another instance took
 * first) is ignored, so the first writer wins everywhere.
 *
 * <p>Deletes follow Confluent: a soft delete rewrites the version's record with
 * {@code deleted: true} under the key that won it (so compaction keeps only the deleted record); a
 * permanent delete writes tombstones for every key ever written for that subject version. The
 * keys are kept here so that the service can write those tombstones.
 */
final class RegistryState {
  /** A reference from one schema to a version of another subject, which defines the type {@code name}. */
  record Reference(String name, String subject, int version) {}

  /**
   * One version of a subject; {@code schema} is the canonical JSON (referenced types named, not
   * inlined); {@code deleted}: soft-deleted.
   */
  record Version(String subject, int version, int id, String schema, List<Reference> references, boolean deleted) {
    Version {
      references = List.copyOf(references);
    }

    Version(String subject, int version, int id, String schema) {
      this(subject, version, id, schema, List.of(), false);
    }

    Version asDeleted() {
      return new Version(subject, version, id, schema, references, true);
    }
  }

  /** A schema known by its id: its canonical text, references and the parsed form. */
  record Stored(String schema, List<Reference> references, Schema parsed) {}

  private final Map<Integer, Stored> schemaById = new HashMap<>();
  private final Map<String, Integer> idByIdentity = new HashMap<>();
  private final Map<String, TreeMap<Integer, Version>> subjects = new TreeMap<>();
  /** Every key written for a subject version, and the one whose record won it. */
  private final Map<String, Set<String>> keysByVersion = new HashMap<>();
  private final Map<String, String> winnerKey = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Map<String, Mode> subjectModes = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private Mode globalMode;

  /** What identifies a schema for its id: the canonical text and the references it resolves with. */
  static String identity(String canonical, List<Reference> references) {
    if (references.isEmpty()) {
      return canonical;
    }
    StringBuilder b = new StringBuilder(canonical);
    references.forEach(r -> b.append('\u0000').append(r.name()).append('\u0000').append(r.subject())
        .append('\u0000').append(r.version()));
    return b.toString();
  }

  private static String versionKey(String subject, int version) {
    return subject + "\u0000" + version;
  }

  /** Applies a registration (without a log key, as tests do). */
  synchronized boolean apply(Version v) {
    return apply(v, null);
  }

  /**
   * Applies a schema record from the log; false when it lost to an earlier conflicting one. A
   * {@code deleted} record for a version already held with the same id soft-deletes it.
   */
  synchronized boolean apply(Version v, String key) {
    String vk = versionKey(v.subject(), v.version());
    if (key != null) {
      keysByVersion.computeIfAbsent(vk, k -> new LinkedHashSet<>()).add(key);
    }
    TreeMap<Integer, Version> versions = subjects.get(v.subject());
    Version existing = versions == null ? null : versions.get(v.version());
    if (existing != null) {
      if (v.deleted() && !existing.deleted() && existing.id() == v.id()) {
        versions.put(v.version(), existing.asDeleted());
        return true;
      }
      return false;
    }
    String identity = identity(v.schema(), v.references());
    Integer knownId = idByIdentity.get(identity);
    if (knownId != null && knownId != v.id()) {
      return false;
    }
    Stored known = schemaById.get(v.id());
    if (known != null && !(known.schema().equals(v.schema()) && known.references().equals(v.references()))) {
      return false;
    }
    if (versions != null) {
      // A soft-deleted record may replay after later versions: compaction keeps it where it was
      // rewritten, past the versions registered after the original.
      if (!v.deleted() && !versions.isEmpty() && versions.lastKey() >= v.version()) {
        return false;
      }
      if (versions.values().stream().anyMatch(o -> o.id() == v.id() && !o.deleted())) {
        return false;
      }
    }
    if (known == null) {
      Schema parsed;
      try {
        parsed = AvroSchemas.parse(v.schema(), v.references(), this::findVersion).schema();
      } catch (RuntimeException e) {
        return false;
      }
      schemaById.put(v.id(), new Stored(v.schema(), v.references(), parsed));
      idByIdentity.put(identity, v.id());
    }
    subjects.computeIfAbsent(v.subject(), s -> new TreeMap<>()).put(v.version(), v);
    if (key != null) {
      winnerKey.put(vk, key);
    }
    return true;
  }

  /**
   * Applies a tombstone of a schema key: when it is the key of a soft-deleted version, that version
   * is gone for good (and its id too once no version uses it).
   */
  synchronized void applyTombstone(String subject, int version, String key) {
    String vk = versionKey(subject, version);
    Set<String> keys = keysByVersion.get(vk);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        keysByVersion.remove(vk);
      }
    }
    if (!key.equals(winnerKey.get(vk))) {
      return;
    }
    TreeMap<Integer, Version> versions = subjects.get(subject);
    Version existing = versions == null ? null : versions.get(version);
    if (existing == null || !existing.deleted()) {
      return;
    }
    versions.remove(version);
    winnerKey.remove(vk);
    if (versions.isEmpty()) {
      subjects.remove(subject);
    }
    boolean used = subjects.values().stream().anyMatch(vs -> vs.values().stream().anyMatch(o -> o.id() == existing.id()));
    if (!used) {
      Stored s = schemaById.remove(existing.id());
      if (s != null) {
        idByIdentity.remove(identity(s.schema(), s.references()));
      }
    }
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

  /** Applies a mode; null subject = global, null mode = back to the default. */
  synchronized void applyMode(String subject, Mode mode) {
    if (subject == null) {
      globalMode = mode;
    } else if (mode == null) {
      subjectModes.remove(subject);
    } else {
      subjectModes.put(subject, mode);
    }
  }

  synchronized String schemaById(int id) {
    Stored s = schemaById.get(id);
    return s == null ? null : s.schema();
  }

  synchronized Stored storedById(int id) {
    return schemaById.get(id);
  }

  synchronized Schema parsedById(int id) {
    Stored s = schemaById.get(id);
    return s == null ? null : s.parsed();
  }

  synchronized Integer idOf(String canonicalSchema, List<Reference> references) {
    return idByIdentity.get(identity(canonicalSchema, references));
  }

  synchronized Integer idOf(String canonicalSchema) {
    return idOf(canonicalSchema, List.of());
  }

  synchronized int maxId() {
    return schemaById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Ids of every schema held, ascending. */
  synchronized List<Integer> ids() {
    return new ArrayList<>(new TreeSet<>(schemaById.keySet()));
  }

  /** Subjects with a version that is not soft-deleted (or with any version, when {@code deleted}). */
  synchronized List<String> subjects(boolean deleted) {
    List<String> out = new ArrayList<>();
    subjects.forEach((s, versions) -> {
      if (versions.values().stream().anyMatch(v -> deleted || !v.deleted())) {
        out.add(s);
      }
    });
    return out;
  }

  synchronized List<String> subjects() {
    return subjects(false);
  }

  /** The versions of a subject, oldest first, soft-deleted ones too; empty when the subject is unknown. */
  synchronized List<Version> allVersions(String subject) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    return versions == null ? List.of() : new ArrayList<>(versions.values());
  }

  /** The live (not soft-deleted) versions of a subject, oldest first. */
  synchronized List<Version> versions(String subject) {
    return allVersions(subject).stream().filter(v -> !v.deleted()).toList();
  }

  /** One version, soft-deleted or not; null when there is none. */
  synchronized Version findVersion(String subject, int version) {
    TreeMap<Integer, Version> versions = subjects.get(subject);
    return versions == null ? null : versions.get(version);
  }

  /** The live version of a subject holding this schema, else (with {@code deleted}) the newest soft-deleted one. */
  synchronized Version findInSubject(String subject, String canonicalSchema, List<Reference> references, boolean deleted) {
    Integer id = idByIdentity.get(identity(canonicalSchema, references));
    if (id == null) {
      return null;
    }
    List<Version> all = allVersions(subject);
    Version live = all.stream().filter(v -> v.id() == id && !v.deleted()).findFirst().orElse(null);
    if (live != null || !deleted) {
      return live;
    }
    return all.stream().filter(v -> v.id() == id).reduce((a, b) -> b).orElse(null);
  }

  synchronized Version findInSubject(String subject, String canonicalSchema) {
    return findInSubject(subject, canonicalSchema, List.of(), false);
  }

  /** Subjects and versions under which a schema id is registered (soft-deleted ones with {@code deleted}). */
  synchronized List<Version> usesOf(int id, boolean deleted) {
    List<Version> out = new ArrayList<>();
    subjects.values().forEach(vs -> vs.values().stream()
        .filter(v -> v.id() == id && (deleted || !v.deleted())).forEach(out::add));
    return out;
  }

  synchronized List<Version> usesOf(int id) {
    return usesOf(id, false);
  }

  /** Ids of the schemas whose references name this subject version (soft-deleted referrers too). */
  synchronized List<Integer> referencedBy(String subject, int version) {
    TreeSet<Integer> ids = new TreeSet<>();
    schemaById.forEach((id, s) -> {
      if (s.references().stream().anyMatch(r -> r.subject().equals(subject) && r.version() == version)
          && subjects.values().stream().anyMatch(vs -> vs.values().stream().anyMatch(v -> v.id() == id))) {
        ids.add(id);
      }
    });
    return new ArrayList<>(ids);
  }

  /** Every key written for a subject version, the winning one last (tombstones go in this order). */
  synchronized List<String> keysOf(String subject, int version) {
    String vk = versionKey(subject, version);
    List<String> out = new ArrayList<>(keysByVersion.getOrDefault(vk, Set.of()));
    String winner = winnerKey.get(vk);
    if (winner != null) {
      out.remove(winner);
      out.add(winner);
    }
    return out;
  }

  /** The key whose record won a subject version; null when it was applied without one. */
  synchronized String winnerKeyOf(String subject, int version) {
    return winnerKey.get(versionKey(subject, version));
  }

  synchronized CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  synchronized CompatibilityLevel subjectLevel(String subject) {
    return subjectLevels.get(subject);
  }

  synchronized Mode globalMode() {
    return globalMode;
  }

  synchronized Mode subjectMode(String subject) {
    return subjectModes.get(subject);
  }

  /** Counts for the metrics: subjects, live versions, soft-deleted versions, schema ids. */
  synchronized long[] counts() {
    long live = 0;
    long deleted = 0;
    long subjectCount = 0;
    for (TreeMap<Integer, Version> vs : subjects.values()) {
      boolean any = false;
      for (Version v : vs.values()) {
        if (v.deleted()) {
          deleted++;
        } else {
          live++;
          any = true;
        }
      }
      if (any) {
        subjectCount++;
      }
    }
    return new long[] {subjectCount, live, deleted, schemaById.size()};
  }
}
