package dev.caravan.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The registry is not on this module's classpath, so it stays off here. */
@ExtendWith(LocalStackExtension.class)
@LocalStackConfig(schemaRegistry = false)
class LocalStackIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void kafkaProducesAndConsumes(LocalStack stack) throws Exception {
        String topic = "it-" + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains(topic);
        }
        produce(stack, topic, "k1", "hello");

        assertThat(consumeAll(stack, topic, 1)).containsExactly("k1=hello");
    }

    @Test
    void openSearchAnswersAndIsHealthy(LocalStack stack) throws Exception {
        HttpResponse<String> root = get(stack.opensearchUrl() + "/");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("\"number\" : \"2.19.6\"");

        HttpResponse<String> health = get(stack.opensearchUrl() + "/_cluster/health");
        assertThat(health.body()).containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
    }

    @Test
    void recordsSurviveAKafkaCrashAndRestart(LocalStack stack) throws Exception {
        String topic = "crash-" + UUID.randomUUID();
        String bootstrap = stack.kafkaBootstrap();
        produce(stack, topic, "before", "crash");

        stack.killKafka();
        assertThat(stack.isKafkaRunning()).isFalse();
        stack.startKafka();

        assertThat(stack.kafkaBootstrap()).isEqualTo(bootstrap);
        assertThat(consumeAll(stack, topic, 1)).containsExactly("before=crash");
        produce(stack, topic, "after", "restart");
        assertThat(consumeAll(stack, topic, 2)).containsExactly("before=crash", "after=restart");
    }

    @Test
    void openSearchComesBackOnTheSamePort(LocalStack stack) throws Exception {
        String url = stack.opensearchUrl();
        stack.stopOpenSearch();
        assertThat(stack.isOpenSearchRunning()).isFalse();
        stack.startOpenSearch();

        assertThat(stack.opensearchUrl()).isEqualTo(url);
        assertThat(get(url + "/").statusCode()).isEqualTo(200);
    }

    private static void produce(LocalStack stack, String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Reads the topic from the start until {@code expected} records arrived. */
    private static List<String> consumeAll(LocalStack stack, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
