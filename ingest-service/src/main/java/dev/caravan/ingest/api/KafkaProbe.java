package dev.caravan.ingest.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Knows whether Kafka can take records. Once a publish failed, requests are answered 503 at once
 * (instead of each waiting out the publish timeout) until a cluster probe, at most one a second,
 * reaches a broker again.
 */
final class KafkaProbe implements AutoCloseable {

    private static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;
    private volatile boolean available = true;
    private long lastProbe;

    KafkaProbe(Map<String, Object> clientProperties) {
        Map<String, Object> props = new java.util.HashMap<>(clientProperties);
        props.putAll(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "caravan-ingest-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis()));
        this.admin = Admin.create(props);
    }

    /** True unless the last publish failed and no probe since reached a broker. */
    boolean available() {
        if (available) {
            return true;
        }
        synchronized (this) {
            if (!available && System.nanoTime() - lastProbe > PROBE_INTERVAL_NANOS) {
                available = probe();
                lastProbe = System.nanoTime();
            }
        }
        return available;
    }

    /** Asks the cluster now, for the health endpoint. */
    boolean probeNow() {
        boolean up = probe();
        available = up;
        return up;
    }

    void publishFailed() {
        synchronized (this) {
            available = false;
            lastProbe = System.nanoTime();
        }
    }

    private boolean probe() {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .nodes().get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
