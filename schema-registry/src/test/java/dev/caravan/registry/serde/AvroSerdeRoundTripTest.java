package dev.caravan.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.registry.client.InMemorySchemaRegistryClient;
import dev.caravan.schema.RawArticle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeRoundTripTest {
  static final Schema V1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"t\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}");
  static final Schema V2 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"t\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
      + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

  @AfterEach
  void dropMockRegistry() {
    InMemorySchemaRegistryClient.dropScope("roundtrip");
  }

  static RawArticle article() {
    return RawArticle.newBuilder().setId("a1").setSource("wire").setUrl("https://example.org/a1")
        .setTitle("Tenge firms").setBody("The tenge rose 2%.").setTruncated(false)
        .setPublishedDate(LocalDate.of(2024, 3, 1)).setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L))
        .setContentHash("h").build();
  }

  @Test
  void specificSerdeRoundTripsGeneratedClassesWithLogicalTypes() {
    try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://roundtrip"), false);
      byte[] bytes = serde.serializer().serialize("news.articles.raw.v1", article());
      RawArticle back = serde.deserializer().deserialize("news.articles.raw.v1", bytes);
      assertThat(back).isEqualTo(article());
      assertThat(back.getPublishedDate()).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(InMemorySchemaRegistryClient.forScope("roundtrip").subjects()).containsExactly("news.articles.raw.v1-value");
    }
  }

  @Test
  void genericSerdeReadsWhatTheSpecificOneWrote() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    Map<String, Object> cfg = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://x");
    byte[] bytes = new KafkaAvroSerializer(client, cfg, false).serialize("raw", article());
    try (GenericAvroSerde generic = new GenericAvroSerde(client)) {
      generic.configure(cfg, false);
      GenericRecord r = generic.deserializer().deserialize("raw", bytes);
      assertThat(r.get("title").toString()).isEqualTo("Tenge firms");
      assertThat(r.get("publishedDate")).isEqualTo((int) LocalDate.of(2024, 3, 1).toEpochDay());
    }
  }

  @Test
  void v1ReaderReadsV2DataAndV2ReaderReadsV1Data() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    Map<String, Object> cfg = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://x");
    KafkaAvroSerializer ser = new KafkaAvroSerializer(client, cfg, false);
    KafkaAvroDeserializer de = new KafkaAvroDeserializer(client, cfg, false);

    GenericRecord old = new GenericData.Record(V1);
    old.put("name", "Ada");
    byte[] v1Bytes = ser.serialize("people", old);
    GenericRecord newer = new GenericData.Record(V2);
    newer.put("name", "Bob");
    newer.put("email", "bob@example.org");
    byte[] v2Bytes = ser.serialize("people", newer);

    GenericRecord v2ReadsV1 = (GenericRecord) de.deserialize("people", v1Bytes, V2);
    assertThat(v2ReadsV1.get("name").toString()).isEqualTo("Ada");
    assertThat(v2ReadsV1.get("email")).isNull();
    GenericRecord v1ReadsV2 = (GenericRecord) de.deserialize("people", v2Bytes, V1);
    assertThat(v1ReadsV2.getSchema().getFields()).hasSize(1);
    assertThat(v1ReadsV2.get("name").toString()).isEqualTo("Bob");
  }

  @Test
  void withoutAutoRegisterAnUnknownSchemaFailsClearly() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    KafkaAvroSerializer ser = new KafkaAvroSerializer(client, Map.of(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://x", AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);
    assertThatThrownBy(() -> ser.serialize("raw", article()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("auto.register.schemas=false").hasMessageContaining("raw-value");
    client.register("raw-value", RawArticle.getClassSchema());
    assertThat(ser.serialize("raw", article())).startsWith(0, 0, 0, 0, 1);
  }

  @Test
  void specificReaderWithoutATargetClassFindsTheGeneratedClass() {
    InMemorySchemaRegistryClient client = new InMemorySchemaRegistryClient();
    Map<String, Object> cfg = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://x",
        AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    byte[] bytes = new KafkaAvroSerializer(client, cfg, false).serialize("raw", article());
    assertThat(new KafkaAvroDeserializer(client, cfg, false).deserialize("raw", bytes)).isEqualTo(article());
  }
}
