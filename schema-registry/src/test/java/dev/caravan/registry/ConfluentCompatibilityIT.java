package dev.caravan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.registry.client.RestSchemaRegistryClient;
import dev.caravan.registry.config.SchemaRegistryConfig;
import dev.caravan.registry.server.SchemaRegistryServer;
import dev.caravan.registry.serde.AvroSerdeConfig;
import dev.caravan.registry.serde.KafkaAvroDeserializer;
import dev.caravan.registry.serde.KafkaAvroSerializer;
import dev.caravan.registry.serde.SpecificAvroSerde;
import dev.caravan.schema.RawArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our registry, serializer and deserializer against Confluent's own Python client (Debian's
 * python3-confluent-kafka), on a real Kafka broker and our registry in its own JVM.
 */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
class ConfluentCompatibilityIT {
  static final String PYTHON = "/usr/bin/python3";
  static final Path SCRIPT = Path.of("src/test/python/confluent_client.py").toAbsolutePath();
  static final String V1 = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"dev.caravan.contract\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  static final String V2 = "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"dev.caravan.contract\","
      + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

  @BeforeAll
  static void requireConfluentPythonClient() throws Exception {
    Process p = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka.avro, avro, requests").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    Assumptions.assumeTrue(ok, "Confluent's Python client is missing (" + PYTHON + " cannot import confluent_kafka.avro: "
        + out.trim() + "); install python3-confluent-kafka python3-avro python3-requests with apt to run this test");
  }

  @Test
  void everyEndpointAnswersConfluentsPythonClients(LocalStack stack) throws Exception {
    List<String> out = python("contract", stack.schemaRegistryUrl(), "it-" + UUID.randomUUID());
    assertThat(out).anyMatch(l -> l.startsWith("OK GET /schemas/ids/id/versions"));
    assertThat(out.stream().filter(l -> l.startsWith("OK ")).count()).isGreaterThanOrEqualTo(45);
  }

  @Test
  void confluentsPythonClientDeletesReferencesAndSetsModes(LocalStack stack) throws Exception {
    List<String> out = python("lifecycle", stack.schemaRegistryUrl(), "life-" + UUID.randomUUID().toString().substring(0, 8));
    // The script exits non-zero on the first failed expectation; these lines show the points were reached.
    assertThat(out).contains("OK delete_version(s, 2) -> 2", "OK delete_subject (soft) -> [1]",
        "OK delete_subject(permanent=True) -> [1]", "OK get_schema returns the references", "OK GET /mode -> READWRITE",
        "OK text/plain body -> 415");
    assertThat(out).anyMatch(l -> l.startsWith("OK delete_version twice -> 404/40406"));
    assertThat(out).anyMatch(l -> l.startsWith("OK delete_subject twice -> 404/40404"));
    assertThat(out).anyMatch(l -> l.startsWith("OK deleting a referenced version -> 422/42206"));
    assertThat(out).anyMatch(l -> l.startsWith("OK register in READONLY -> 422/42205"));
  }

  @Test
  void recordsWrittenByOurSerializerAreReadByConfluentsPythonConsumer(LocalStack stack) throws Exception {
    String topic = "it.java-to-python." + UUID.randomUUID();
    try (SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
      serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
      produce(stack, topic, List.of(serde.serializer().serialize(topic, article("a1")),
          serde.serializer().serialize(topic, article("a2"))));
    }
    List<String> lines = python("consume", stack.schemaRegistryUrl(), stack.kafkaBootstrap(), topic, "2");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"id\": \"a1\"", "\"title\": \"Tenge firms\"", "2024-03-01");
    assertThat(lines.get(1)).contains("\"id\": \"a2\"");
  }

  @Test
  void recordsWrittenByConfluentsPythonProducerAreReadByOurDeserializer(LocalStack stack) throws Exception {
    String topic = "it.python-to-java." + UUID.randomUUID();
    python("produce", stack.schemaRegistryUrl(), stack.kafkaBootstrap(), topic, "3", V1);
    KafkaAvroDeserializer de = new KafkaAvroDeserializer();
    de.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    List<String> names = new ArrayList<>();
    for (byte[] value : consume(stack, topic, 3)) {
      names.add(((GenericRecord) de.deserialize(topic, value)).get("name").toString());
    }
    assertThat(names).containsExactly("python-0", "python-1", "python-2");
  }

  @Test
  void aV2ProducerIsReadByV1ConsumersAndTheReverse(LocalStack stack) throws Exception {
    String topic = "it.evolution." + UUID.randomUUID();
    Schema v1 = new Schema.Parser().parse(V1);
    Schema v2 = new Schema.Parser().parse(V2);
    KafkaAvroSerializer ser = new KafkaAvroSerializer();
    ser.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    GenericRecord old = new GenericData.Record(v1);
    old.put("name", "java-v1");
    GenericRecord newer = new GenericData.Record(v2);
    newer.put("name", "java-v2");
    newer.put("email", "v2@example.org");
    produce(stack, topic, List.of(ser.serialize(topic, old), ser.serialize(topic, newer)));
    // Python's producer writes v2 too (same schema, so the same id).
    python("produce", stack.schemaRegistryUrl(), stack.kafkaBootstrap(), topic, "1", V2);

    KafkaAvroDeserializer de = new KafkaAvroDeserializer();
    de.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    List<byte[]> values = consume(stack, topic, 3);
    List<String> asV1 = new ArrayList<>();
    List<Object> emailsAsV2 = new ArrayList<>();
    for (byte[] v : values) {
      GenericRecord r1 = (GenericRecord) de.deserialize(topic, v, v1);
      assertThat(r1.getSchema().getFields()).hasSize(1);
      asV1.add(r1.get("name").toString());
      Object email = ((GenericRecord) de.deserialize(topic, v, v2)).get("email");
      emailsAsV2.add(email == null ? null : email.toString());
    }
    assertThat(asV1).containsExactly("java-v1", "java-v2", "python-0");
    assertThat(emailsAsV2).containsExactly(null, "v2@example.org", "p0@example.org");

    // Confluent's consumer as a v1 reader of v2 data, and as a v2 reader of v1 data.
    List<String> pyV1 = python("consume", stack.schemaRegistryUrl(), stack.kafkaBootstrap(), topic, "3", V1);
    assertThat(pyV1).containsExactly("{\"name\": \"java-v1\"}", "{\"name\": \"java-v2\"}", "{\"name\": \"python-0\"}");
    List<String> pyV2 = python("consume", stack.schemaRegistryUrl(), stack.kafkaBootstrap(), topic, "3", V2);
    assertThat(pyV2.get(0)).isEqualTo("{\"email\": null, \"name\": \"java-v1\"}");
  }

  @Test
  void idsSurviveARegistryRestart(LocalStack stack) throws Exception {
    String topic = "it.restart." + UUID.randomUUID();
    String subject = topic + "-value";
    Schema schema = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Restart" + Math.abs(topic.hashCode())
        + "\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"d\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"}}]}");
    KafkaAvroSerializer ser = new KafkaAvroSerializer();
    ser.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    GenericRecord r = new GenericData.Record(schema);
    r.put("n", 42);
    r.put("d", 19000);
    produce(stack, topic, List.of(ser.serialize(topic, r)));
    int idBefore = new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null).getLatest(subject).id();

    stack.killSchemaRegistry();
    stack.startSchemaRegistry();

    // Fresh client and deserializer: nothing cached from before the restart.
    RestSchemaRegistryClient client = new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null);
    assertThat(client.getLatest(subject).id()).isEqualTo(idBefore);
    assertThat(client.register(subject, schema)).isEqualTo(idBefore);
    KafkaAvroDeserializer de = new KafkaAvroDeserializer();
    de.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.schemaRegistryUrl()), false);
    GenericRecord back = (GenericRecord) de.deserialize(topic, consume(stack, topic, 1).get(0));
    assertThat(back.get("n")).isEqualTo(42);
    assertThat(python("consume", stack.schemaRegistryUrl(), stack.kafkaBootstrap(), topic, "1").get(0)).contains("\"n\": 42");
  }

  @Test
  void aSecondInstanceOnTheSameTopicAgreesOnIds(LocalStack stack) throws Exception {
    RestSchemaRegistryClient first = new RestSchemaRegistryClient(stack.schemaRegistryUrl(), null);
    String subject = "it.second-instance." + UUID.randomUUID() + "-value";
    Schema schema = new Schema.Parser().parse(V2);
    int id = first.register(subject, schema);
    try (SchemaRegistryServer second = new SchemaRegistryServer(SchemaRegistryConfig.resolve(null, Map.of(), Map.of(
        SchemaRegistryConfig.KAFKA_BOOTSTRAP, stack.kafkaBootstrap(), SchemaRegistryConfig.HOST, "127.0.0.1",
        SchemaRegistryConfig.PORT, 0))).start()) {
      RestSchemaRegistryClient other = new RestSchemaRegistryClient(second.url(), null);
      assertThat(other.getLatest(subject).id()).isEqualTo(id);
      // A schema registered through the second instance is visible, with the same id, through the first.
      String next = "it.second-instance." + UUID.randomUUID() + "-value";
      Schema fresh = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Fresh" + Math.abs(next.hashCode())
          + "\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}");
      int freshId = other.register(next, fresh);
      await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .untilAsserted(() -> assertThat(first.getLatest(next).id()).isEqualTo(freshId));
      assertThat(first.register(next, fresh)).isEqualTo(freshId);
    }
  }

  static RawArticle article(String id) {
    return RawArticle.newBuilder().setId(id).setSource("wire").setUrl(null).setTitle("Tenge firms")
        .setBody("The tenge rose.").setTruncated(false).setPublishedDate(LocalDate.of(2024, 3, 1))
        .setIngestedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setContentHash("h").build();
  }

  static void produce(LocalStack stack, String topic, List<byte[]> values) {
    try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (byte[] v : values) {
        p.send(new ProducerRecord<>(topic, v));
      }
      p.flush();
    }
  }

  static List<byte[]> consume(LocalStack stack, String topic, int n) {
    List<byte[]> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          out.add(r.value());
        }
        return out.size() >= n;
      });
    }
    return out;
  }

  /** Runs the Confluent client script; its stdout lines, or a failure quoting its output. */
  static List<String> python(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(PYTHON, SCRIPT.toString()));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile("confluent-python", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(180, TimeUnit.SECONDS);
    String stderr = Files.readString(err);
    Files.deleteIfExists(err);
    assertThat(done && p.exitValue() == 0)
        .as("python %s failed:%nstdout:%n%s%nstderr:%n%s", String.join(" ", args), out, stderr).isTrue();
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
