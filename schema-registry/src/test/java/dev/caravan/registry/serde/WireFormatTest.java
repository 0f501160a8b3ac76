package dev.caravan.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.registry.client.InMemorySchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {
  private static final Schema SCHEMA = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Tick\",\"fields\":[{\"name\":\"pair\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\"}]}");
  private static final Map<String, Object> CONFIG = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://unused");

  @Test
  void framesAvroBinaryWithMagicByteAndBigEndianId() throws Exception {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    // Push the id past one byte so the big-endian order is visible.
    for (int i = 0; i < 300; i++) {
      client.register("filler-" + i, Schema.createFixed("F" + i, null, "x", 1));
    }
    GenericRecord tick = new GenericData.Record(SCHEMA);
    tick.put("pair", "KZT/USD");
    tick.put("n", 7);

    byte[] bytes = new KafkaAvroSerializer(client, CONFIG, false).serialize("fx", tick);

    int id = client.getLatest("fx-value").id();
    assertThat(id).isEqualTo(301);
    assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 0, 0, 0x01, 0x2D);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(expected, null);
    new GenericDatumWriter<GenericRecord>(SCHEMA).write(tick, enc);
    enc.flush();
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(expected.toByteArray());
    // string "KZT/USD": zig-zag length 14, the UTF-8 bytes; int 7: zig-zag 14
    assertThat(bytes).hasSize(5 + 1 + 7 + 1);
    assertThat(bytes[5]).isEqualTo((byte) 14);
    assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 14);
  }

  @Test
  void keysUseTheKeySubject() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    byte[] bytes = new KafkaAvroSerializer(client, CONFIG, true).serialize("fx", "KZT/USD");
    assertThat(client.subjects()).containsExactly("fx-key");
    assertThat(new KafkaAvroDeserializer(client, CONFIG, true).deserialize("fx", bytes).toString()).isEqualTo("KZT/USD");
  }

  @Test
  void rejectsWhatIsNotTheWireFormatWithAClearMessage() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(client, CONFIG, false);
    assertThatThrownBy(() -> deserializer.deserialize("t", "{\"json\":1}".getBytes()))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown magic byte 123");
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("fewer than the 5-byte header");
    assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 42, 2}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema id 42 in registry mock://unused");
  }

  @Test
  void truncatedAvroDataIsASerializationException() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    GenericRecord tick = new GenericData.Record(SCHEMA);
    tick.put("pair", "KZT/USD");
    tick.put("n", 7);
    byte[] bytes = new KafkaAvroSerializer(client, CONFIG, false).serialize("fx", tick);
    byte[] cut = Arrays.copyOf(bytes, 8);
    assertThatThrownBy(() -> new KafkaAvroDeserializer(client, CONFIG, false).deserialize("fx", cut))
        .isInstanceOf(SerializationException.class).hasMessageContaining("schema id 1 on topic fx");
  }
}
