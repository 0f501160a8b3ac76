package dev.caravan.index.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.caravan.index.IndexHarness;
import dev.caravan.index.IndexService;
import dev.caravan.localstack.LocalStack;
import dev.caravan.localstack.LocalStackExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The search page in a real headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs), on a corpus indexed through real Kafka and OpenSearch. Skipped, saying why,
 * only when no browser is installed.
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final SearchCorpus corpus = new SearchCorpus();
    private IndexHarness harness;
    private SearchServer server;
    private WebDriver browser;

    @BeforeAll
    void start(LocalStack stack) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser installed: SearchPageIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does this)");
        harness = new IndexHarness(stack);
        IndexService service = harness.startService(IndexHarness.newGroup("search-page"));
        server = SearchServer.start(service.client(), "127.0.0.1", 0, 10);
        corpus.send(harness);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/v1/search?q=" + corpus.marker)).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"total\":13"));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000");
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (harness != null) {
            harness.close();
        }
    }

    private void searchFor(String text) {
        browser.get(server.url() + "/");
        WebElement box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(text);
        browser.findElement(By.id("search-button")).click();
    }

    private List<WebElement> results() {
        return browser.findElements(By.cssSelector("#results li.result"));
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void searchShowsResultsWithQueryHighlightsAndEntitiesColouredByType() throws Exception {
        searchFor(corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 10);
        assertThat(browser.findElement(By.id("status")).getText()).startsWith("13 articles");

        List<WebElement> people = browser.findElements(By.cssSelector("#results .ent-PERSON"));
        List<WebElement> places = browser.findElements(By.cssSelector("#results .ent-LOCATION"));
        assertThat(people).extracting(WebElement::getText).contains("Tokayev", "Nazarbáev");
        assertThat(places).extracting(WebElement::getText).contains("Tashkent", "Almaty");
        String personColour = people.get(0).getCssValue("background-color");
        assertThat(personColour).isNotIn("rgba(0, 0, 0, 0)", "transparent")
                .isNotEqualTo(places.get(0).getCssValue("background-color"));
        assertThat(browser.findElements(By.cssSelector("#results mark"))).extracting(WebElement::getText)
                .contains(corpus.marker);
        assertThat(browser.findElements(By.cssSelector("#facet-people a"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("Kassym-Jomart Tokayev"));
        screenshot("search-page.png");
    }

    @Test
    void eachMoneyFactIsListedWithItsUsdOnTheResultAndTheArticlePage() throws Exception {
        searchFor("heating " + corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 1);
        assertThat(browser.findElement(By.id("status")).getText()).contains("money stated: $1,152,000,000 (each amount once)");
        assertThat(results().get(0).findElements(By.cssSelector(".result-money li.money-fact"))).singleElement()
                .satisfies(fact -> assertThat(fact.getText()).contains("600 billion tenge").contains("$1,152,000,000.00")
                        .contains("USD/KZT"));
        // the title's words are entity links: open the article by its address, as its link does
        browser.get(server.url() + "/#article=" + corpus.heatingId);
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector(".article-money li.money-fact")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#detail h2")).getText())
                .isEqualTo("Money in this article: $1,152,000,000.00 in total, each amount once");
    }

    @Test
    void aScriptInATitleIsShownAsTextAndNeverRuns() throws Exception {
        searchFor("library " + corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 1);
        WebElement title = results().get(0).findElement(By.cssSelector(".result-title"));
        assertThat(title.getText()).isEqualTo(SearchCorpus.SCRIPT_TITLE);
        assertThat(browser.findElements(By.cssSelector("#results script"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);

        title.click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("article-title")).isEmpty()
                && browser.findElement(By.id("article-title")).getText().equals(SearchCorpus.SCRIPT_TITLE));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
        screenshot("search-page-article.png");
    }

    @Test
    void aFacetFiltersTheResultsAndAnEntityLinkOpensTheEntityPage() throws Exception {
        searchFor(corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 10);
        browser.findElements(By.cssSelector("#facet-countries a")).stream()
                .filter(a -> a.getText().startsWith("Kyrgyzstan")).findFirst().orElseThrow().click();
        await().atMost(PATIENCE).until(() -> results().size() == 1
                && results().get(0).getText().contains("Kyrgyz Central Bank"));
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("country: Kyrgyzstan");

        // Nazarbayev only appears in this corpus (other tests of the JVM mention Tokayev a thousand times).
        searchFor("library " + corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 1);
        results().get(0).findElement(By.cssSelector(".result-title .ent-PERSON")).click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("entity-name")).isEmpty()
                && browser.findElement(By.id("entity-name")).getText().equals("Nursultan Nazarbayev"));
        assertThat(browser.findElements(By.cssSelector("#entity-articles li"))).extracting(WebElement::getText)
                .anySatisfy(t -> assertThat(t).contains("Library Opens in Almaty"));
        screenshot("search-page-entity.png");
    }

    @Test
    void theFxChartDrawsTheRateHistoryOfAPair() throws Exception {
        browser.get(server.url() + "/");
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#fx-pair option")).stream()
                .anyMatch(o -> corpus.fxPair().equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("fx-pair"))).selectByValue(corpus.fxPair());
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#fx-svg circle")).size() == 5
                && browser.findElement(By.id("fx-chart")).getText().contains(corpus.fxBase + "/USD"));
        assertThat(browser.findElement(By.cssSelector("#fx-svg polyline")).getAttribute("points").split(" ")).hasSize(5);
    }
}
