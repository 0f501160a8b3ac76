package dev.caravan.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The parts of Confluent's REST API a client user relies on beyond register and read — deletes,
 * modes, references, listings, media types, metrics — against the registry in its own JVM on a
 * real Kafka broker, asserting the status codes, {@code error_code}s and bodies Confluent answers.
 */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
class RegistryRestApiIT {
  static final String MEDIA = "application/vnd.schemaregistry.v1+json";
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  String url;
  String prefix;

  record Answer(int status, String body, String contentType) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    int errorCode() {
      return json().path("error_code").asInt();
    }

    List<Integer> ints() {
      List<Integer> out = new ArrayList<>();
      json().forEach(n -> out.add(n.asInt()));
      return out;
    }

    List<String> strings() {
      List<String> out = new ArrayList<>();
      json().forEach(n -> out.add(n.asText()));
      return out;
    }
  }

  @BeforeEach
  void setUp(LocalStack stack) {
    url = stack.schemaRegistryUrl();
    prefix = "it-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  // ---- deletes ----

  @Test
  void aSubjectIsSoftDeletedThenPermanentlyDeletedWithConfluentsCodes() {
    String s = prefix + "person-value";
    int id1 = register(s, person(""));
    int id2 = register(s, person(",{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}"));
    Answer deleted = call("DELETE", "/subjects/" + s, null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.ints()).containsExactly(1, 2);

    assertThat(call("GET", "/subjects/" + s + "/versions", null).errorCode()).isEqualTo(40401);
    assertThat(call("GET", "/subjects/" + s + "/versions/latest", null).errorCode()).isEqualTo(40401);
    assertThat(call("GET", "/subjects/" + s + "/versions?deleted=true", null).ints()).containsExactly(1, 2);
    assertThat(call("GET", "/subjects/" + s + "/versions/1?deleted=true", null).json().get("id").asInt()).isEqualTo(id1);
    assertThat(call("GET", "/subjects", null).strings()).doesNotContain(s);
    assertThat(call("GET", "/subjects?deleted=true", null).strings()).contains(s);
    assertThat(call("GET", "/subjects?deletedOnly=true", null).strings()).contains(s);
    // A soft delete keeps the ids: data written with them can still be read.
    assertThat(call("GET", "/schemas/ids/" + id2, null).status()).isEqualTo(200);
    assertThat(call("GET", "/schemas/ids/" + id2 + "/versions", null).json()).isEmpty();
    assertThat(call("GET", "/schemas/ids/" + id2 + "/versions?deleted=true", null).json().get(0).get("subject").asText())
        .isEqualTo(s);

    Answer again = call("DELETE", "/subjects/" + s, null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo(40404);

    Answer permanent = call("DELETE", "/subjects/" + s + "?permanent=true", null);
    assertThat(permanent.status()).isEqualTo(200);
    assertThat(permanent.ints()).containsExactly(1, 2);
    assertThat(call("GET", "/subjects/" + s + "/versions?deleted=true", null).errorCode()).isEqualTo(40401);
    assertThat(call("GET", "/subjects?deleted=true", null).strings()).doesNotContain(s);
    assertThat(call("GET", "/schemas/ids/" + id2, null).errorCode()).isEqualTo(40403);
    assertThat(call("DELETE", "/subjects/" + s + "?permanent=true", null).errorCode()).isEqualTo(40401);
    assertThat(call("DELETE", "/subjects/" + prefix + "never", null).errorCode()).isEqualTo(40401);

    // Registering again after a permanent delete starts at version 1.
    register(s, person(""));
    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(1);
  }

  @Test
  void aLiveSubjectCannotBePermanentlyDeleted() {
    String s = prefix + "live-value";
    register(s, person(""));
    Answer a = call("DELETE", "/subjects/" + s + "?permanent=true", null);
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.errorCode()).isEqualTo(40405);
    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(1);
  }

  @Test
  void versionsAreSoftAndPermanentlyDeletedOneByOne() {
    String s = prefix + "versions-value";
    setCompatibility(s, "NONE");
    int id1 = register(s, "\"string\"");
    register(s, "\"int\"");
    register(s, "\"long\"");

    Answer d = call("DELETE", "/subjects/" + s + "/versions/2", null);
    assertThat(d.status()).isEqualTo(200);
    assertThat(d.json().asInt()).isEqualTo(2);
    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(1, 3);
    assertThat(call("GET", "/subjects/" + s + "/versions?deleted=true", null).ints()).containsExactly(1, 2, 3);
    assertThat(call("GET", "/subjects/" + s + "/versions/2", null).errorCode()).isEqualTo(40402);
    assertThat(call("GET", "/subjects/" + s + "/versions/2?deleted=true", null).json().get("schema").asText()).isEqualTo("\"int\"");

    Answer twice = call("DELETE", "/subjects/" + s + "/versions/2", null);
    assertThat(twice.status()).isEqualTo(404);
    assertThat(twice.errorCode()).isEqualTo(40406);
    Answer notSoft = call("DELETE", "/subjects/" + s + "/versions/3?permanent=true", null);
    assertThat(notSoft.status()).isEqualTo(404);
    assertThat(notSoft.errorCode()).isEqualTo(40407);

    assertThat(call("DELETE", "/subjects/" + s + "/versions/2?permanent=true", null).json().asInt()).isEqualTo(2);
    assertThat(call("GET", "/subjects/" + s + "/versions/2?deleted=true", null).errorCode()).isEqualTo(40402);

    Answer latest = call("DELETE", "/subjects/" + s + "/versions/latest", null);
    assertThat(latest.json().asInt()).isEqualTo(3);
    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(1);
    assertThat(call("GET", "/subjects/" + s + "/versions/latest", null).json().get("version").asInt()).isEqualTo(1);

    Answer invalid = call("DELETE", "/subjects/" + s + "/versions/zero", null);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.errorCode()).isEqualTo(42202);
    assertThat(call("DELETE", "/subjects/" + s + "/versions/9", null).errorCode()).isEqualTo(40402);
    assertThat(call("DELETE", "/subjects/" + prefix + "none/versions/1", null).errorCode()).isEqualTo(40401);

    // A soft-deleted schema registered again gets a new version and keeps its id.
    call("DELETE", "/subjects/" + s + "/versions/1", null);
    assertThat(register(s, "\"string\"")).isEqualTo(id1);
    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(4);
    assertThat(lookup(s, "\"long\"", null, true).get("version").asInt()).isEqualTo(3);
    assertThat(call("POST", "/subjects/" + s, body("\"long\"", null)).errorCode()).isEqualTo(40403);
  }

  // ---- modes ----

  @Test
  void readOnlySubjectsRefuseWritesWith42205() {
    String s = prefix + "ro-value";
    register(s, person(""));
    assertThat(call("GET", "/mode", null).json().get("mode").asText()).isEqualTo("READWRITE");
    Answer set = call("PUT", "/mode/" + s, "{\"mode\":\"READONLY\"}");
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(call("GET", "/mode/" + s, null).json().get("mode").asText()).isEqualTo("READONLY");

    Answer refused = call("POST", "/subjects/" + s + "/versions", body(person(",{\"name\":\"x\",\"type\":\"int\",\"default\":1}"), null));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo(42205);
    assertThat(call("DELETE", "/subjects/" + s, null).errorCode()).isEqualTo(42205);
    assertThat(call("DELETE", "/subjects/" + s + "/versions/1", null).errorCode()).isEqualTo(42205);
    // Reads still work.
    assertThat(call("GET", "/subjects/" + s + "/versions/1", null).status()).isEqualTo(200);

    Answer unset = call("GET", "/mode/" + prefix + "other", null);
    assertThat(unset.status()).isEqualTo(404);
    assertThat(unset.errorCode()).isEqualTo(40409);
    assertThat(call("GET", "/mode/" + prefix + "other?defaultToGlobal=true", null).json().get("mode").asText()).isEqualTo("READWRITE");
    Answer bad = call("PUT", "/mode/" + s, "{\"mode\":\"SIDEWAYS\"}");
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.errorCode()).isEqualTo(42204);

    assertThat(call("DELETE", "/mode/" + s, null).json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(call("GET", "/mode/" + s, null).errorCode()).isEqualTo(40409);
    assertThat(call("DELETE", "/subjects/" + s, null).ints()).containsExactly(1);
  }

  @Test
  void globalReadOnlyAppliesToEverySubjectWithoutItsOwnMode() {
    String s = prefix + "global-value";
    String own = prefix + "own-value";
    call("PUT", "/mode/" + own, "{\"mode\":\"READWRITE\"}");
    try {
      assertThat(call("PUT", "/mode", "{\"mode\":\"READONLY\"}").json().get("mode").asText()).isEqualTo("READONLY");
      assertThat(call("GET", "/mode", null).json().get("mode").asText()).isEqualTo("READONLY");
      assertThat(call("POST", "/subjects/" + s + "/versions", body(person(""), null)).errorCode()).isEqualTo(42205);
      assertThat(register(own, person(""))).isPositive();
    } finally {
      assertThat(call("PUT", "/mode", "{\"mode\":\"READWRITE\"}").status()).isEqualTo(200);
    }
    assertThat(register(s, person(""))).isPositive();
  }

  @Test
  void importModeKeepsTheGivenIdAndVersion() {
    String s = prefix + "import-value";
    int id = 1_000_000 + (int) (Math.random() * 1_000_000);
    assertThat(call("PUT", "/mode/" + s, "{\"mode\":\"IMPORT\"}").json().get("mode").asText()).isEqualTo("IMPORT");
    // A schema no other subject holds: in IMPORT mode a schema keeps one id (else 42207).
    ObjectNode req = (ObjectNode) readTree(body("{\"type\":\"fixed\",\"name\":\"F" + id + "\",\"size\":4}", null));
    req.put("id", id).put("version", 5);
    Answer imported = call("POST", "/subjects/" + s + "/versions", req.toString());
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().get("id").asInt()).isEqualTo(id);
    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(5);
    assertThat(call("GET", "/schemas/ids/" + id, null).status()).isEqualTo(200);

    Answer withoutId = call("POST", "/subjects/" + s + "/versions", body("\"string\"", null));
    assertThat(withoutId.errorCode()).isEqualTo(42205);
    ObjectNode taken = (ObjectNode) readTree(body("\"bytes\"", null));
    taken.put("id", id);
    assertThat(call("POST", "/subjects/" + s + "/versions", taken.toString()).errorCode()).isEqualTo(42205);

    // IMPORT on a subject that already holds schemas needs force=true.
    String other = prefix + "busy-value";
    register(other, person(""));
    assertThat(call("PUT", "/mode/" + other, "{\"mode\":\"IMPORT\"}").errorCode()).isEqualTo(42205);
    assertThat(call("PUT", "/mode/" + other + "?force=true", "{\"mode\":\"IMPORT\"}").status()).isEqualTo(200);
    // Outside IMPORT an id cannot be given.
    call("PUT", "/mode/" + s, "{\"mode\":\"READWRITE\"}");
    ObjectNode again = (ObjectNode) readTree(body("\"string\"", null));
    again.put("id", id + 1);
    assertThat(call("POST", "/subjects/" + s + "/versions", again.toString()).errorCode()).isEqualTo(42205);
  }

  // ---- references ----

  @Test
  void referencesResolveNamedTypesAndProtectWhatTheyReference() {
    String leafSubject = prefix + "leaf";
    String rootSubject = prefix + "root";
    String ns = "it" + prefix.replace("-", "");
    int leafId = register(leafSubject, "{\"type\":\"record\",\"name\":\"Leaf\",\"namespace\":\"" + ns
        + "\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
    String root = "{\"type\":\"record\",\"name\":\"Root\",\"namespace\":\"" + ns
        + "\",\"fields\":[{\"name\":\"leaf\",\"type\":\"" + ns + ".Leaf\"}]}";
    ArrayNode refs = JSON.createArrayNode();
    refs.addObject().put("name", ns + ".Leaf").put("subject", leafSubject).put("version", 1);

    Answer unresolved = call("POST", "/subjects/" + rootSubject + "/versions", body(root, null));
    assertThat(unresolved.status()).isEqualTo(422);
    assertThat(unresolved.errorCode()).isEqualTo(42201);
    ArrayNode missing = JSON.createArrayNode();
    missing.addObject().put("name", ns + ".Leaf").put("subject", prefix + "nowhere").put("version", 1);
    assertThat(call("POST", "/subjects/" + rootSubject + "/versions", body(root, missing)).errorCode()).isEqualTo(42201);

    Answer reg = call("POST", "/subjects/" + rootSubject + "/versions", body(root, refs));
    assertThat(reg.status()).isEqualTo(200);
    int rootId = reg.json().get("id").asInt();
    assertThat(rootId).isNotEqualTo(leafId);

    JsonNode byId = call("GET", "/schemas/ids/" + rootId, null).json();
    assertThat(byId.get("references").get(0).get("subject").asText()).isEqualTo(leafSubject);
    assertThat(byId.get("references").get(0).get("version").asInt()).isEqualTo(1);
    // The stored schema names the referenced type instead of inlining it.
    assertThat(byId.get("schema").asText()).doesNotContain("\"fields\":[{\"name\":\"n\"");
    JsonNode version = call("GET", "/subjects/" + rootSubject + "/versions/1", null).json();
    assertThat(version.get("references").get(0).get("name").asText()).isEqualTo(ns + ".Leaf");
    assertThat(lookup(rootSubject, root, refs, false).get("id").asInt()).isEqualTo(rootId);
    // The same text with the reference given as "latest" is the same schema.
    ArrayNode latestRefs = JSON.createArrayNode();
    latestRefs.addObject().put("name", ns + ".Leaf").put("subject", leafSubject).put("version", "latest");
    assertThat(register(rootSubject, root, latestRefs)).isEqualTo(rootId);

    assertThat(call("GET", "/subjects/" + leafSubject + "/versions/1/referencedby", null).ints()).containsExactly(rootId);
    assertThat(call("GET", "/subjects/" + rootSubject + "/versions/1/referencedby", null).ints()).isEmpty();

    Answer refused = call("DELETE", "/subjects/" + leafSubject + "/versions/1", null);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo(42206);
    assertThat(call("DELETE", "/subjects/" + leafSubject, null).errorCode()).isEqualTo(42206);

    // Once the referrer is gone for good, the referenced version may go too.
    call("DELETE", "/subjects/" + rootSubject, null);
    assertThat(call("DELETE", "/subjects/" + leafSubject, null).errorCode()).isEqualTo(42206);
    call("DELETE", "/subjects/" + rootSubject + "?permanent=true", null);
    assertThat(call("DELETE", "/subjects/" + leafSubject, null).ints()).containsExactly(1);
  }

  // ---- listings ----

  @Test
  void listingsFilterByPrefixAndListSchemas() {
    String a = prefix + "a-value";
    String b = prefix + "b-value";
    int id = register(a, person(""));
    register(b, person(""));
    setCompatibility(a, "NONE");
    int id2 = register(a, "\"string\"");

    assertThat(call("GET", "/subjects?subjectPrefix=" + enc(prefix), null).strings()).containsExactly(a, b);
    assertThat(call("GET", "/subjects?subjectPrefix=" + enc(prefix + "b"), null).strings()).containsExactly(b);
    assertThat(call("GET", "/schemas/ids/" + id + "/subjects", null).strings()).contains(a, b);
    JsonNode versions = call("GET", "/schemas/ids/" + id + "/versions", null).json();
    assertThat(versions.toString()).contains("{\"subject\":\"" + a + "\",\"version\":1}", "{\"subject\":\"" + b + "\",\"version\":1}");
    assertThat(call("GET", "/schemas/ids/987654321/subjects", null).errorCode()).isEqualTo(40403);

    JsonNode all = call("GET", "/schemas?subjectPrefix=" + enc(prefix), null).json();
    assertThat(all).hasSize(3);
    assertThat(all.get(0).get("subject").asText()).isEqualTo(a);
    assertThat(all.get(0).get("id").asInt()).isEqualTo(id);
    assertThat(all.get(1).get("id").asInt()).isEqualTo(id2);
    assertThat(all.get(1).get("schema").asText()).isEqualTo("\"string\"");
    JsonNode latest = call("GET", "/schemas?latestOnly=true&subjectPrefix=" + enc(prefix), null).json();
    assertThat(latest).hasSize(2);
    assertThat(latest.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(call("GET", "/schemas?subjectPrefix=" + enc(prefix) + "&offset=1&limit=1", null).json().get(0).get("id").asInt())
        .isEqualTo(id2);
    assertThat(call("GET", "/schemas/types", null).strings()).containsExactly("AVRO");
  }

  @Test
  void jsonSchemaAndProtobufAreRefusedWith42201() {
    ObjectNode req = (ObjectNode) readTree(body("{\"type\":\"object\"}", null));
    req.put("schemaType", "JSON");
    Answer a = call("POST", "/subjects/" + prefix + "json/versions", req.toString());
    assertThat(a.status()).isEqualTo(422);
    assertThat(a.errorCode()).isEqualTo(42201);
    req.put("schemaType", "PROTOBUF").put("schema", "syntax = \"proto3\"; message M { string a = 1; }");
    assertThat(call("POST", "/subjects/" + prefix + "proto/versions", req.toString()).errorCode()).isEqualTo(42201);
  }

  // ---- media types and metrics ----

  @Test
  void nonJsonBodiesAreAnswered415() throws Exception {
    String s = prefix + "media-value";
    HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + s + "/versions"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body(person(""), null))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(plain.body()).get("error_code").asInt()).isEqualTo(415);
    HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/config/" + s))
        .header("Content-Type", "application/x-www-form-urlencoded").PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(call("GET", "/subjects/" + s + "/versions", null).errorCode()).isEqualTo(40401);

    for (String type : List.of("application/json", "application/vnd.schemaregistry+json", "application/json; charset=utf-8")) {
      HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + s + "/versions"))
          .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body(person(""), null))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).as(type).isEqualTo(200);
    }
    HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects/" + s))
        .POST(HttpRequest.BodyPublishers.ofString(body(person(""), null))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAreServedForPrometheus() {
    register(prefix + "metrics-value", person(""));
    call("GET", "/subjects/" + prefix + "missing/versions", null);
    Answer m = call("GET", "/metrics", null);
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.contentType()).startsWith("text/plain");
    assertThat(m.body()).contains("# HELP caravan_registry_requests_total", "# TYPE caravan_registry_requests_total counter",
        "route=\"/subjects/{subject}/versions\"", "status=\"404\"", "caravan_registry_subjects ",
        "caravan_registry_versions{state=\"deleted\"}", "caravan_registry_schemas ", "caravan_registry_mode{mode=\"READWRITE\"} 1",
        "caravan_registry_store_up 1", "jvm_memory_used_bytes");
    assertThat(call("GET", "/health/live", null).json().get("status").asText()).isEqualTo("UP");
    assertThat(call("GET", "/health/ready", null).json().get("status").asText()).isEqualTo("UP");
    assertThat(call("GET", "/health", null).json().get("status").asText()).isEqualTo("UP");
  }

  // ---- durability ----

  @Test
  void deletesModesAndReferencesSurviveARestart(LocalStack stack) {
    String s = prefix + "durable-value";
    String leaf = prefix + "durable-leaf";
    String ns = "it" + prefix.replace("-", "");
    setCompatibility(s, "NONE");
    register(s, "\"string\"");
    register(s, "\"int\"");
    register(s, "\"long\"");
    call("DELETE", "/subjects/" + s + "/versions/1", null);
    call("DELETE", "/subjects/" + s + "/versions/2", null);
    call("DELETE", "/subjects/" + s + "/versions/2?permanent=true", null);
    call("PUT", "/mode/" + s, "{\"mode\":\"READONLY\"}");
    register(leaf, "{\"type\":\"record\",\"name\":\"Leaf\",\"namespace\":\"" + ns + "\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
    ArrayNode refs = JSON.createArrayNode();
    refs.addObject().put("name", ns + ".Leaf").put("subject", leaf).put("version", 1);
    String rootSubject = prefix + "durable-root";
    int rootId = register(rootSubject, "{\"type\":\"record\",\"name\":\"Root\",\"namespace\":\"" + ns
        + "\",\"fields\":[{\"name\":\"leaf\",\"type\":\"" + ns + ".Leaf\"}]}", refs);

    stack.stopSchemaRegistry();
    stack.startSchemaRegistry();
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
        .until(() -> call("GET", "/health/ready", null).status() == 200);

    assertThat(call("GET", "/subjects/" + s + "/versions", null).ints()).containsExactly(3);
    assertThat(call("GET", "/subjects/" + s + "/versions?deleted=true", null).ints()).containsExactly(1, 3);
    assertThat(call("GET", "/mode/" + s, null).json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(call("GET", "/config/" + s, null).json().get("compatibilityLevel").asText()).isEqualTo("NONE");
    assertThat(call("DELETE", "/subjects/" + s + "/versions/3", null).errorCode()).isEqualTo(42205);
    assertThat(call("GET", "/subjects/" + leaf + "/versions/1/referencedby", null).ints()).containsExactly(rootId);
    assertThat(call("GET", "/schemas/ids/" + rootId, null).json().get("references").get(0).get("subject").asText()).isEqualTo(leaf);
    assertThat(call("DELETE", "/subjects/" + leaf, null).errorCode()).isEqualTo(42206);
  }

  // ---- helpers ----

  static String person(String moreFields) {
    return "{\"type\":\"record\",\"name\":\"Person\",\"namespace\":\"dev.caravan.it\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}"
        + moreFields + "]}";
  }

  static String body(String schema, ArrayNode references) {
    ObjectNode b = JSON.createObjectNode().put("schema", schema);
    if (references != null) {
      b.set("references", references);
    }
    return b.toString();
  }

  static JsonNode readTree(String s) {
    try {
      return JSON.readTree(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  int register(String subject, String schema) {
    return register(subject, schema, null);
  }

  int register(String subject, String schema, ArrayNode references) {
    Answer a = call("POST", "/subjects/" + subject + "/versions", body(schema, references));
    assertThat(a.status()).as("register under %s: %s", subject, a.body()).isEqualTo(200);
    return a.json().get("id").asInt();
  }

  JsonNode lookup(String subject, String schema, ArrayNode references, boolean deleted) {
    Answer a = call("POST", "/subjects/" + subject + (deleted ? "?deleted=true" : ""), body(schema, references));
    assertThat(a.status()).as("lookup in %s: %s", subject, a.body()).isEqualTo(200);
    return a.json();
  }

  void setCompatibility(String subject, String level) {
    assertThat(call("PUT", "/config/" + subject, "{\"compatibility\":\"" + level + "\"}").status()).isEqualTo(200);
  }

  Answer call(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
        .header("Accept", MEDIA);
    if (body != null) {
      b.header("Content-Type", MEDIA).method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
