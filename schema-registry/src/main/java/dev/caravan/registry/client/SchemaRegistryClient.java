package dev.caravan.registry.client;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The calls Caravan makes to a Confluent-compatible schema registry (ours, Confluent's, Apicurio's
 * ccompat API or Karapace). Failures are {@link SchemaRegistryException}s carrying the registry's
 * error code.
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject} (or finds it there) and returns its global id. */
  int register(String subject, Schema schema);

  /** The id of {@code schema} if it is already registered under {@code subject}; 40401/40403 otherwise. */
  RegisteredSchema lookup(String subject, Schema schema);

  /** The schema with this global id; error code 40403 when there is none. */
  Schema getById(int id);

  /** The newest version registered under {@code subject}; error code 40401 when there is none. */
  RegisteredSchema getLatest(String subject);

  /** One version of {@code subject}. */
  RegisteredSchema getVersion(String subject, int version);

  /** Whether {@code schema} could be registered next under {@code subject}. */
  boolean testCompatibility(String subject, Schema schema);

  List<String> subjects();

  List<Integer> versions(String subject);

  /** The compatibility level of {@code subject}, falling back to the global one; null subject = global. */
  String getCompatibility(String subject);

  /** Sets the compatibility level of {@code subject}; null subject = global. */
  void setCompatibility(String subject, String level);
}
