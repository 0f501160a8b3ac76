package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill PID} on a running {@code caravan demo}: it stops as on Ctrl-C (services first, servers
 * last, no reconnect warnings), exits with 143 (the JVM's status after SIGTERM) and leaves nothing of
 * its run behind. The demo runs as its own process, the way a user starts it.
 */
class DemoStopIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sigtermStopsTheDemoInOrderAndRemovesItsDirectories(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path endpoints = dir.resolve("demo.json");
        Path out = dir.resolve("demo.out");
        Path err = dir.resolve("demo.err");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Dcaravan.home=..", "-D" + dev.caravan.launcher.demo.DemoEndpoints.PROPERTY + "=" + endpoints,
                "-cp", launcherClasspath(), CaravanCommand.class.getName(),
                "demo", "--json", "--partitions", "1", "--data-dir", data.toString(),
                Path.of("..", "samples", "steppe-herald-2024-12-03.txt").toString()));
        Process demo = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                    .until(() -> summary(out).isPresent() || !demo.isAlive());
            assertThat(demo.isAlive()).as("the demo runs; its stderr:\n" + Files.readString(err)).isTrue();
            JsonNode summary = summary(out).orElseThrow();
            Path runDir = Path.of(summary.get("dataDir").asText());
            assertThat(runDir).startsWith(data).isDirectory();
            assertThat(endpoints).exists();
            for (String url : List.of(summary.get("searchUrl").asText() + "/",
                    summary.get("opsUrls").get("enrich").asText() + "/health/ready")) {
                await().atMost(Duration.ofMinutes(1)).until(() -> status(url) == 200);
            }
            try (Stream<Path> files = Files.walk(runDir)) {
                assertThat(files.anyMatch(p -> p.getFileName().toString().startsWith("enrich-state")))
                        .as("enrich's state is in the run's directory").isTrue();
            }
            int warningsBefore = warnings(err);

            long t0 = System.nanoTime();
            demo.destroy(); // SIGTERM
            boolean ended = demo.waitFor(30, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("DemoStopIT: the demo stopped %.1f s after SIGTERM (exit %s)%n", seconds,
                    ended ? demo.exitValue() : "none yet");

            assertThat(ended).as("ended after SIGTERM; stderr:\n" + Files.readString(err)).isTrue();
            assertThat(demo.exitValue()).as("128 + SIGTERM, as any JVM stopped by it").isIn(0, 143);
            String log = Files.readString(err, StandardCharsets.UTF_8);
            assertThat(log).as("services closed while Kafka still answered").doesNotContain("could not be established")
                    .contains("Pipeline stopped");
            assertThat(warnings(err)).as("no warning while stopping:\n" + log).isEqualTo(warningsBefore);
            assertThat(runDir).as("Kafka's log, OpenSearch's data, enrich's state, the logs").doesNotExist();
            assertThat(endpoints).as("the endpoints file").doesNotExist();
        } finally {
            demo.destroyForcibly();
        }
    }

    /** The launcher's classes and its dependency jars, as the caravan script runs them. */
    private static String launcherClasspath() throws Exception {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        String listed = Files.readString(classes.resolve("META-INF/caravan/launcher.classpath")).trim();
        return classes + File.pathSeparator + listed;
    }

    private static Optional<JsonNode> summary(Path out) throws Exception {
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.startsWith("{") && line.contains("\"opsUrls\"")) {
                return Optional.of(new ObjectMapper().readTree(line));
            }
        }
        return Optional.empty();
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int warnings(Path err) throws Exception {
        return (int) Files.readAllLines(err, StandardCharsets.UTF_8).stream().filter(l -> l.contains(" WARN ")).count();
    }
}
