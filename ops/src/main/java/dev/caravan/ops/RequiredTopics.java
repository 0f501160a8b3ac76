package dev.caravan.ops;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Start-up check of the topics a service reads or writes. A missing topic is fine while the
 * brokers create topics on demand; when they do not, the service refuses to start and says
 * which topics are missing and how to create them, instead of waiting silently.
 */
public final class RequiredTopics {

    private RequiredTopics() {
    }

    /** @throws IllegalStateException naming the missing topics when the brokers will not create them */
    public static void check(Map<String, Object> clientProperties, String service, Collection<String> topics) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, service + "-topic-check");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> missing = topics.stream().filter(t -> !existing.contains(t)).sorted().toList();
            if (missing.isEmpty() || autoCreates(admin)) {
                return;
            }
            throw new IllegalStateException(service + " cannot start: topic(s) " + String.join(", ", missing)
                    + " do not exist and the brokers do not create topics automatically; create them with"
                    + " `caravan topics create` (or deploy/k8s/topics.yaml)");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(service + " cannot list the topics on "
                    + clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        }
    }

    private static boolean autoCreates(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(nodes.iterator().next().id()));
        Config config = admin.describeConfigs(List.of(broker)).all().get(30, TimeUnit.SECONDS).get(broker);
        ConfigEntry entry = config.get("auto.create.topics.enable");
        return entry == null || Boolean.parseBoolean(entry.value());
    }
}
