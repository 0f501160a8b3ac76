package dev.caravan.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Checks of the servers Caravan depends on, each bounded to a short timeout. */
public final class Probes {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private Probes() {
    }

    /** Kafka at {@code bootstrap} without TLS or SASL. */
    public static HealthCheck kafka(String bootstrap) {
        return kafka(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /**
     * Kafka answers a cluster description, reached with a service's own client properties
     * (bootstrap, TLS, SASL). The admin client is created once and reused.
     */
    public static HealthCheck kafka(Map<String, Object> clientProperties) {
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "caravan-health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Admin admin = Admin.create(props);
        String bootstrap = String.valueOf(clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        return new HealthCheck() {
            @Override
            public Result check() {
                try {
                    int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
                            .nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                    return brokers > 0 ? Result.up(brokers + " broker(s)") : Result.down("no brokers");
                } catch (Exception e) {
                    return Result.down("Kafka at " + bootstrap + " unreachable: " + rootMessage(e));
                }
            }

            @Override
            public void close() {
                admin.close(java.time.Duration.ofSeconds(5));
            }
        };
    }

    /** The schema registry lists its subjects (any Confluent-compatible registry does). */
    public static HealthCheck schemaRegistry(String url) {
        return http("schema registry", stripSlash(url.split(",")[0].trim()) + "/subjects");
    }

    /** An HTTP GET answers below 500 (for a server whose auth the probe does not carry, 401 still means up). */
    public static HealthCheck http(String name, String url) {
        return () -> {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return response.statusCode() < 500
                        ? HealthCheck.Result.up("HTTP " + response.statusCode())
                        : HealthCheck.Result.down(name + " answered HTTP " + response.statusCode());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HealthCheck.Result.down("interrupted");
            } catch (Exception e) {
                return HealthCheck.Result.down(name + " at " + url + " unreachable: " + rootMessage(e));
            }
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
