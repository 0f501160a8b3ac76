package dev.caravan.ops;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness and readiness of a service. Live: the process can answer (a restart would not help
 * otherwise). Ready: every named check is up, so a load balancer or orchestrator may send work.
 */
public final class Health implements AutoCloseable {

    private final Map<String, HealthCheck> readiness = new LinkedHashMap<>();
    private final Map<String, HealthCheck> liveness = new LinkedHashMap<>();

    public Health ready(String name, HealthCheck check) {
        readiness.put(name, check);
        return this;
    }

    public Health live(String name, HealthCheck check) {
        liveness.put(name, check);
        return this;
    }

    /** Closes the checks (their clients stop reconnecting once the service is gone). */
    @Override
    public void close() {
        readiness.values().forEach(HealthCheck::close);
        liveness.values().forEach(HealthCheck::close);
    }

    public Report readiness() {
        return report(readiness);
    }

    public Report liveness() {
        return report(liveness);
    }

    private static Report report(Map<String, HealthCheck> checks) {
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, HealthCheck> check : checks.entrySet()) {
            HealthCheck.Result result;
            try {
                result = check.getValue().check();
            } catch (RuntimeException e) {
                result = HealthCheck.Result.down(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            results.put(check.getKey(), result);
            up &= result.up();
        }
        return new Report(up, results);
    }

    /** What a probe answers: 200 with UP, or 503 with DOWN, and each check's detail. */
    public record Report(boolean up, Map<String, HealthCheck.Result> checks) {
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            Map<String, Object> details = new LinkedHashMap<>();
            checks.forEach((name, result) -> details.put(name, Map.of(
                    "status", result.up() ? "UP" : "DOWN", "detail", result.detail())));
            body.put("checks", details);
            return body;
        }
    }
}
