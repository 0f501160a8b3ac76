package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a script sees: one exit code per kind of outcome, the same for every command. */
class ExitCodesTest {

    private final CliRun cli = new CliRun();

    @Test
    void aUsageErrorIsSixtyFourNotTheKafkaFailuresTwo() {
        assertThat(cli.run("tag", "--no-such-option", "x")).isEqualTo(64);
        assertThat(cli.err.toString()).contains("--no-such-option").doesNotContain("Exception");
        assertThat(cli.run("tag", "/no/such/file.txt")).isEqualTo(64);
    }

    @Test
    void aTakenPortIsAConfigurationErrorNamingTheOptionToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int exit = cli.run("ingest", "--serve", "--port", Integer.toString(taken.getLocalPort()),
                    "--kafka-bootstrap", "127.0.0.1:1", "--schema-registry-url", "http://127.0.0.1:1");
            assertThat(exit).isEqualTo(78);
            assertThat(cli.err.toString()).contains("port " + taken.getLocalPort()).contains("--port")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void durationsAsPeopleWriteThem() {
        Durations durations = new Durations();
        assertThat(durations.convert("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(durations.convert("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(durations.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(durations.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(durations.convert("PT3M")).isEqualTo(Duration.ofMinutes(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> durations.convert("soon"))
                .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining("60s");
    }
}
