package dev.caravan.registry.serde;

import dev.caravan.registry.client.SchemaRegistryClient;
import dev.caravan.registry.client.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the Confluent wire format: fetches the writer schema by id (cached) and resolves it
 * against the reader schema, so data written with an older or newer compatible schema still
 * decodes. Generic records by default; generated classes when {@code specific.avro.reader=true}
 * or when a target class is given. Every failure is a {@link SerializationException} naming the
 * topic, the schema id and the registry, so a Streams deserialisation handler can route the
 * record to a dead-letter topic.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;
  private final Class<? extends SpecificRecord> targetClass;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
  private final Map<Schema, Map<Integer, DatumReader<Object>>> readersBySchema = new ConcurrentHashMap<>();

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public KafkaAvroDeserializer() {
    this(null, null);
  }

  /** With a given client; {@link #configure} still reads the other settings. */
  public KafkaAvroDeserializer(SchemaRegistryClient client) {
    this(client, null);
  }

  /** Decodes into {@code targetClass} whatever the writer schema's name. */
  public KafkaAvroDeserializer(SchemaRegistryClient client, Class<? extends SpecificRecord> targetClass) {
    this.client = client;
    this.targetClass = targetClass;
  }

  /** Ready to use: a client and the serde settings. */
  public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
    this(client, null);
    configure(configs, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = new AvroSerdeConfig(configs);
    AvroClassTrust.trustPackages(config.trustedPackages());
    if (client == null) {
      client = config.createClient();
    }
  }

  @Override
  public Object deserialize(String topic, byte[] payload) {
    return deserialize(topic, payload, null);
  }

  /**
   * Decodes into a generic record of {@code readerSchema} (resolving the writer's schema against
   * it), or as {@link #deserialize(String, byte[])} when it is null.
   */
  public Object deserialize(String topic, byte[] payload, Schema readerSchema) {
    if (payload == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
    }
    int id = WireFormat.readSchemaId(payload, topic);
    DatumReader<Object> reader = readerSchema == null
        ? readers.computeIfAbsent(id, i -> readerFor(i, topic))
        : readersBySchema.computeIfAbsent(readerSchema, s -> new ConcurrentHashMap<>())
            .computeIfAbsent(id, i -> new GenericDatumReader<>(writerSchema(i, topic), readerSchema, GenericData.get()));
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(
          payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null));
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not decode Avro record with schema id " + id + " on topic "
          + topic + ": " + e, e);
    }
  }

  private Schema writerSchema(int id, String topic) {
    try {
      return RegistryRetry.call(config.unavailableWaitMs(), () -> client.getById(id));
    } catch (SchemaRegistryException e) {
      String why = e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND
          ? "unknown schema id " + id + " in registry " + config.url()
          : "could not fetch schema id " + id + " from registry " + config.url();
      throw new SerializationException("Cannot decode record on topic " + topic + ": " + why + " (" + e.getMessage() + ")", e);
    }
  }

  private DatumReader<Object> readerFor(int id, String topic) {
    Schema writer = writerSchema(id, topic);
    Class<?> cls = targetClass;
    if (cls == null && config.specificReader() && writer.getType() == Schema.Type.RECORD) {
      try {
        cls = SpecificData.get().getClass(writer);
      } catch (RuntimeException e) {
        throw new SerializationException("Cannot decode record on topic " + topic + " (schema id " + id
            + "): class " + writer.getFullName() + " may not be loaded: " + e.getMessage(), e);
      }
      if (cls == null || !SpecificRecord.class.isAssignableFrom(cls)) {
        throw new SerializationException("Cannot decode record on topic " + topic + " (schema id " + id
            + ") with specific.avro.reader=true: no generated class " + writer.getFullName() + " on the classpath");
      }
    }
    if (cls == null) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    SpecificData model = SpecificData.getForClass(cls);
    return new SpecificDatumReader<>(writer, model.getSchema(cls), model);
  }

  @Override
  public void close() {}
}
