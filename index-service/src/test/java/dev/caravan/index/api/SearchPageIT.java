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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
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
    private static final Duration PATIENCE = Duration.ofSeconds(60); // generous: 2 shared cores under a full build

    private final SearchCorpus corpus = new SearchCorpus();
    private final PageCorpus page = new PageCorpus();
    private IndexHarness harness;
    private SearchServer server;
    private WebDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(LocalStack stack) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no browser installed: SearchPageIT needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run does this)");
        harness = new IndexHarness(stack);
        IndexService service = harness.startService(IndexHarness.newGroup("search-page"));
        server = SearchServer.start(service.client(), "127.0.0.1", 0, 10);
        corpus.send(harness);
        page.send(harness);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() ->
                get("/v1/search?q=" + corpus.marker).contains("\"total\":13")
                        && get("/v1/search?q=" + page.marker).contains("\"total\":3")
                        && get("/v1/fx/" + page.tinyPair()).contains("2024-12-02"));

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

    private String get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
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
        assertThat(browser.findElement(By.id("status")).getText()).contains("money stated: $1,152,000,000 (each amount once, prices not counted)");
        assertThat(results().get(0).findElements(By.cssSelector(".result-money li.money-fact"))).singleElement()
                .satisfies(fact -> assertThat(fact.getText()).contains("600 billion tenge").contains("$1,152,000,000.00")
                        .contains("USD/KZT"));
        // an old #article= address still opens the article
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
        // the facets are drawn again when the page's other requests answer: click once they hold still
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.findElements(By.cssSelector("#facet-countries a")).stream()
                    .filter(a -> a.getText().startsWith("Kyrgyzstan")).findFirst().orElseThrow().click();
            return true;
        });
        await().atMost(PATIENCE).until(() -> results().size() == 1
                && results().get(0).getText().contains("Kyrgyz Central Bank"));
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("country: Kyrgyzstan");

        // Nazarbayev only appears in this corpus (other tests of the JVM mention Tokayev a thousand times).
        searchFor("library " + corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 1);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            results().get(0).findElement(By.cssSelector(".snippet .ent-PERSON")).click();
            return true;
        });
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

    // 1. money per article

    @Test
    void eachMoneyFactShowsItsCurrencyUsdRateAndDateOrWhyNoUsdAndPricesAreNeverSummed() throws Exception {
        searchFor("bazaar " + page.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 1);
        // the page total counts the 2 billion soums only: the price is not summed, the manat has no USD
        assertThat(browser.findElement(By.id("status")).getText()).contains("money stated: $157,000 (each amount once");
        List<WebElement> facts = results().get(0).findElements(By.cssSelector(".result-money li.money-fact"));
        assertThat(facts).hasSize(3);
        WebElement price = facts.get(0);
        assertThat(price.getAttribute("data-kind")).isEqualTo("PRICE");
        assertThat(price.findElement(By.className("money-text")).getText()).isEqualTo("5,000 soums");
        assertThat(price.findElement(By.className("money-price")).getText()).isEqualTo("price per loaf, not in totals");
        WebElement amount = facts.get(1);
        assertThat(amount.findElement(By.className("money-text")).getText()).isEqualTo("2 billion soums");
        assertThat(amount.findElement(By.className("money-currency")).getText()).isEqualTo("UZS");
        assertThat(amount.findElement(By.className("money-usd")).getText()).isEqualTo("$157,000.00");
        assertThat(amount.findElement(By.className("money-rate")).getText()).isEqualTo("at 0.0000785 USD/UZS");
        assertThat(amount.findElement(By.className("money-rate-date")).getText()).isEqualTo("rate of 2024-12-06");
        assertThat(amount.findElements(By.className("money-price"))).isEmpty();
        WebElement noUsd = facts.get(2);
        assertThat(noUsd.findElement(By.className("money-currency")).getText()).isEqualTo("TMT");
        assertThat(noUsd.findElements(By.className("money-usd"))).isEmpty();
        assertThat(noUsd.findElement(By.className("money-no-usd")).getText())
                .isEqualTo("no USD: no TMT/USD tick within 7 days before 2024-12-06");

        results().get(0).findElement(By.cssSelector(".result-title")).click();
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#article-money li.money-fact")).size() == 3);
        assertThat(browser.findElement(By.cssSelector("#article-money h2")).getText())
                .isEqualTo("Money in this article: $157,000.00 in total, each amount once");
        assertThat(browser.findElements(By.cssSelector("#article-money li.money-fact")).get(0).getText())
                .contains("5,000 soums", "UZS", "$0.39", "price per loaf, not in totals");
        screenshot("search-page-money.png");
    }

    // 2. the title opens the article; its entities are marked, not links

    @Test
    void aResultTitleOpensTheArticleAndItsEntityWordsAreMarksNotNestedLinks() throws Exception {
        searchFor("heating " + corpus.marker);
        await().atMost(PATIENCE).until(() -> results().size() == 1);
        WebElement title = results().get(0).findElement(By.cssSelector("a.result-title"));
        assertThat(title.findElements(By.tagName("a"))).isEmpty();
        List<WebElement> marks = title.findElements(By.cssSelector("mark.ent"));
        assertThat(marks).extracting(WebElement::getText).containsExactly("Tokayev", "Astana");
        assertThat(marks.get(0).getCssValue("background-color")).isNotEqualTo(marks.get(1).getCssValue("background-color"));
        // the snippet's entities still lead to their pages
        assertThat(results().get(0).findElements(By.cssSelector(".snippet a.ent"))).isNotEmpty();

        title.findElements(By.cssSelector("mark.ent")).stream().filter(m -> m.getText().equals("Astana")).findFirst()
                .orElseThrow().click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("article-title")).isEmpty()
                && browser.findElement(By.id("article-title")).getText().startsWith("Tokayev Signs"));
        assertThat(browser.findElements(By.id("entity-name"))).isEmpty();
        assertThat(browser.getCurrentUrl()).contains("article=" + corpus.heatingId);
    }

    // 3. the article page, and the way back to the same results

    @Test
    void theArticlePageShowsDateSourceEntitiesByTypeAndMoneyAndLeadsBackToTheSameResults() throws Exception {
        browser.get(server.url() + "/?q=" + corpus.marker + "&from=2024-12-01");
        await().atMost(PATIENCE).until(() -> results().size() == 3);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            browser.findElements(By.cssSelector("#facet-countries a")).stream()
                    .filter(a -> a.getText().startsWith("Kazakhstan")).findFirst().orElseThrow().click();
            return true;
        });
        await().atMost(PATIENCE).until(() -> results().size() == 2);
        String resultsUrl = browser.getCurrentUrl();
        assertThat(resultsUrl).contains("q=" + corpus.marker, "from=2024-12-01", "country=Kazakhstan");

        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            results().stream().filter(r -> r.getText().contains("Heating Plan")).findFirst().orElseThrow()
                    .findElement(By.cssSelector(".result-title")).click();
            return true;
        });
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("article-entities")).isEmpty());
        assertThat(browser.findElement(By.id("article-date")).getText()).isEqualTo("2024-12-02");
        WebElement source = browser.findElement(By.id("article-source"));
        assertThat(source.getAttribute("href")).isEqualTo("https://example.org/heating");
        assertThat(source.getText()).isEqualTo("original at example.org");
        assertThat(browser.findElement(By.id("article-meta")).getText()).contains("search-" + corpus.marker);
        assertThat(browser.findElement(By.cssSelector(".entity-group[data-type=PERSON]")).getText()).contains("Kassym-Jomart Tokayev");
        assertThat(browser.findElement(By.cssSelector(".entity-group[data-type=LOCATION]")).getText())
                .contains("Astana Kazakhstan, Central Asia");
        assertThat(browser.findElement(By.cssSelector(".entity-group[data-type=ORGANIZATION]")).getText()).contains("Samruk-Kazyna");
        assertThat(browser.findElement(By.cssSelector(".entity-group[data-type=CURRENCY]")).getText()).contains("KZT");
        assertThat(browser.findElement(By.cssSelector("#article-money li.money-fact")).getText()).contains("600 billion tenge");
        screenshot("search-page-article-desktop.png");

        browser.findElement(By.id("back-to-results")).click();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().equals(resultsUrl) && results().size() == 2);
        assertThat(browser.findElement(By.id("active-filters")).getText()).contains("country: Kazakhstan");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(corpus.marker);
        assertThat(browser.findElement(By.id("from")).getAttribute("value")).isEqualTo("2024-12-01");

        // the browser's own back button, and a reload of the results address, do the same
        results().get(0).findElement(By.cssSelector(".result-title")).click();
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("article-title")).isEmpty()
                && browser.findElement(By.id("detail")).isDisplayed());
        browser.navigate().back();
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().equals(resultsUrl) && results().size() == 2
                && !browser.findElement(By.id("detail")).isDisplayed());
        browser.navigate().refresh();
        await().atMost(PATIENCE).until(() -> results().size() == 2
                && browser.findElement(By.id("active-filters")).getText().contains("country: Kazakhstan"));
    }

    // 4. entities by any form they are written in

    @Test
    void anEntityIsFoundBySurnameAliasAndAnySpellingCaseAndAccentInsensitive() throws Exception {
        assertThat(get("/v1/entities/tokayev")).contains("\"name\":\"Kassym-Jomart Tokayev\"", "\"type\":\"PERSON\"");
        assertThat(get("/v1/entities/NAZARBAEV")).contains("\"name\":\"Nursultan Nazarbayev\"");
        assertThat(get("/v1/entities/nazarb%C3%A1ev")).contains("\"name\":\"Nursultan Nazarbayev\"");
        // named only in full: the surname is a word of the name
        assertThat(get("/v1/entities/umurzakov")).contains("\"name\":\"Shavkat Umurzakov\"");
        assertThat(get("/v1/search?q=" + corpus.marker + "&type=PERSON&entity=Tokayev"))
                .contains("\"total\":1", corpus.heatingId);
        assertThat(get("/v1/search?q=" + corpus.marker + "&type=person&entity=tokayev")).contains("\"total\":1");
        assertThat(get("/v1/search?q=" + corpus.marker + "&type=LOCATION&entity=Tokayev")).contains("\"total\":0");
        assertThat(get("/v1/search?q=" + page.marker + "&type=PERSON&entity=UMURZAKOV")).contains("\"total\":1");

        browser.get(server.url() + "/?entity=tokayev");
        await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("entity-name")).isEmpty()
                && browser.findElement(By.id("entity-name")).getText().equals("Kassym-Jomart Tokayev"));
        assertThat(browser.findElement(By.id("entity-forms")).getText()).contains("Tokayev");
        browser.get(server.url() + "/?q=" + corpus.marker + "&type=PERSON&entity=Tokayev");
        await().atMost(PATIENCE).until(() -> results().size() == 1
                && results().get(0).getText().contains("Heating Plan"));
    }

    // 5. narrow screens

    @Test
    void onAPhoneTheFxPanelDoesNotOverlapTheResultsAndTextFlowsInLines() throws Exception {
        Dimension desktop = browser.manage().window().getSize();
        try {
            for (int width : new int[] {900, 420, 360}) {
                browser.manage().window().setSize(new Dimension(width, 800));
                searchFor(corpus.marker);
                // the layout is what is checked: the FX panel must be there, its chart need not have drawn yet
                await().atMost(PATIENCE).until(() -> results().size() == 10 && !browser.findElements(By.id("fx")).isEmpty());
                assertFlowsAt(width);
            }
            screenshot("search-page-phone.png");

            results().get(0).findElement(By.cssSelector(".result-title")).click();
            await().atMost(PATIENCE).until(() -> !browser.findElements(By.id("article-body")).isEmpty());
            WebElement body = browser.findElement(By.id("article-body"));
            assertThat(body.getRect().getWidth()).isGreaterThan(360 * 3 / 4);
            assertThat(overlap(browser.findElement(By.id("fx")).getRect(), body.getRect())).isFalse();
            screenshot("search-page-article-phone.png");
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    private void assertFlowsAt(int width) throws Exception {
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
        assertThat(viewport).isLessThanOrEqualTo(width);
        long scrollWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth).as("nothing wider than the screen").isLessThanOrEqualTo(viewport);
        Rectangle fx = browser.findElement(By.id("fx")).getRect();
        Rectangle list = browser.findElement(By.id("results")).getRect();
        Rectangle facets = browser.findElement(By.id("facets")).getRect();
        assertThat(overlap(fx, list)).as("at %s px: fx %s over results %s", width, fx, list).isFalse();
        assertThat(overlap(facets, list)).as("facets %s over results %s", facets, list).isFalse();
        assertThat(list.getWidth()).isGreaterThan((int) (viewport * (width <= 720 ? 3 : 2) / 4));
        WebElement snippet = results().get(0).findElement(By.className("snippet"));
        int words = snippet.getText().split("\\s+").length;
        double lineHeight = Double.parseDouble(snippet.getCssValue("line-height").replace("px", ""));
        double lines = snippet.getRect().getHeight() / lineHeight;
        assertThat(lines).as("at %s px: %s words on %s lines", width, words, lines).isLessThan(words / 3.0);
        screenshot("search-page-" + width + "px.png");
    }

    private static boolean overlap(Rectangle a, Rectangle b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    // 6. the FX chart and the entity's chart over time

    @Test
    void theFxChartHasATimeAxisFollowsTheQuerysCurrencyAndLabelsTinyRatesReadably() throws Exception {
        browser.get(server.url() + "/?q=" + page.marker + "&currency=" + page.tinyBase);
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#fx-svg circle")).size() == 4
                && browser.findElement(By.id("fx-legend")).getText().contains(page.tinyBase + "/USD"));
        assertThat(browser.findElements(By.cssSelector("#fx-pair option")).get(0).getAttribute("value")).isEqualTo(page.tinyPair());
        List<WebElement> dots = browser.findElements(By.cssSelector("#fx-svg circle"));
        double[] x = dots.stream().mapToDouble(d -> Double.parseDouble(d.getAttribute("cx"))).toArray();
        // 1 day, 18 months, 1 day: x is proportional to time
        double day = x[1] - x[0];
        assertThat(day).isPositive();
        assertThat((x[2] - x[1]) / day).isCloseTo(549.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(x[3] - x[2]).isCloseTo(day, org.assertj.core.data.Offset.offset(0.01));
        // tiny rates per 1,000 units, labels that differ
        assertThat(browser.findElement(By.id("fx-legend")).getText()).contains("USD per 1,000 " + page.tinyBase);
        List<String> rateLabels = browser.findElements(By.cssSelector("#fx-svg text.rate-label")).stream()
                .map(WebElement::getText).toList();
        assertThat(rateLabels).containsExactly("0.0803", "0.079");
        assertThat(browser.findElements(By.cssSelector("#fx-svg text.date-label"))).extracting(WebElement::getText)
                .contains("2023-06-01", "2024-12-02");
        // the legend is above the chart, the colour legend above the results
        assertThat(browser.findElement(By.id("fx-legend")).getRect().getY())
                .isLessThan(browser.findElement(By.id("fx-svg")).getRect().getY());
        assertThat(browser.findElement(By.id("legend")).getRect().getY())
                .isLessThan(browser.findElement(By.id("content")).getRect().getY());
        screenshot("search-page-fx.png");
    }

    @Test
    void theEntityPageDrawsItsArticlesOverTimeOnATimeAxis() throws Exception {
        browser.get(server.url() + "/?entity=" + PageCorpus.TRUST.replace(" ", "%20"));
        await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector("#entity-timeline rect")).size() == 3);
        List<WebElement> bars = browser.findElements(By.cssSelector("#entity-timeline rect"));
        assertThat(bars).extracting(b -> b.getAttribute("data-date")).containsExactly("2024-10-01", "2024-10-02", "2024-12-06");
        double[] x = bars.stream().mapToDouble(b -> Double.parseDouble(b.getAttribute("x"))).toArray();
        assertThat((x[2] - x[1]) / (x[1] - x[0])).isCloseTo(65.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(browser.findElements(By.cssSelector("#entity-timeline text.date-label"))).extracting(WebElement::getText)
                .contains("2024-10-01", "2024-12-06");
        screenshot("search-page-entity-timeline.png");
        browser.manage().window().setSize(new Dimension(360, 800));
        try {
            await().atMost(PATIENCE).until(() -> browser.findElement(By.id("entity-timeline")).getRect().getWidth() <= 360);
            screenshot("search-page-entity-phone.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1400, 1000));
        }
    }
}
