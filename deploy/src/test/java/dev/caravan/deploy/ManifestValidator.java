package dev.caravan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Validates Kubernetes manifests without a cluster. Built-in kinds go through the Kubernetes Java
 * client's API models, which are generated from the Kubernetes OpenAPI spec: {@code fromJson}
 * rejects a field the API does not define, a missing required field and a value of the wrong
 * type, at every level of nesting. Strimzi's KafkaTopic goes through a JSON schema of its CRD.
 * A kind with no schema here is an error, so nothing passes unchecked.
 */
final class ManifestValidator {

    /** apiVersion + "/" + kind to the API model that has the schema. */
    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "apps/v1/Deployment", V1Deployment.class,
            "apps/v1/StatefulSet", V1StatefulSet.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class);

    private static final String KAFKA_TOPIC = "kafka.strimzi.io/v1beta2/KafkaTopic";

    private static final Gson GSON = new Gson();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema KAFKA_TOPIC_SCHEMA = loadSchema("/schemas/kafkatopic-v1beta2.json");

    private ManifestValidator() {
    }

    static Set<String> supportedKinds() {
        Set<String> kinds = new java.util.TreeSet<>(MODELS.keySet());
        kinds.add(KAFKA_TOPIC);
        return kinds;
    }

    /** Every YAML document of a file, in order (empty documents dropped). */
    static List<Map<String, Object>> load(Path file) {
        try {
            return loadAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> loadAll(String yamlText) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml.loadAll(yamlText)) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map)) {
                throw new IllegalArgumentException("a manifest must be a mapping, got: " + doc);
            }
            docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    /** The problems of one manifest; empty when it is valid. */
    static List<String> validate(Map<String, Object> manifest) {
        String type = manifest.get("apiVersion") + "/" + manifest.get("kind");
        if (KAFKA_TOPIC.equals(type)) {
            JsonNode node = JSON.valueToTree(manifest);
            return KAFKA_TOPIC_SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).toList();
        }
        Class<?> model = MODELS.get(type);
        if (model == null) {
            return List.of("no schema for " + type + " (known: " + supportedKinds() + ")");
        }
        List<String> problems = new ArrayList<>();
        Object metadata = manifest.get("metadata");
        if (!(metadata instanceof Map<?, ?> meta) || !(meta.get("name") instanceof String)) {
            problems.add(type + ": metadata.name is required");
        }
        try {
            Method fromJson = model.getMethod("fromJson", String.class);
            fromJson.invoke(null, GSON.toJson(manifest));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = String.valueOf(cause.getMessage());
            int json = message.indexOf(" JSON: ");
            problems.add(type + ": " + cause.getClass().getSimpleName() + ": "
                    + (json > 0 ? message.substring(0, json) : message));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return problems;
    }

    private static JsonSchema loadSchema(String resource) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
