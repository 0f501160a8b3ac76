package dev.caravan.index.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of the monthly article indices: an Index State Management (ISM) policy that deletes
 * an index {@code index.retention.months} months after it was created, attached to every new
 * {@code articles-v1-*} index by its {@code ism_template} and added to the ones that exist. Applied at
 * start-up when the cluster has the ISM plugin (opensearch-index-management, part of the OpenSearch
 * distribution); without it, one INFO line says so and nothing else happens. The same policy, for 12
 * months, is {@code deploy/opensearch/ism-articles.json}.
 */
public final class IndexLifecycle {

    /** What start-up found and did. */
    public enum Outcome {
        /** No ISM plugin on the cluster: indices are kept until deleted by hand. */
        NOT_MANAGED,
        /** Retention 0: no policy (one this service installed before is detached and deleted). */
        KEPT_FOREVER,
        /** The policy was created or updated. */
        INSTALLED,
        /** The policy was there already with the same retention. */
        UNCHANGED
    }

    public static final String POLICY_ID = "caravan-articles";
    public static final String INDEX_PATTERN = "articles-v1-*";
    public static final String ISM_PLUGIN = "opensearch-index-management";
    /** ISM counts an index's age in days (its time units have no months): a month is 31 days. */
    public static final int DAYS_PER_MONTH = 31;

    private static final Logger LOG = LoggerFactory.getLogger(IndexLifecycle.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private IndexLifecycle() {
    }

    /** The policy document for a retention of {@code months} (at least 1), as PUT _plugins/_ism/policies takes it. */
    public static String policy(int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a retention of " + months + " months needs no policy");
        }
        return load().replace("${retentionDays}", Integer.toString(months * DAYS_PER_MONTH))
                .replace("${retentionMonths}", Integer.toString(months));
    }

    public static Outcome apply(OpenSearchClient client, int months) {
        try {
            if (!hasIsm(client)) {
                LOG.info("Index lifecycle not managed: OpenSearch has no Index State Management plugin ({}), so {} indices are "
                        + "kept until deleted by hand{}", ISM_PLUGIN, INDEX_PATTERN,
                        months > 0 ? " (index.retention.months=" + months + " is not applied)" : "");
                return Outcome.NOT_MANAGED;
            }
            JsonNode existing = existingPolicy(client);
            if (months == 0) {
                if (existing != null) {
                    call(client, Requests.builder().method("POST").endpoint("/_plugins/_ism/remove/" + INDEX_PATTERN).build(),
                            "detach ISM policy " + POLICY_ID);
                    call(client, Requests.builder().method("DELETE").endpoint("/_plugins/_ism/policies/" + POLICY_ID).build(),
                            "delete ISM policy " + POLICY_ID);
                }
                LOG.info("Index lifecycle: index.retention.months=0, {} indices are kept forever{}", INDEX_PATTERN,
                        existing != null ? " (ISM policy " + POLICY_ID + " detached and deleted)" : "");
                return Outcome.KEPT_FOREVER;
            }
            String policy = policy(months);
            String description = MAPPER.readTree(policy).path("policy").path("description").asText();
            if (existing != null && description.equals(existing.path("policy").path("description").asText())) {
                attach(client, false);
                LOG.info("Index lifecycle: ISM policy {} deletes {} indices {} days after their creation (unchanged)",
                        POLICY_ID, INDEX_PATTERN, months * DAYS_PER_MONTH);
                return Outcome.UNCHANGED;
            }
            Requests.JsonBodyBuilder put = Requests.builder().method("PUT").endpoint("/_plugins/_ism/policies/" + POLICY_ID).json(policy);
            if (existing != null) {
                put.query(Map.of("if_seq_no", existing.path("_seq_no").asText(),
                        "if_primary_term", existing.path("_primary_term").asText()));
            }
            try (Response response = client.generic().execute(put.build())) {
                // 409: another instance starting at the same time wrote it first
                if (response.getStatus() >= 300 && response.getStatus() != 409) {
                    throw new IllegalStateException("OpenSearch refused ISM policy " + POLICY_ID + ": HTTP "
                            + response.getStatus() + " " + body(response));
                }
            }
            attach(client, existing != null);
            LOG.info("Index lifecycle: ISM policy {} installed, deletes {} indices {} days ({} months) after their creation",
                    POLICY_ID, INDEX_PATTERN, months * DAYS_PER_MONTH, months);
            return Outcome.INSTALLED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot apply the index lifecycle: " + e.getMessage(), e);
        }
    }

    /** True when a node of the cluster runs the ISM plugin. */
    public static boolean hasIsm(OpenSearchClient client) throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET").endpoint("/_cat/plugins")
                .query(Map.of("format", "json", "h", "component")).build())) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("cannot list the plugins of OpenSearch: HTTP " + response.getStatus() + " " + body(response));
            }
            for (JsonNode plugin : MAPPER.readTree(body(response))) {
                if (ISM_PLUGIN.equals(plugin.path("component").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The stored policy with its _seq_no and _primary_term, or null. */
    private static JsonNode existingPolicy(OpenSearchClient client) throws IOException {
        try (Response response = client.generic().execute(Requests.builder().method("GET")
                .endpoint("/_plugins/_ism/policies/" + POLICY_ID).build())) {
            if (response.getStatus() == 404) {
                return null;
            }
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("cannot read ISM policy " + POLICY_ID + ": HTTP " + response.getStatus() + " " + body(response));
            }
            return MAPPER.readTree(body(response));
        }
    }

    /**
     * The ism_template reaches only indices created after the policy: the existing ones are added here
     * (an index already managed is left as it is), and after a change of retention the managed ones move
     * to the new version of the policy.
     */
    private static void attach(OpenSearchClient client, boolean changed) throws IOException {
        String id = MAPPER.writeValueAsString(Map.of("policy_id", POLICY_ID));
        call(client, Requests.builder().method("POST").endpoint("/_plugins/_ism/add/" + INDEX_PATTERN).json(id).build(),
                "add ISM policy " + POLICY_ID + " to " + INDEX_PATTERN);
        if (changed) {
            call(client, Requests.builder().method("POST").endpoint("/_plugins/_ism/change_policy/" + INDEX_PATTERN).json(id).build(),
                    "move " + INDEX_PATTERN + " to the new version of ISM policy " + POLICY_ID);
        }
    }

    private static void call(OpenSearchClient client, Request request, String what) throws IOException {
        try (Response response = client.generic().execute(request)) {
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("OpenSearch refused to " + what + ": HTTP " + response.getStatus() + " " + body(response));
            }
        }
    }

    private static String body(Response response) {
        return response.getBody().map(b -> b.bodyAsString()).orElse("");
    }

    private static String load() {
        try (InputStream in = IndexLifecycle.class.getResourceAsStream("/opensearch/ism-articles.policy.json")) {
            if (in == null) {
                throw new IllegalStateException("/opensearch/ism-articles.policy.json missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
