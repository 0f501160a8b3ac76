package dev.caravan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caravan.bench.report.Report;
import dev.caravan.bench.report.Result;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result arithmetic and the JSON shape; no timing here. */
class ReportTest {

    @Test
    void ratioIsValueOverBaselineAndGoalsAreJudgedByKind() {
        Result r = Result.vsBaseline("ingest", 800, 1000, "records/s", 0.8, null);
        assertThat(r.ratio()).isEqualTo(0.8);
        assertThat(r.met()).isTrue();
        assertThat(Result.vsBaseline("x", 1, 2, "u", 0.8, null).met()).isFalse();
        assertThat(Result.vsBaseline("x", 1, 0, "u", 0.8, null).ratio()).isNull();
        assertThat(Result.absolute("p99", 2500, "ms", 2000.0, Result.Goal.MAX_VALUE, null).met()).isFalse();
        assertThat(Result.absolute("rate", 2500, "articles/s", 2000.0, Result.Goal.MIN_VALUE, null).met()).isTrue();
        assertThat(Result.absolute("info", 1, "MB", null, null, null).met()).isNull();
        Result cpu = Result.vsBaseline("cpu", 300, 1000, "CPU ms", 0.5, Result.Goal.MAX_RATIO, null);
        assertThat(cpu.ratio()).isEqualTo(0.3);
        assertThat(cpu.met()).isTrue();
        assertThat(Result.vsBaseline("cpu", 600, 1000, "CPU ms", 0.5, Result.Goal.MAX_RATIO, null).met()).isFalse();
        assertThat(Report.goalText(cpu)).isEqualTo("<= 0.50x");
    }

    @Test
    void writesMachineAndResultsAsJson(@TempDir Path dir) throws Exception {
        Report report = new Report(Map.of("cores", 2));
        report.add(Result.vsBaseline("tagger", 30, 60, "MB/s", 0.5, "note"));
        report.add(Result.absolute("p50", 120, "ms", null, null, null));
        Path file = dir.resolve("bench/results.json");
        report.writeJson(file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("machine").path("cores").asInt()).isEqualTo(2);
        JsonNode first = json.path("results").get(0);
        assertThat(first.path("name").asText()).isEqualTo("tagger");
        assertThat(first.path("value").asDouble()).isEqualTo(30);
        assertThat(first.path("baseline").asDouble()).isEqualTo(60);
        assertThat(first.path("ratio").asDouble()).isEqualTo(0.5);
        assertThat(first.path("goal").asDouble()).isEqualTo(0.5);
        assertThat(first.path("unit").asText()).isEqualTo("MB/s");
        assertThat(json.path("results").get(1).path("baseline").isNull()).isTrue();
        assertThat(json.path("results").get(1).path("ratio").isNull()).isTrue();
        assertThat(report.table()).contains("| tagger | 30.0 MB/s | 60.0 MB/s | 0.50x | >= 0.50x | yes |");
    }
}
