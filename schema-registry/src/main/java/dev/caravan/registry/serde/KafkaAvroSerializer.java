package dev.caravan.registry.serde;

import dev.caravan.registry.client.SchemaRegistryClient;
import dev.caravan.registry.client.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) and primitives in the Confluent wire format under the
 * subject {@code <topic>-value} or {@code <topic>-key} (TopicNameStrategy), registering the schema
 * first when {@code auto.register.schemas} is on.
 */
public class KafkaAvroSerializer implements Serializer<Object> {
  private SchemaRegistryClient client;
  private AvroSerdeConfig config;
  private boolean isKey;
  private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** For Kafka's reflective construction; {@link #configure} must follow. */
  public KafkaAvroSerializer() {}

  /** With a given client; {@link #configure} still reads the other settings. */
  public KafkaAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  /** Ready to use: a client and the serde settings. */
  public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
    this.client = client;
    configure(configs, isKey);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    AvroClassTrust.trustPackages(config.trustedPackages());
    if (client == null) {
      client = config.createClient();
    }
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    if (config == null) {
      throw new IllegalStateException("KafkaAvroSerializer used before configure()");
    }
    Schema schema = schemaOf(data);
    String subject = SubjectNames.topicNameStrategy(topic, isKey);
    int id = schemaId(subject, schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, id);
    try {
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, s -> writerFor(s, data)).write(toAvroValue(data), encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not encode " + data.getClass().getName() + " as Avro schema "
          + schema.getFullName() + " (id " + id + ") for topic " + topic + ": " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private int schemaId(String subject, Schema schema) {
    Map<Schema, Integer> known = idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
    Integer id = known.get(schema);
    if (id != null) {
      return id;
    }
    try {
      id = RegistryRetry.call(config.unavailableWaitMs(),
          () -> config.autoRegister() ? client.register(subject, schema) : client.lookup(subject, schema).id());
    } catch (SchemaRegistryException e) {
      String what = config.autoRegister() ? "register" : "find (auto.register.schemas=false)";
      throw new SerializationException("Could not " + what + " schema " + schema.getFullName()
          + " under subject " + subject + " in registry " + config.url() + ": " + e.getMessage(), e);
    }
    known.put(schema, id);
    return id;
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(Schema schema, Object data) {
    if (data instanceof SpecificRecord) {
      // The class's own model knows its logical-type conversions (decimal, date, timestamps).
      return new SpecificDatumWriter<>(schema, SpecificData.getForClass(data.getClass()));
    }
    return new GenericDatumWriter<>(schema, GenericData.get());
  }

  private static Object toAvroValue(Object data) {
    return data instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : data;
  }

  /** The writer schema of a record, or the Avro primitive schema of a plain Java value. */
  static Schema schemaOf(Object data) {
    if (data instanceof GenericContainer container) {
      return container.getSchema();
    }
    if (data instanceof CharSequence) {
      return Schema.create(Schema.Type.STRING);
    }
    if (data instanceof Integer) {
      return Schema.create(Schema.Type.INT);
    }
    if (data instanceof Long) {
      return Schema.create(Schema.Type.LONG);
    }
    if (data instanceof Double) {
      return Schema.create(Schema.Type.DOUBLE);
    }
    if (data instanceof Float) {
      return Schema.create(Schema.Type.FLOAT);
    }
    if (data instanceof Boolean) {
      return Schema.create(Schema.Type.BOOLEAN);
    }
    if (data instanceof byte[] || data instanceof ByteBuffer) {
      return Schema.create(Schema.Type.BYTES);
    }
    throw new SerializationException("Cannot serialise " + data.getClass().getName()
        + " as Avro: expected a SpecificRecord, GenericRecord or a primitive (String, Integer, Long, ...)");
  }

  @Override
  public void close() {}
}
