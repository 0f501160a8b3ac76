package dev.caravan.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import dev.caravan.ops.PrometheusLint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry's {@code /metrics} (its own JVM) as promtool's {@code check metrics} lints Caravan's families. */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
class RegistryMetricsLintIT {

    @Test
    void everyCaravanFamilyHasHelpAndTypeAndCountersEndInTotal(LocalStack stack) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // one request first, so the request counter and timer families have series
        http.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects")).build(),
                HttpResponse.BodyHandlers.ofString());
        String scrape = http.send(HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(scrape).contains("# TYPE caravan_registry_requests_total counter");
        assertThat(PrometheusLint.check(scrape, "caravan_")).isEmpty();
        var promtool = PrometheusLint.promtool(scrape, "caravan_");
        if (promtool != null) {
            assertThat(promtool).as("promtool check metrics").isEmpty();
        }
    }
}
