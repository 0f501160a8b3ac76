package dev.caravan.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caravan.registry.compat.CompatibilityLevel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API over Javalin. Answers in
 * {@code application/vnd.schemaregistry.v1+json}, accepts any JSON request type, and turns every
 * failure into Confluent's {@code {"error_code": ..., "message": ...}} — never a stack trace.
 */
final class RegistryHttpApi {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR_WRITTEN = "caravan.error-written";

  private static final java.util.Set<String> ACCEPTED_MEDIA_TYPES = java.util.Set.of(MEDIA_TYPE,
      "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

  private final SchemaRegistryService service;
  private final BooleanSupplier storeHealthy;
  private final RegistryMetrics metrics;
  private final java.util.function.Consumer<Javalin> ops;

  RegistryHttpApi(SchemaRegistryService service, BooleanSupplier storeHealthy) {
    this(service, storeHealthy, null, null);
  }

  /** {@code ops} adds the operator endpoints (/health, /health/live, /health/ready, /metrics). */
  RegistryHttpApi(SchemaRegistryService service, BooleanSupplier storeHealthy, RegistryMetrics metrics,
                  java.util.function.Consumer<Javalin> ops) {
    this.service = service;
    this.storeHealthy = storeHealthy;
    this.metrics = metrics;
    this.ops = ops;
  }

  Javalin create() {
    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.router.ignoreTrailingSlashes = true;
      cfg.http.defaultContentType = MEDIA_TYPE;
      if (metrics != null) {
        cfg.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms));
      }
    });
    app.before(RegistryHttpApi::requireJsonBody);
    app.get("/", ctx -> write(ctx, 200, JSON.createObjectNode()));
    if (ops != null) {
      ops.accept(app);
    } else {
      app.get("/health", this::health);
    }
    app.get("/schemas/types", ctx -> write(ctx, 200, JSON.createArrayNode().add("AVRO")));
    app.get("/schemas", ctx -> {
      ArrayNode out = JSON.createArrayNode();
      service.schemas(ctx.queryParam("subjectPrefix"), flag(ctx, "deleted"), flag(ctx, "latestOnly"),
          intParam(ctx, "offset", 0), intParam(ctx, "limit", -1)).forEach(v -> out.add(versionJson(v)));
      write(ctx, 200, out);
    });
    app.get("/schemas/ids/{id}", ctx -> {
      RegistryState.Stored s = service.stored(id(ctx));
      ObjectNode out = JSON.createObjectNode().put("schema", s.schema());
      addReferences(out, s.references());
      write(ctx, 200, out);
    });
    app.get("/schemas/ids/{id}/schema", ctx -> writeRaw(ctx, service.schemaById(id(ctx))));
    app.get("/schemas/ids/{id}/subjects", ctx ->
        write(ctx, 200, JSON.valueToTree(service.subjectsOf(id(ctx), flag(ctx, "deleted")))));
    app.get("/schemas/ids/{id}/versions", ctx -> {
      ArrayNode out = JSON.createArrayNode();
      service.usesOf(id(ctx), flag(ctx, "deleted"))
          .forEach(v -> out.addObject().put("subject", v.subject()).put("version", v.version()));
      write(ctx, 200, out);
    });
    app.get("/subjects", ctx -> write(ctx, 200, JSON.valueToTree(
        service.subjects(ctx.queryParam("subjectPrefix"), flag(ctx, "deleted"), flag(ctx, "deletedOnly")))));
    app.get("/subjects/{subject}/versions", ctx -> {
      ArrayNode out = JSON.createArrayNode();
      service.versions(ctx.pathParam("subject"), flag(ctx, "deleted")).forEach(v -> out.add(v.version()));
      write(ctx, 200, out);
    });
    app.get("/subjects/{subject}/versions/{version}", ctx -> write(ctx, 200,
        versionJson(service.version(ctx.pathParam("subject"), ctx.pathParam("version"), flag(ctx, "deleted")))));
    app.get("/subjects/{subject}/versions/{version}/schema", ctx -> writeRaw(ctx,
        service.version(ctx.pathParam("subject"), ctx.pathParam("version"), flag(ctx, "deleted")).schema()));
    app.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> write(ctx, 200,
        JSON.valueToTree(service.referencedBy(ctx.pathParam("subject"), ctx.pathParam("version")))));
    app.post("/subjects/{subject}/versions", ctx -> {
      JsonNode body = body(ctx);
      int id = service.register(ctx.pathParam("subject"), text(body, "schema"), text(body, "schemaType"),
          references(body), optionalInt(body, "id"), optionalInt(body, "version"));
      write(ctx, 200, JSON.createObjectNode().put("id", id));
    });
    app.post("/subjects/{subject}", ctx -> {
      JsonNode body = body(ctx);
      write(ctx, 200, versionJson(service.lookup(ctx.pathParam("subject"), text(body, "schema"), text(body, "schemaType"),
          references(body), flag(ctx, "deleted"))));
    });
    app.delete("/subjects/{subject}", ctx -> write(ctx, 200,
        JSON.valueToTree(service.deleteSubject(ctx.pathParam("subject"), flag(ctx, "permanent")))));
    app.delete("/subjects/{subject}/versions/{version}", ctx -> write(ctx, 200, JSON.getNodeFactory().numberNode(
        service.deleteVersion(ctx.pathParam("subject"), ctx.pathParam("version"), flag(ctx, "permanent")))));
    app.post("/compatibility/subjects/{subject}/versions/{version}", this::compatibility);
    app.post("/compatibility/subjects/{subject}/versions", this::compatibility);
    app.get("/config", ctx -> write(ctx, 200, levelJson("compatibilityLevel", service.globalLevel())));
    app.put("/config", ctx -> write(ctx, 200,
        levelJson("compatibility", service.setLevel(null, text(body(ctx), "compatibility")))));
    app.get("/config/{subject}", this::subjectConfig);
    app.put("/config/{subject}", ctx -> write(ctx, 200,
        levelJson("compatibility", service.setLevel(ctx.pathParam("subject"), text(body(ctx), "compatibility")))));
    app.delete("/config/{subject}", ctx -> write(ctx, 200,
        levelJson("compatibilityLevel", service.clearLevel(ctx.pathParam("subject")))));
    app.get("/mode", ctx -> write(ctx, 200, JSON.createObjectNode().put("mode", service.globalMode().name())));
    app.put("/mode", ctx -> write(ctx, 200, JSON.createObjectNode().put("mode",
        service.setMode(null, text(body(ctx), "mode"), flag(ctx, "force")).name())));
    app.get("/mode/{subject}", ctx -> {
      String subject = ctx.pathParam("subject");
      Mode mode = service.subjectMode(subject);
      if (mode == null) {
        if (!flag(ctx, "defaultToGlobal")) {
          throw new RegistryException(404, 40409, "Subject '" + subject + "' does not have subject-level mode configured");
        }
        mode = service.globalMode();
      }
      write(ctx, 200, JSON.createObjectNode().put("mode", mode.name()));
    });
    app.put("/mode/{subject}", ctx -> write(ctx, 200, JSON.createObjectNode().put("mode",
        service.setMode(ctx.pathParam("subject"), text(body(ctx), "mode"), flag(ctx, "force")).name())));
    app.delete("/mode/{subject}", ctx -> write(ctx, 200,
        JSON.createObjectNode().put("mode", service.clearMode(ctx.pathParam("subject")).name())));

    app.exception(RegistryException.class, (e, ctx) -> error(ctx, e.status(), e.errorCode(), e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
      error(ctx, 500, 50001, "Internal error: " + e.getClass().getSimpleName());
    });
    // Javalin's own answers (no such route, wrong method) get Confluent's error shape too.
    app.error(404, ctx -> ownError(ctx, 404, "HTTP 404 Not Found"));
    app.error(405, ctx -> ownError(ctx, 405, "HTTP 405 Method Not Allowed"));
    return app;
  }

  /**
   * A body that is not JSON is refused before it is read, as Confluent's Jersey resources do: 415
   * unless the Content-Type is one of Confluent's (or absent, which Jersey reads as octet-stream).
   */
  private static void requireJsonBody(Context ctx) {
    String method = ctx.method().name();
    if (!method.equals("POST") && !method.equals("PUT")) {
      return;
    }
    String type = ctx.header("Content-Type");
    if (type == null || type.isBlank()) {
      return;
    }
    String media = type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    if (!ACCEPTED_MEDIA_TYPES.contains(media)) {
      throw new RegistryException(415, 415, "HTTP 415 Unsupported Media Type");
    }
  }

  private static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path == null || path.isEmpty() || path.equals("*") ? "unmatched" : path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private void health(Context ctx) {
    boolean up = storeHealthy.getAsBoolean();
    write(ctx, up ? 200 : 503, JSON.createObjectNode().put("status", up ? "UP" : "DOWN"));
  }

  private void compatibility(Context ctx) {
    String version = ctx.pathParamMap().getOrDefault("version", "latest");
    JsonNode body = body(ctx);
    List<String> problems = service.compatibilityProblems(ctx.pathParam("subject"), version,
        text(body, "schema"), text(body, "schemaType"), references(body));
    ObjectNode out = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
    if ("true".equals(ctx.queryParam("verbose"))) {
      out.set("messages", JSON.valueToTree(problems));
    }
    write(ctx, 200, out);
  }

  private void subjectConfig(Context ctx) {
    String subject = ctx.pathParam("subject");
    CompatibilityLevel level = service.subjectLevel(subject);
    if (level == null) {
      if (!"true".equals(ctx.queryParam("defaultToGlobal"))) {
        throw new RegistryException(404, 40408, "Subject '" + subject + "' does not have subject-level compatibility configured");
      }
      level = service.globalLevel();
    }
    write(ctx, 200, levelJson("compatibilityLevel", level));
  }

  private static ObjectNode levelJson(String field, CompatibilityLevel level) {
    return JSON.createObjectNode().put(field, level.name());
  }

  private static ObjectNode versionJson(RegistryState.Version v) {
    ObjectNode out = JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
        .put("id", v.id()).put("schema", v.schema());
    addReferences(out, v.references());
    return out;
  }

  private static void addReferences(ObjectNode out, List<RegistryState.Reference> references) {
    if (!references.isEmpty()) {
      ArrayNode refs = out.putArray("references");
      references.forEach(r -> refs.addObject().put("name", r.name()).put("subject", r.subject()).put("version", r.version()));
    }
  }

  /** The {@code references} of a request body; each version a number, -1 or "latest". */
  private static List<SchemaRegistryService.ReferenceRequest> references(JsonNode body) {
    JsonNode refs = body.get("references");
    if (refs == null || refs.isNull()) {
      return List.of();
    }
    if (!refs.isArray()) {
      throw new RegistryException(422, 42201, "Invalid schema: \"references\" must be an array");
    }
    List<SchemaRegistryService.ReferenceRequest> out = new java.util.ArrayList<>();
    for (JsonNode r : refs) {
      if (!r.isObject()) {
        throw new RegistryException(422, 42201, "Invalid schema: each reference must be an object {name, subject, version}");
      }
      out.add(new SchemaRegistryService.ReferenceRequest(text(r, "name"), text(r, "subject"), text(r, "version")));
    }
    return out;
  }

  private static Integer optionalInt(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.canConvertToInt() || !n.isIntegralNumber()) {
      throw new RegistryException(422, 42201, "Invalid schema: \"" + field + "\" must be an integer");
    }
    return n.asInt();
  }

  private static boolean flag(Context ctx, String name) {
    return "true".equalsIgnoreCase(ctx.queryParam(name));
  }

  private static int intParam(Context ctx, String name, int dflt) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new RegistryException(400, 400, "Query parameter " + name + " must be an integer, not '" + raw + "'");
    }
  }

  private static int id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw new RegistryException(404, 40403, "Schema " + raw + " not found");
    }
  }

  private static JsonNode body(Context ctx) {
    String raw = ctx.body();
    if (raw.isBlank()) {
      throw new RegistryException(400, 400, "The request has no JSON body");
    }
    try {
      JsonNode node = JSON.readTree(raw);
      if (!node.isObject()) {
        throw new RegistryException(400, 400, "The request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RegistryException(400, 400, "The request body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
  }

  private static void write(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType(MEDIA_TYPE).result(body.toString());
  }

  private static void writeRaw(Context ctx, String schema) {
    ctx.status(200).contentType(MEDIA_TYPE).result(schema);
  }

  private static void error(Context ctx, int status, int code, String message) {
    ctx.attribute(ERROR_WRITTEN, true);
    write(ctx, status, JSON.createObjectNode().put("error_code", code).put("message", message));
  }

  private static void ownError(Context ctx, int status, String message) {
    if (ctx.attribute(ERROR_WRITTEN) == null) {
      error(ctx, status, status, message);
    }
  }
}
