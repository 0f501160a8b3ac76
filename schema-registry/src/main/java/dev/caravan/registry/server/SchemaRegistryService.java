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
 * unlike Avro's parsing form, together with its references), compatibility checks, versions per
 * subject, soft and permanent deletes, modes, as Confluent Schema Registry has them.
 */
final class SchemaRegistryService {
  private static final int MAX_WRITE_ATTEMPTS = 5;

  /** A reference as a request gives it: the version may be a number, -1 or "latest". */
  record ReferenceRequest(String name, String subject, String version) {}

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
    return register(subject, schemaText, schemaType, List.of(), null, null);
  }

  /**
   * Registers (or finds) a schema under a subject and returns its global id. {@code id} and
   * {@code version} (null: none given) are only allowed in IMPORT mode, where they are kept as given.
   */
  int register(String subject, String schemaText, String schemaType, List<ReferenceRequest> referenceRequests,
               Integer id, Integer version) {
    requireAvro(schemaType);
    Mode mode = mode(subject);
    if (mode.readOnly()) {
      throw RegistryException.operationNotPermitted("Subject " + subject + " is in read-only mode");
    }
    boolean importing = id != null && id >= 0;
    if (importing && mode != Mode.IMPORT) {
      throw RegistryException.operationNotPermitted("Subject " + subject + " is not in import mode");
    }
    if (!importing && mode == Mode.IMPORT) {
      throw RegistryException.operationNotPermitted("Subject " + subject + " is in import mode: give the schema's id");
    }
    if (version != null && version >= 0 && !importing) {
      throw RegistryException.operationNotPermitted("A version can only be given in import mode, with the schema's id");
    }
    List<RegistryState.Reference> references = resolve(referenceRequests);
    AvroSchemas.Parsed parsed = parse(schemaText, references);
    String canonical = parsed.canonical();
    synchronized (writeLock) {
      for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
        RegistryState.Version existing = state.findInSubject(subject, canonical, references, false);
        if (existing != null) {
          if (importing && existing.id() != id) {
            throw new RegistryException(422, 42207, "Schema already registered with id " + existing.id()
                + " instead of input id " + id);
          }
          return existing.id();
        }
        Integer knownId = state.idOf(canonical, references);
        int newId;
        int newVersion;
        List<RegistryState.Version> all = state.allVersions(subject);
        int next = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
        if (importing) {
          RegistryState.Stored taken = state.storedById(id);
          if (taken != null && !(taken.schema().equals(canonical) && taken.references().equals(references))) {
            throw RegistryException.operationNotPermitted("Overwrite new schema with id " + id + " is not permitted.");
          }
          if (knownId != null && knownId.intValue() != id) {
            throw new RegistryException(422, 42207, "Schema already registered with id " + knownId + " instead of input id " + id);
          }
          newId = id;
          newVersion = version != null && version >= 1 ? version : next;
          if (newVersion < next) {
            throw RegistryException.operationNotPermitted("Version " + newVersion + " of subject " + subject
                + " is taken or older than its latest version; import versions in ascending order");
          }
        } else {
          List<String> problems = violations(subject, parsed.schema(), null);
          if (!problems.isEmpty()) {
            throw new RegistryException(409, 409, "Schema being registered is incompatible with an earlier schema for subject \""
                + subject + "\", details: " + problems);
          }
          newId = knownId != null ? knownId : state.maxId() + 1;
          newVersion = next;
        }
        RegistryState.Version v = new RegistryState.Version(subject, newVersion, newId, canonical, references, false);
        log.append(SchemaLogFormat.schemaKey(v, writerId), SchemaLogFormat.schemaValue(v));
        // Another instance may have taken this id or version first; then go again with what it wrote.
      }
    }
    throw RegistryException.storeError("could not register under subject '" + subject + "' after "
        + MAX_WRITE_ATTEMPTS + " attempts racing other registry instances");
  }

  /** The version of a subject holding this schema (POST /subjects/{subject}); soft-deleted ones with {@code deleted}. */
  RegistryState.Version lookup(String subject, String schemaText, String schemaType,
                               List<ReferenceRequest> referenceRequests, boolean deleted) {
    requireAvro(schemaType);
    if ((deleted ? state.allVersions(subject) : state.versions(subject)).isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    List<RegistryState.Reference> references = resolve(referenceRequests);
    AvroSchemas.Parsed parsed = parse(schemaText, references);
    RegistryState.Version found = state.findInSubject(subject, parsed.canonical(), references, deleted);
    if (found == null) {
      throw RegistryException.schemaNotFound("Schema not found");
    }
    return found;
  }

  RegistryState.Version lookup(String subject, String schemaText, String schemaType) {
    return lookup(subject, schemaText, schemaType, List.of(), false);
  }

  String schemaById(int id) {
    return stored(id).schema();
  }

  RegistryState.Stored stored(int id) {
    RegistryState.Stored s = state.storedById(id);
    if (s == null) {
      throw RegistryException.schemaNotFound("Schema " + id + " not found");
    }
    return s;
  }

  List<RegistryState.Version> usesOf(int id, boolean deleted) {
    stored(id);
    return state.usesOf(id, deleted);
  }

  List<RegistryState.Version> usesOf(int id) {
    return usesOf(id, false);
  }

  /** Subjects under which a schema id is registered, each once. */
  List<String> subjectsOf(int id, boolean deleted) {
    return usesOf(id, deleted).stream().map(RegistryState.Version::subject).distinct().toList();
  }

  List<String> subjects() {
    return state.subjects();
  }

  /** GET /subjects: those starting with {@code prefix}, soft-deleted ones too or only. */
  List<String> subjects(String prefix, boolean deleted, boolean deletedOnly) {
    List<String> live = state.subjects(false);
    List<String> source = deleted || deletedOnly ? state.subjects(true) : live;
    return source.stream()
        .filter(s -> prefix == null || s.startsWith(prefix))
        .filter(s -> !deletedOnly || !live.contains(s))
        .toList();
  }

  List<RegistryState.Version> versions(String subject) {
    return versions(subject, false);
  }

  /** The versions of a subject, oldest first; soft-deleted ones too with {@code deleted}. */
  List<RegistryState.Version> versions(String subject, boolean deleted) {
    List<RegistryState.Version> versions = deleted ? state.allVersions(subject) : state.versions(subject);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  RegistryState.Version version(String subject, String versionText) {
    return version(subject, versionText, false);
  }

  /** A version given as a number, "latest" or -1; soft-deleted ones too with {@code deleted}. */
  RegistryState.Version version(String subject, String versionText, boolean deleted) {
    int wanted = parseVersion(versionText);
    List<RegistryState.Version> versions = versions(subject, deleted);
    if (wanted == -1) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream().filter(v -> v.version() == wanted).findFirst()
        .orElseThrow(() -> RegistryException.versionNotFound(wanted));
  }

  /** Ids of the schemas that reference this subject version. */
  List<Integer> referencedBy(String subject, String versionText) {
    RegistryState.Version v = version(subject, versionText, true);
    return state.referencedBy(v.subject(), v.version());
  }

  /** GET /schemas: every version (or each subject's latest), by subject prefix, paged. */
  List<RegistryState.Version> schemas(String prefix, boolean deleted, boolean latestOnly, int offset, int limit) {
    List<RegistryState.Version> out = new ArrayList<>();
    for (String subject : state.subjects(deleted)) {
      if (prefix != null && !subject.startsWith(prefix)) {
        continue;
      }
      List<RegistryState.Version> vs = deleted ? state.allVersions(subject) : state.versions(subject);
      if (vs.isEmpty()) {
        continue;
      }
      if (latestOnly) {
        out.add(vs.get(vs.size() - 1));
      } else {
        out.addAll(vs);
      }
    }
    int from = Math.min(Math.max(0, offset), out.size());
    int to = limit < 0 ? out.size() : Math.min(out.size(), from + limit);
    return out.subList(from, to);
  }

  /**
   * DELETE /subjects/{subject}: soft-deletes every live version (and drops the subject's own
   * compatibility and mode), or with {@code permanent} removes versions already soft-deleted.
   * Returns the versions deleted.
   */
  List<Integer> deleteSubject(String subject, boolean permanent) {
    synchronized (writeLock) {
      List<RegistryState.Version> all = state.allVersions(subject);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      requireWritable(subject);
      List<RegistryState.Version> live = all.stream().filter(v -> !v.deleted()).toList();
      if (!permanent && live.isEmpty()) {
        throw new RegistryException(404, 40404, "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
      }
      if (permanent && !live.isEmpty()) {
        throw new RegistryException(404, 40405, "Subject '" + subject + "' was not deleted first before being permanently deleted");
      }
      List<RegistryState.Version> targets = permanent ? all : live;
      for (RegistryState.Version v : targets) {
        requireNotReferenced(v);
      }
      List<Integer> deleted = new ArrayList<>();
      for (RegistryState.Version v : targets) {
        if (permanent) {
          hardDelete(v);
        } else {
          softDelete(v);
        }
        deleted.add(v.version());
      }
      if (!permanent) {
        dropSubjectSettings(subject);
      }
      return deleted;
    }
  }

  /**
   * DELETE /subjects/{subject}/versions/{version}: soft-deletes a live version, or with
   * {@code permanent} removes one already soft-deleted. "latest" is the newest live version (with
   * {@code permanent}, the newest soft-deleted or not). Returns the version deleted.
   */
  int deleteVersion(String subject, String versionText, boolean permanent) {
    int wanted = parseVersion(versionText);
    synchronized (writeLock) {
      List<RegistryState.Version> all = state.allVersions(subject);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      RegistryState.Version v;
      if (wanted == -1) {
        List<RegistryState.Version> candidates = permanent ? all : all.stream().filter(x -> !x.deleted()).toList();
        if (candidates.isEmpty()) {
          v = all.get(all.size() - 1);
        } else {
          v = candidates.get(candidates.size() - 1);
        }
      } else {
        v = all.stream().filter(x -> x.version() == wanted).findFirst()
            .orElseThrow(() -> RegistryException.versionNotFound(wanted));
      }
      if (!permanent && v.deleted()) {
        throw new RegistryException(404, 40406, "Version " + v.version() + " of subject " + subject
            + " was soft deleted.Set permanent=true to delete permanently");
      }
      if (permanent && !v.deleted()) {
        throw new RegistryException(404, 40407, "Version " + v.version() + " of subject " + subject
            + " was not deleted first before being permanently deleted");
      }
      requireWritable(subject);
      requireNotReferenced(v);
      if (permanent) {
        hardDelete(v);
      } else {
        softDelete(v);
        if (state.versions(subject).isEmpty()) {
          dropSubjectSettings(subject);
        }
      }
      return v.version();
    }
  }

  private void softDelete(RegistryState.Version v) {
    String winner = state.winnerKeyOf(v.subject(), v.version());
    // Records of instances that lost the race for this version go first: once the winner's record
    // is rewritten (moved to the log's end), an old loser would otherwise replay before it.
    for (String key : state.keysOf(v.subject(), v.version())) {
      if (!key.equals(winner)) {
        log.append(key, null);
      }
    }
    String key = winner != null ? winner : SchemaLogFormat.schemaKey(v, writerId);
    log.append(key, SchemaLogFormat.schemaValue(v.asDeleted()));
  }

  private void hardDelete(RegistryState.Version v) {
    for (String key : state.keysOf(v.subject(), v.version())) {
      log.append(key, null);
    }
  }

  private void dropSubjectSettings(String subject) {
    if (state.subjectLevel(subject) != null) {
      log.append(SchemaLogFormat.configKey(subject), null);
    }
    if (state.subjectMode(subject) != null) {
      log.append(SchemaLogFormat.modeKey(subject), null);
    }
  }

  private void requireNotReferenced(RegistryState.Version v) {
    List<Integer> by = state.referencedBy(v.subject(), v.version());
    if (!by.isEmpty()) {
      throw new RegistryException(422, 42206, "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject="
          + v.subject() + ",version=" + v.version() + "} (referenced by schema ids " + by + ")");
    }
  }

  private void requireWritable(String subject) {
    if (mode(subject).readOnly()) {
      throw RegistryException.operationNotPermitted("Subject " + subject + " is in read-only mode");
    }
  }

  /** The reasons {@code schemaText} could not be registered next (or, for a given version, read it). */
  List<String> compatibilityProblems(String subject, String versionText, String schemaText, String schemaType) {
    return compatibilityProblems(subject, versionText, schemaText, schemaType, List.of());
  }

  List<String> compatibilityProblems(String subject, String versionText, String schemaText, String schemaType,
                                     List<ReferenceRequest> referenceRequests) {
    requireAvro(schemaType);
    int wanted = parseVersion(versionText);
    Schema schema = parse(schemaText, resolve(referenceRequests)).schema();
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

  /** The mode in force for a subject: its own, else the global one, else READWRITE. */
  Mode mode(String subject) {
    Mode own = subject == null ? null : state.subjectMode(subject);
    if (own != null) {
      return own;
    }
    return globalMode();
  }

  Mode globalMode() {
    Mode global = state.globalMode();
    return global != null ? global : Mode.READWRITE;
  }

  /** The subject's own mode, or null when it has none. */
  Mode subjectMode(String subject) {
    return state.subjectMode(subject);
  }

  /**
   * PUT /mode (subject null) or /mode/{subject}. IMPORT is refused (42205) while the scope already
   * holds schemas, unless {@code force}, as Confluent does.
   */
  Mode setMode(String subject, String modeText, boolean force) {
    Mode mode = Mode.parse(modeText);
    if (mode == null) {
      throw new RegistryException(422, 42204, "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.");
    }
    synchronized (writeLock) {
      if (mode == Mode.IMPORT && !force) {
        boolean nonEmpty = subject == null ? !state.subjects(true).isEmpty() : !state.allVersions(subject).isEmpty();
        if (nonEmpty) {
          throw RegistryException.operationNotPermitted("Cannot import since found existing subjects"
              + (subject == null ? "" : " (" + subject + ")") + "; set force=true to import anyway");
        }
      }
      log.append(SchemaLogFormat.modeKey(subject), SchemaLogFormat.modeValue(mode));
    }
    return mode;
  }

  /** DELETE /mode/{subject}: removes a subject's own mode; returns what it was. */
  Mode clearMode(String subject) {
    synchronized (writeLock) {
      Mode previous = state.subjectMode(subject);
      if (previous == null) {
        throw RegistryException.subjectNotFound(subject);
      }
      log.append(SchemaLogFormat.modeKey(subject), null);
      return previous;
    }
  }

  private List<String> violations(String subject, Schema candidate, RegistryState.Version only) {
    CompatibilityLevel level = subjectLevel(subject) != null ? subjectLevel(subject) : globalLevel();
    List<Schema> existing = new ArrayList<>();
    List<RegistryState.Version> against = only != null ? List.of(only) : state.versions(subject);
    against.forEach(v -> existing.add(state.parsedById(v.id())));
    return level.violations(candidate, existing);
  }

  /** Resolves the references of a request: each names a type, a subject and an existing version of it. */
  private List<RegistryState.Reference> resolve(List<ReferenceRequest> requests) {
    List<RegistryState.Reference> out = new ArrayList<>();
    for (ReferenceRequest r : requests) {
      if (r.name() == null || r.name().isBlank() || r.subject() == null || r.subject().isBlank()) {
        throw RegistryException.invalidSchema("a reference needs a \"name\" and a \"subject\": " + r);
      }
      int wanted;
      try {
        wanted = r.version() == null ? -1 : parseVersion(r.version());
      } catch (RegistryException e) {
        throw RegistryException.invalidSchema("reference " + r.name() + " has an invalid version '" + r.version() + "'");
      }
      List<RegistryState.Version> versions = state.versions(r.subject());
      RegistryState.Version target = wanted == -1
          ? (versions.isEmpty() ? null : versions.get(versions.size() - 1))
          : state.findVersion(r.subject(), wanted);
      if (target == null) {
        throw RegistryException.invalidSchema("reference " + r.name() + " names subject '" + r.subject()
            + "' version " + (r.version() == null ? "latest" : r.version()) + ", which does not exist");
      }
      out.add(new RegistryState.Reference(r.name(), r.subject(), target.version()));
    }
    return out;
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

  private AvroSchemas.Parsed parse(String schemaText, List<RegistryState.Reference> references) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryException.invalidSchema("the request has no \"schema\"");
    }
    try {
      return AvroSchemas.parse(schemaText, references, state::findVersion);
    } catch (SchemaParseException | org.apache.avro.AvroTypeException e) {
      // Avro wraps JSON syntax errors; report the JSON parser's own words, not its class name.
      throw RegistryException.invalidSchema(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? "not valid JSON: " + j.getOriginalMessage() : e.getMessage());
    } catch (IllegalArgumentException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    } catch (RuntimeException e) {
      throw RegistryException.invalidSchema(e.toString());
    }
  }
}
