package dev.caravan.registry.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Confluent's compatibility levels, checked with Avro's {@link SchemaCompatibility}.
 * BACKWARD: consumers on the new schema can read data written with the old one; FORWARD: the
 * reverse; FULL: both. The non-transitive levels compare with the latest version only.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** Parses a level name as sent by clients (case-insensitive); null when it is not one. */
  public static CompatibilityLevel parse(String name) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Checks {@code candidate} against the versions already registered (oldest first).
   *
   * @return the reasons it is incompatible; empty when it is compatible
   */
  public List<String> violations(Schema candidate, List<Schema> existingOldestFirst) {
    List<String> problems = new ArrayList<>();
    if (existingOldestFirst.isEmpty() || this == NONE) {
      return problems;
    }
    List<Schema> against = transitive ? existingOldestFirst
        : List.of(existingOldestFirst.get(existingOldestFirst.size() - 1));
    for (Schema old : against) {
      if (newReadsOld) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old), "new schema reading old data", problems);
      }
      if (oldReadsNew) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate), "old schema reading new data", problems);
      }
    }
    return problems;
  }

  private static void describe(SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    result.getResult().getIncompatibilities().forEach(i -> problems.add(
        direction + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")"));
  }
}
