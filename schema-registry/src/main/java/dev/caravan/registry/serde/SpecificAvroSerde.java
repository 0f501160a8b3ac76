package dev.caravan.registry.serde;

import dev.caravan.registry.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for generated Avro classes in the Confluent wire format (always a specific reader). */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** For reflective construction; {@link #configure} must follow. */
  public SpecificAvroSerde() {
    this(null, null);
  }

  /** Decodes into {@code type}, resolving whatever compatible schema the record was written with. */
  public SpecificAvroSerde(Class<T> type) {
    this(null, type);
  }

  public SpecificAvroSerde(SchemaRegistryClient client) {
    this(client, null);
  }

  public SpecificAvroSerde(SchemaRegistryClient client, Class<T> type) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client, type);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    serializer.configure(specific, isKey);
    deserializer.configure(specific, isKey);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Serializer<T> serializer() {
    return (Serializer) serializer;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Deserializer<T> deserializer() {
    return (Deserializer) deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
