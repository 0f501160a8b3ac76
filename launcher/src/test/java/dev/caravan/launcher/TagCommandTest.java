package dev.caravan.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {

    private final CliRun cli = new CliRun();
    private final StringWriter out = cli.out;
    private final StringWriter err = cli.err;

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void tagsAPageOfflineUsingItsOwnTickerForUsd() throws Exception {
        int exit = run("tag", Path.of("..", "samples", "steppe-herald-2024-12-02.txt").toString());

        assertThat(exit).isZero();
        List<JsonNode> articles = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            articles.add(new ObjectMapper().readTree(line));
        }
        assertThat(articles).hasSize(4);
        JsonNode heating = articles.get(0);
        assertThat(heating.get("publishedDate").asText()).isEqualTo("2024-12-02");
        assertThat(heating.get("entities").findValuesAsText("name")).contains("Kassym-Jomart Tokayev", "Astana", "Pavlodar");
        JsonNode tenge = heating.get("money").get(0);
        assertThat(tenge.get("currency").asText()).isEqualTo("KZT");
        assertThat(tenge.get("amount").asDouble()).isEqualTo(6e11);
        assertThat(tenge.get("usd").asDouble()).isEqualTo(6e11 * 0.00192);
        assertThat(tenge.get("rateAsOf").asText()).isEqualTo("2024-12-02");
    }

    @Test
    void aMissingFileIsOneClearLineNotAStackTrace(@TempDir Path dir) {
        int exit = run("tag", dir.resolve("nope.txt").toString());
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("no such file").contains("nope.txt").doesNotContain("Exception");
    }

    @Test
    void aPageWithoutADateLineIsTaggedWithTheDateOfTheOption(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.txt");
        Files.writeString(page, "Tokayev visits Almaty\n\nKassym-Jomart Tokayev met the akim of Almaty.\n");
        assertThat(run("tag", "--date", "2025-03-04", page.toString())).isZero();
        JsonNode article = new ObjectMapper().readTree(out.toString().strip());
        assertThat(article.get("publishedDate").asText()).isEqualTo("2025-03-04");
        assertThat(article.get("dateSource").asText()).isEqualTo("OPTION");
        assertThat(article.get("people").toString()).contains("Kassym-Jomart Tokayev");
    }

    @Test
    void readsEveryFormatIngestReadsAndNamesTheFileOfEachProblem(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.ndjson"), "{\"title\":\"Loan\",\"body\":\"Kassym-Jomart Tokayev said a loan of "
                + "KZT 2.3bn was signed in Astana.\",\"publishedDate\":\"2024-12-02\"}\n"
                + "{\"base\":\"KZT\",\"quote\":\"USD\",\"rate\":\"0.00192\",\"asOf\":\"2024-12-02\"}\n");
        Files.writeString(dir.resolve("b.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                + "<item><title>Japarov in Osh</title><description>Sadyr Japarov visited Osh.</description>"
                + "<pubDate>Mon, 02 Dec 2024 10:00:00 GMT</pubDate></item></channel></rss>");
        Files.write(dir.resolve("c.txt"), new byte[] {'D', 'a', 'y', ' ', (byte) 0xC3, (byte) 0x28, '\n'});

        int exit = run("tag", dir.toString());

        assertThat(exit).isEqualTo(1);
        List<JsonNode> articles = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            articles.add(new ObjectMapper().readTree(line));
        }
        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).get("people").toString()).contains("Kassym-Jomart Tokayev");
        assertThat(articles.get(0).get("money").get(0).get("usd").asDouble()).isEqualTo(2.3e9 * 0.00192);
        assertThat(articles.get(1).get("places").toString()).contains("Osh");
        assertThat(err.toString()).contains("c.txt").contains("not UTF-8").doesNotContain("Exception");
    }

    @Test
    void aPageDumpDatedTheWayTheRegionsSitesWriteIt(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.txt");
        Files.writeString(page, "19.08.2022\n\nTokayev visits Almaty\n\nKassym-Jomart Tokayev met the akim of Almaty.\n");
        assertThat(run("tag", page.toString())).isZero();
        assertThat(new ObjectMapper().readTree(out.toString().strip()).get("publishedDate").asText()).isEqualTo("2022-08-19");
    }
}
