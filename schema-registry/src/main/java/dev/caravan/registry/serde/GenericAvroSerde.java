package dev.caravan.registry.serde;

import dev.caravan.registry.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** Serde for {@link GenericRecord}s in the Confluent wire format (decoded with the writer's schema). */
public class GenericAvroSerde implements Serde<GenericRecord> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  public GenericAvroSerde() {
    this(null);
  }

  public GenericAvroSerde(SchemaRegistryClient client) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Map<String, Object> generic = new HashMap<>(configs);
    generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
    serializer.configure(generic, isKey);
    deserializer.configure(generic, isKey);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Serializer<GenericRecord> serializer() {
    return (Serializer) serializer;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Deserializer<GenericRecord> deserializer() {
    return (Deserializer) deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
