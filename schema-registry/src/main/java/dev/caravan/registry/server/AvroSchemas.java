package dev.caravan.registry.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.avro.Schema;

/**
 * Parses an Avro schema together with the schemas it references (Confluent's
 * {@code references: [{name, subject, version}]}): each referenced version is parsed first, its own
 * references before it, into one parser, so the named types it defines resolve in the schema that
 * uses them. The canonical form ({@code Schema.toString(referenced, false)}, as Confluent's
 * {@code AvroSchema.canonicalString()}) names referenced types instead of inlining them.
 */
final class AvroSchemas {
  /** A parsed schema and its canonical JSON. */
  record Parsed(Schema schema, String canonical) {}

  private AvroSchemas() {}

  /**
   * @param find a subject's version (soft-deleted ones too), or null when there is none
   * @throws IllegalArgumentException when a reference names no stored version
   */
  static Parsed parse(String text, List<RegistryState.Reference> references,
                      BiFunction<String, Integer, RegistryState.Version> find) {
    Schema.Parser parser = new Schema.Parser();
    List<Schema> referenced = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (RegistryState.Reference r : references) {
      parseReference(r, parser, referenced, done, find, 0);
    }
    Schema schema = parser.parse(text);
    return new Parsed(schema, references.isEmpty() ? schema.toString() : schema.toString(referenced, false));
  }

  private static void parseReference(RegistryState.Reference r, Schema.Parser parser, List<Schema> referenced,
                                     Set<String> done, BiFunction<String, Integer, RegistryState.Version> find, int depth) {
    if (depth > 64) {
      throw new IllegalArgumentException("references nest deeper than 64 levels");
    }
    if (!done.add(r.subject() + "\u0000" + r.version())) {
      return;
    }
    RegistryState.Version v = find.apply(r.subject(), r.version());
    if (v == null) {
      throw new IllegalArgumentException("reference " + r.name() + " names subject '" + r.subject()
          + "' version " + r.version() + ", which does not exist");
    }
    for (RegistryState.Reference inner : v.references()) {
      parseReference(inner, parser, referenced, done, find, depth + 1);
    }
    referenced.add(parser.parse(v.schema()));
  }
}
