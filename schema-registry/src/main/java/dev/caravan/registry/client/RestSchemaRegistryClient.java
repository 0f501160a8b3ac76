package dev.caravan.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API with {@code java.net.http}.
 * Ids never change in a registry, so id→schema and (subject, schema)→id answers are cached forever.
 * Several base URLs may be given; each call tries them in order until one answers.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> baseUrls;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

  /**
   * @param baseUrls one or more registry URLs, comma separated ({@code schema.registry.url})
   * @param userInfo {@code user:password} for basic auth, or null
   */
  public RestSchemaRegistryClient(String baseUrls, String userInfo) {
    this(parseUrls(baseUrls), userInfo, Duration.ofSeconds(30));
  }

  public RestSchemaRegistryClient(List<String> baseUrls, String userInfo, Duration timeout) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("schema registry URL is missing");
    }
    this.baseUrls = List.copyOf(baseUrls);
    this.authorization = userInfo == null || userInfo.isBlank() ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static List<String> parseUrls(String urls) {
    if (urls == null) {
      throw new IllegalArgumentException("schema registry URL is missing");
    }
    List<String> out = new ArrayList<>();
    for (String u : urls.split(",")) {
      String t = u.trim();
      if (!t.isEmpty()) {
        out.add(t.endsWith("/") ? t.substring(0, t.length() - 1) : t);
      }
    }
    return out;
  }

  /** The URL(s) this client talks to, for error messages. */
  public String baseUrl() {
    return String.join(",", baseUrls);
  }

  @Override
  public int register(String subject, Schema schema) {
    String cacheKey = subject + "\u0000" + schema;
    Integer cached = idsBySubjectAndSchema.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    JsonNode body = call("POST", "/subjects/" + enc(subject) + "/versions", schemaBody(schema));
    int id = body.path("id").asInt();
    idsBySubjectAndSchema.put(cacheKey, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    JsonNode body = call("POST", "/subjects/" + enc(subject), schemaBody(schema));
    RegisteredSchema found = toRegistered(body);
    idsBySubjectAndSchema.put(subject + "\u0000" + schema, found.id());
    return found;
  }

  @Override
  public Schema getById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode body = call("GET", "/schemas/ids/" + id, null);
    Schema schema = parse(body.path("schema").asText());
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  @Override
  public RegisteredSchema getLatest(String subject) {
    return toRegistered(call("GET", "/subjects/" + enc(subject) + "/versions/latest", null));
  }

  @Override
  public RegisteredSchema getVersion(String subject, int version) {
    return toRegistered(call("GET", "/subjects/" + enc(subject) + "/versions/" + version, null));
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    JsonNode body = call("POST", "/compatibility/subjects/" + enc(subject) + "/versions/latest",
        schemaBody(schema));
    return body.path("is_compatible").asBoolean();
  }

  @Override
  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    call("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
    return out;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> out = new ArrayList<>();
    call("GET", "/subjects/" + enc(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
    return out;
  }

  @Override
  public String getCompatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + enc(subject) + "?defaultToGlobal=true";
    return call("GET", path, null).path("compatibilityLevel").asText();
  }

  @Override
  public void setCompatibility(String subject, String level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level);
    call("PUT", subject == null ? "/config" : "/config/" + enc(subject), body);
  }

  private RegisteredSchema toRegistered(JsonNode body) {
    int id = body.path("id").asInt();
    Schema schema = schemasById.computeIfAbsent(id, k -> parse(body.path("schema").asText()));
    return new RegisteredSchema(body.path("subject").asText(), body.path("version").asInt(), id, schema);
  }

  private static ObjectNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString());
  }

  private static Schema parse(String text) {
    return new Schema.Parser().parse(text);
  }

  private static String enc(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private JsonNode call(String method, String path, JsonNode body) {
    SchemaRegistryException lastUnreachable = null;
    for (String base : baseUrls) {
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(timeout)
          .header("Accept", MEDIA_TYPE + ", application/json");
      if (authorization != null) {
        req.header("Authorization", authorization);
      }
      if (body != null) {
        req.header("Content-Type", MEDIA_TYPE)
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
      } else {
        req.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> resp;
      try {
        resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        lastUnreachable = new SchemaRegistryException(-1, SchemaRegistryException.UNREACHABLE,
            "Schema registry " + base + " unreachable on " + method + " " + path + ": " + e, e);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(-1, SchemaRegistryException.UNREACHABLE,
            "Interrupted calling schema registry " + base, e);
      }
      return readResponse(base, method, path, resp);
    }
    throw lastUnreachable;
  }

  private static JsonNode readResponse(String base, String method, String path, HttpResponse<String> resp) {
    JsonNode json;
    try {
      json = JSON.readTree(resp.body() == null || resp.body().isEmpty() ? "{}" : resp.body());
    } catch (IOException e) {
      json = null;
    }
    if (resp.statusCode() >= 200 && resp.statusCode() < 300) {
      if (json == null) {
        throw new SchemaRegistryException(resp.statusCode(), -1,
            "Schema registry " + base + " answered " + method + " " + path + " with a body that is not JSON");
      }
      return json;
    }
    int code = json != null && json.has("error_code") ? json.get("error_code").asInt() : resp.statusCode();
    String message = json != null && json.has("message") ? json.get("message").asText() : resp.body();
    throw new SchemaRegistryException(resp.statusCode(), code,
        "Schema registry " + base + " refused " + method + " " + path + ": HTTP " + resp.statusCode() + " " + message);
  }
}
