package dev.caravan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/k8s: every manifest valid against the API schema, plus the rules ops rely on. */
class K8sManifestsTest {

    static final Path K8S = Path.of(System.getProperty("basedir", ".")).resolve("k8s");
    static final Pattern SECRET_KEY = Pattern.compile("(?i).*(PASSWORD|TOKEN|SECRET|USERNAME|CREDENTIAL).*");

    /** Topics of the pipeline (launcher TopicCatalog) plus the registry's log. */
    static final Set<String> TOPICS = Set.of("news.articles.raw.v1", "fx.ticks.v1", "news.articles.enriched.v1",
            "news.entities.trending.v1", "gazetteer.entities.v1", "news.articles.enrich-dlq.v1",
            "news.articles.index-dlq.v1", "_schemas");
    static final Set<String> DATA_TOPICS = Set.of("news.articles.raw.v1", "fx.ticks.v1", "news.articles.enriched.v1",
            "news.entities.trending.v1");

    static Map<Path, List<Map<String, Object>>> manifests = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                if (!f.getFileName().toString().equals("kustomization.yaml")) {
                    manifests.put(f, ManifestValidator.load(f));
                }
            }
        }
        assertThat(manifests).as("manifests in %s", K8S).isNotEmpty();
    }

    static List<Map<String, Object>> all() {
        return manifests.values().stream().flatMap(List::stream).toList();
    }

    static List<Map<String, Object>> ofKind(String kind) {
        return all().stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String... path) {
        Object cur = o;
        for (String p : path) {
            cur = cur == null ? null : ((Map<String, Object>) cur).get(p);
        }
        return cur == null ? Map.of() : (Map<String, Object>) cur;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Map<String, Object>>) v;
    }

    static String name(Map<String, Object> m) {
        return (String) map(m, "metadata").get("name");
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesApiSchema() {
        List<String> problems = new ArrayList<>();
        manifests.forEach((file, docs) -> {
            for (Map<String, Object> doc : docs) {
                ManifestValidator.validate(doc).forEach(p -> problems.add(K8S.relativize(file) + " " + name(doc) + ": " + p));
            }
        });
        assertThat(problems).isEmpty();
        assertThat(all()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void kustomizationListsEveryManifest() {
        Map<String, Object> kustomization = ManifestValidator.load(K8S.resolve("kustomization.yaml")).get(0);
        @SuppressWarnings("unchecked")
        List<String> resources = (List<String>) kustomization.get("resources");
        Set<String> files = new TreeSet<>();
        manifests.keySet().forEach(p -> files.add(p.getFileName().toString()));
        assertThat(new TreeSet<>(resources)).isEqualTo(files);
    }

    @Test
    void everyWorkloadHasProbesResourcesAndSecretsFromASecret() {
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("StatefulSet"));
        assertThat(workloads).extracting(K8sManifestsTest::name)
                .containsExactlyInAnyOrder("ingest-service", "index-service", "enrich-service");
        for (Map<String, Object> w : workloads) {
            Map<String, Object> pod = map(w, "spec", "template", "spec");
            assertThat(pod.get("terminationGracePeriodSeconds")).as("%s grace period", name(w)).isNotNull();
            for (Map<String, Object> c : list(pod, "containers")) {
                String where = name(w) + "/" + c.get("name");
                assertThat(c).as(where).containsKeys("livenessProbe", "readinessProbe");
                assertThat(map(c, "resources", "requests")).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(map(c, "resources", "limits")).as(where + " limits").containsKeys("cpu", "memory");
                for (Map<String, Object> env : list(c, "env")) {
                    if (SECRET_KEY.matcher((String) env.get("name")).matches()) {
                        assertThat(map(env, "valueFrom", "secretKeyRef")).as(where + " " + env.get("name")).isNotEmpty();
                    }
                }
            }
        }
        assertThat(map(ofKind("StatefulSet").get(0), "spec")).containsKey("volumeClaimTemplates");
    }

    @Test
    void configMapsHoldNoSecrets() {
        for (Map<String, Object> cm : ofKind("ConfigMap")) {
            assertThat(map(cm, "data").keySet()).as(name(cm)).noneMatch(k -> SECRET_KEY.matcher(k).matches());
        }
        assertThat(ofKind("Secret")).isNotEmpty();
    }

    @Test
    void autoscalersFollowConsumerLagAndTargetRealWorkloads() {
        Map<String, String> workloads = new LinkedHashMap<>();
        ofKind("Deployment").forEach(d -> workloads.put(name(d), "Deployment"));
        ofKind("StatefulSet").forEach(s -> workloads.put(name(s), "StatefulSet"));
        Map<String, String> lagGroups = new LinkedHashMap<>();
        for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(hpa, "spec", "scaleTargetRef");
            assertThat(workloads).containsEntry((String) target.get("name"), (String) target.get("kind"));
            assertThat((Integer) map(hpa, "spec").get("maxReplicas")).as("partitions bound the parallelism").isLessThanOrEqualTo(8);
            for (Map<String, Object> metric : list(map(hpa, "spec"), "metrics")) {
                if ("External".equals(metric.get("type"))) {
                    Map<String, Object> m = map(metric, "external", "metric");
                    assertThat(m.get("name")).isEqualTo("kafka_consumergroup_lag");
                    lagGroups.put((String) target.get("name"), (String) map(m, "selector", "matchLabels").get("consumergroup"));
                }
            }
        }
        assertThat(lagGroups).containsEntry("index-service", "caravan-index").containsEntry("enrich-service", "caravan-enrich");
    }

    @Test
    void topicsAreReplicatedThriceWithMinIsrTwoAndTheGazetteerIsCompacted() {
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        for (Map<String, Object> t : ofKind("KafkaTopic")) {
            Object topicName = map(t, "spec").get("topicName");
            topics.put(topicName != null ? (String) topicName : name(t), map(t, "spec"));
        }
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
        topics.forEach((topic, spec) -> {
            assertThat(spec.get("replicas")).as(topic).isEqualTo(3);
            assertThat(map(spec, "config").get("min.insync.replicas")).as(topic).isEqualTo("2");
            assertThat(spec.get("partitions")).as(topic).isEqualTo(DATA_TOPICS.contains(topic) ? 6 : 1);
        });
        assertThat(map(topics.get("gazetteer.entities.v1"), "config").get("cleanup.policy")).isEqualTo("compact");
        assertThat(map(topics.get("_schemas"), "config").get("cleanup.policy")).isEqualTo("compact");
        assertThat(map(topics.get("fx.ticks.v1"), "config").get("retention.ms")).isEqualTo("-1");
    }

    // --- the validator rejects what the API server would reject ---

    static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: bad}
            spec:
              replicas: 1
              selector: {matchLabels: {app: bad}}
              template:
                metadata: {labels: {app: bad}}
                spec:
                  containers:
                    - name: c
                      image: caravan
                      livenessProbe: {httpGet: {path: /health, port: 8080}}
            """;

    static List<String> problemsOf(String yaml) {
        return ManifestValidator.validate(ManifestValidator.loadAll(yaml).get(0));
    }

    @Test
    void theValidatorAcceptsAMinimalDeployment() {
        assertThat(problemsOf(DEPLOYMENT)).isEmpty();
    }

    @Test
    void theValidatorRejectsAnUnknownField() {
        assertThat(problemsOf(DEPLOYMENT.replace("  replicas: 1", "  replica: 1")))
                .singleElement().asString().contains("replica").contains("not defined");
    }

    @Test
    void theValidatorRejectsAnUnknownFieldDeepInside() {
        assertThat(problemsOf(DEPLOYMENT.replace("httpGet: {path", "httpGet: {pathh")))
                .singleElement().asString().contains("pathh");
    }

    @Test
    void theValidatorRejectsAMissingRequiredField() {
        assertThat(problemsOf(DEPLOYMENT.replace("- name: c\n          image: caravan", "- image: caravan")))
                .singleElement().asString().contains("name");
        assertThat(problemsOf(DEPLOYMENT.replace("  selector: {matchLabels: {app: bad}}\n", "")))
                .singleElement().asString().contains("selector");
    }

    @Test
    void theValidatorRejectsAWrongType() {
        assertThat(problemsOf(DEPLOYMENT.replace("replicas: 1", "replicas: [1]"))).isNotEmpty();
        assertThat(problemsOf(DEPLOYMENT.replace("image: caravan", "image: [caravan]"))).isNotEmpty();
    }

    @Test
    void theValidatorRejectsAnUnknownKindOrVersion() {
        assertThat(problemsOf(DEPLOYMENT.replace("apps/v1", "apps/v1beta1"))).singleElement().asString().contains("no schema");
        assertThat(problemsOf(DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet"))).singleElement().asString().contains("no schema");
    }

    @Test
    void theValidatorRejectsABadKafkaTopic() {
        String topic = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t.v1, labels: {strimzi.io/cluster: caravan}}
                spec: {partitions: 6, replicas: 3, config: {min.insync.replicas: "2"}}
                """;
        assertThat(problemsOf(topic)).isEmpty();
        assertThat(problemsOf(topic.replace("partitions: 6", "partitions: 0"))).isNotEmpty();
        assertThat(problemsOf(topic.replace("replicas: 3", "replication: 3"))).isNotEmpty();
        assertThat(problemsOf(topic.replace(", labels: {strimzi.io/cluster: caravan}", ""))).isNotEmpty();
    }
}
