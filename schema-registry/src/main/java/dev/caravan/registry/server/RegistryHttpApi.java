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

  private final SchemaRegistryService service;
  private final BooleanSupplier storeHealthy;

  RegistryHttpApi(SchemaRegistryService service, BooleanSupplier storeHealthy) {
    this.service = service;
    this.storeHealthy = storeHealthy;
  }

  Javalin create() {
    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.router.ignoreTrailingSlashes = true;
      cfg.http.defaultContentType = MEDIA_TYPE;
    });
    app.get("/", ctx -> write(ctx, 200, JSON.createObjectNode()));
    app.get("/health", this::health);
    app.get("/schemas/types", ctx -> write(ctx, 200, JSON.createArrayNode().add("AVRO")));
    app.get("/schemas/ids/{id}", ctx -> write(ctx, 200,
        JSON.createObjectNode().put("schema", service.schemaById(id(ctx)))));
    app.get("/schemas/ids/{id}/schema", ctx -> writeRaw(ctx, service.schemaById(id(ctx))));
    app.get("/schemas/ids/{id}/versions", ctx -> {
      ArrayNode out = JSON.createArrayNode();
      service.usesOf(id(ctx)).forEach(v -> out.addObject().put("subject", v.subject()).put("version", v.version()));
      write(ctx, 200, out);
    });
    app.get("/subjects", ctx -> write(ctx, 200, JSON.valueToTree(service.subjects())));
    app.get("/subjects/{subject}/versions", ctx -> {
      ArrayNode out = JSON.createArrayNode();
      service.versions(ctx.pathParam("subject")).forEach(v -> out.add(v.version()));
      write(ctx, 200, out);
    });
    app.get("/subjects/{subject}/versions/{version}", ctx -> write(ctx, 200,
        versionJson(service.version(ctx.pathParam("subject"), ctx.pathParam("version")))));
    app.get("/subjects/{subject}/versions/{version}/schema", ctx ->
        writeRaw(ctx, service.version(ctx.pathParam("subject"), ctx.pathParam("version")).schema()));
    app.post("/subjects/{subject}/versions", ctx -> {
      JsonNode body = body(ctx);
      int id = service.register(ctx.pathParam("subject"), text(body, "schema"), text(body, "schemaType"));
      write(ctx, 200, JSON.createObjectNode().put("id", id));
    });
    app.post("/subjects/{subject}", ctx -> {
      JsonNode body = body(ctx);
      write(ctx, 200, versionJson(service.lookup(ctx.pathParam("subject"), text(body, "schema"), text(body, "schemaType"))));
    });
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

  private void health(Context ctx) {
    boolean up = storeHealthy.getAsBoolean();
    write(ctx, up ? 200 : 503, JSON.createObjectNode().put("status", up ? "UP" : "DOWN"));
  }

  private void compatibility(Context ctx) {
    String version = ctx.pathParamMap().getOrDefault("version", "latest");
    JsonNode body = body(ctx);
    List<String> problems = service.compatibilityProblems(ctx.pathParam("subject"), version,
        text(body, "schema"), text(body, "schemaType"));
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
    return JSON.createObjectNode().put("subject", v.subject()).put("version", v.version())
        .put("id", v.id()).put("schema", v.schema());
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
