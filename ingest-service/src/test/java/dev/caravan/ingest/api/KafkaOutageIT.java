package dev.caravan.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackConfig;
import dev.caravan.localstack.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** While Kafka is down the API answers 503 with Retry-After, and takes records again once it is back. */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(openSearch = false)
class KafkaOutageIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(IngestServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/v1/articles"))
                .header("Authorization", "Bearer " + IngestApiIT.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String article(String title) {
        return "{\"source\": \"baku-wire\", \"title\": \"" + title + "\", \"body\": \"The manat held at 1.7 per dollar.\","
                + " \"publishedDate\": \"2024-12-06\"}";
    }

    @Test
    void answers503WithRetryAfterWhileKafkaIsDownAndRecovers(LocalStack stack) throws Exception {
        try (IngestServer server = IngestServer.start(IngestApiIT.config(stack, 2_000), 0)) {
            assertThat(post(server, article("Before The Outage")).statusCode()).isEqualTo(202);

            stack.killKafka();
            try {
                HttpResponse<String> down = post(server, article("During The Outage"));
                assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).hasValue("7");
                assertThat(down.body()).contains("send the request again later");

                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(503);
            } finally {
                stack.startKafka();
            }
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> post(server, article("After The Outage")).statusCode() == 202);
        }
    }
}
