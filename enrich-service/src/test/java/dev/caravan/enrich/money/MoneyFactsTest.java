package dev.caravan.enrich.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.caravan.enrich.tag.ArticleEnricher;
import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.enrich.fx.TickListRates;
import dev.caravan.schema.EnrichedArticle;
import dev.caravan.schema.FxTick;
import dev.caravan.schema.MoneyFact;
import dev.caravan.schema.MoneyKind;
import dev.caravan.schema.RawArticle;
import dev.caravan.schema.UsdSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an editor quoting the totals checks: each amount once, in USD to the cent. */
class MoneyFactsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 12, 2);
    private static final ArticleEnricher ENRICHER = new ArticleEnricher(Gazetteer.bundled(), 7, Clock.systemUTC());
    private static final TickListRates RATES = new TickListRates(List.of(
            tick("KZT", "0.00192"), tick("KGS", "0.01144"), tick("UZS", "0.0000780")));

    private static FxTick tick(String base, String rate) {
        return FxTick.newBuilder().setBase(base).setQuote("USD").setRate(new BigDecimal(rate).setScale(10))
                .setChangePct(0).setAsOf(DAY).setSource("test").build();
    }

    private static List<MoneyFact> facts(String title, String body) {
        return enrich(title, body, DAY).getMoneyFacts();
    }

    private static EnrichedArticle enrich(String title, String body, LocalDate day) {
        RawArticle raw = RawArticle.newBuilder().setId("a").setSource("t").setTitle(title).setBody(body)
                .setPublishedDate(day).setIngestedAt(Instant.EPOCH).setContentHash("h").build();
        return ENRICHER.enrich(raw, RATES);
    }

    private static BigDecimal total(List<MoneyFact> facts) {
        return facts.stream().filter(f -> f.getKind() != MoneyKind.PRICE && f.getUsd() != null)
                .map(MoneyFact::getUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void anAmountAndItsEquivalentInBracketsAreOneFactValuedAtTheStatedDollars() {
        List<MoneyFact> facts = facts("Heating plan", "The plan costs 600 billion tenge (US$1.2 billion) over three years.");
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.getCurrency()).isEqualTo("KZT");
            assertThat(f.getAmount()).isEqualByComparingTo("600000000000");
            assertThat(f.getEquivalentCurrency()).isEqualTo("USD");
            assertThat(f.getEquivalentAmount()).isEqualByComparingTo("1200000000");
            assertThat(f.getUsd()).isEqualByComparingTo("1200000000.00");
            assertThat(f.getUsdSource()).isEqualTo(UsdSource.STATED);
            assertThat(f.getMentions()).isEqualTo(2);
        });
    }

    @Test
    void twoPairsSumToTheirDollarFiguresOnce() {
        List<MoneyFact> facts = facts("Budget", "The ministry spent 1.5 billion KZT (approximately $3.1 million) on roads "
                + "and 600 million KZT ($1.2 million) on schools. Separately, 50 million soms, or about $572,000, went to Osh.");
        assertThat(facts).hasSize(3);
        assertThat(total(facts)).isEqualByComparingTo("4872000.00");
    }

    @Test
    void aHeadlineRoundingTheBodysFigureIsThatFactAtTheBodysFigure() {
        List<MoneyFact> out = facts("Karatau builds a hospital for 1 bln 125 mln tenge",
                "The project costs 1 bln 125 mln 900 thousand tenge in total; 5,200,000 tenge went on design.");
        assertThat(out).extracting(f -> f.getAmount().doubleValue(), MoneyFact::getMentions)
                .containsExactly(tuple(1_125_900_000.0, 2), tuple(5_200_000.0, 1));
        // a headline figure the body also states exactly stays with that exact repeat
        assertThat(facts("Deal worth 629 mln USD", "Documents worth 629.1 million US dollars were signed. Seventeen documents worth "
                + "629.1 million US dollars were signed at the event.")).extracting(f -> f.getAmount().doubleValue(), MoneyFact::getMentions)
                .containsExactly(tuple(629_100_000.0, 3));
        assertThat(facts("A $5 billion plan", "The plan costs $5 billion; a second one $5.4 billion."))
                .extracting(f -> f.getAmount().doubleValue()).containsExactly(5e9, 5.4e9);
    }

    @Test
    void rangesBetweenTwoAmountsAndAHeadlineStatingOneEnd() {
        assertThat(facts("Mining to add up to 220 million soms", "It will bring the budget between 150 and 220 million soms. "
                + "The company would be worth between $770 million and $962 million."))
                .extracting(f -> f.getAmount().doubleValue(), f -> f.getAmountMax() == null ? null : f.getAmountMax().doubleValue(),
                        MoneyFact::getMentions)
                .containsExactly(tuple(150e6, 220e6, 2), tuple(770e6, 962e6, 1));
        // a monthly amount keeps the dollar figure stated after its period
        assertThat(facts("Pensions", "The basic amount is 428,000 soums per month ($33,8 at the current rate)."))
                .singleElement().satisfies(f -> assertThat(f.getUsd()).isEqualByComparingTo("33.80"));
    }

    @Test
    void aHeadlineAmountThatIsTheBodysPriceIsThatPrice() {
        assertThat(facts("Deputy wants a 500 tenge bus fare", "He proposed a 500-tenge bus fare for the capital."))
                .singleElement().satisfies(f -> {
                    assertThat(f.getKind()).isEqualTo(MoneyKind.PRICE);
                    assertThat(f.getMentions()).isEqualTo(2);
                });
    }

    @Test
    void theSameAmountInTheTitleAndTwiceInTheBodyIsOneFact() {
        EnrichedArticle out = enrich("Kyrgyzstan allocates 6 billion soms for schools",
                "The government allocated 6 billion soms. Of the 6 billion soms, half goes to Osh.", DAY);
        assertThat(out.getMoneyFacts()).singleElement().satisfies(f -> {
            assertThat(f.getMentions()).isEqualTo(3);
            assertThat(f.getUsd()).isEqualByComparingTo("68640000.00");
            assertThat(f.getUsdSource()).isEqualTo(UsdSource.RATE);
        });
        assertThat(out.getMoney()).hasSize(3).allSatisfy(m -> assertThat(m.getFact()).isZero());
    }

    @Test
    void pairsThatShareOnlyARoundedFigureAreTwoFacts() {
        List<MoneyFact> facts = facts("Deposits", "Loans will exceed 300 trillion soums in 2025 ($23.2 billion). Deposits came to "
                + "295.9 trillion soums ($23.1 billion), of which state banks held 148.6 trillion soums ($11.6 billion).");
        assertThat(facts).extracting(f -> f.getAmount().stripTrailingZeros().toPlainString())
                .containsExactly("300000000000000", "295900000000000", "148600000000000");
        assertThat(total(facts)).isEqualByComparingTo("57900000000.00");
    }

    @Test
    void aPriceKeepsItsEquivalentsAfterItsUnitAndIsNeverSummed() {
        List<MoneyFact> facts = facts("Flour", "Flour sells at 62,700 tenge per ton ($338). A kilogram of flour is now quoted "
                + "at 3.5 manat ($1 at the state rate or $0.18 at the black market rate).");
        assertThat(facts).extracting(MoneyFact::getKind, f -> f.getCurrency(), f -> f.getEquivalentCurrency())
                .containsExactly(tuple(MoneyKind.PRICE, "KZT", "USD"), tuple(MoneyKind.PRICE, "TMT", "USD"));
        assertThat(facts.get(1).getMentions()).isEqualTo(3);
        assertThat(total(facts)).isEqualByComparingTo("0");
    }

    @Test
    void aGrantNamedBetweenTheAmountAndItsEquivalentKeepsThePairAndYenFromJapanIsYen() {
        List<MoneyFact> facts = facts("Loan", "The Akimat adds a 150 million tenge grant (\u20ac0.5 million equivalent). "
                + "Japan's JICA gave \u00a515 billion to the project.");
        assertThat(facts).extracting(MoneyFact::getCurrency, MoneyFact::getEquivalentCurrency)
                .containsExactly(tuple("KZT", "EUR"), tuple("JPY", null));
    }

    @Test
    void moreWaysOfStatingTheEquivalent() {
        assertThat(facts("Loan", "A loan of 600 million KZT / $1.2 million was signed.")).singleElement()
                .extracting(MoneyFact::getEquivalentCurrency).isEqualTo("USD");
        assertThat(facts("Loan", "They paid 50 million soms, the equivalent of $572,000, for it.")).singleElement()
                .extracting(MoneyFact::getEquivalentCurrency).isEqualTo("USD");
    }

    @Test
    void aRepeatOfTheEquivalentAloneIsTheSameFact() {
        List<MoneyFact> facts = facts("Fund grows by $5 billion", "The fund grew by 2.4 trillion tenge ($5 billion). "
                + "The $5 billion rise came from oil.");
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.getMentions()).isEqualTo(4);
            assertThat(f.getUsd()).isEqualByComparingTo("5000000000.00");
            assertThat(f.getEquivalentCurrency()).isEqualTo("KZT");
        });
    }

    @Test
    void scaleWordsInAnyCaseAndAbbreviation() {
        assertThat(facts("Deal worth $4.2 Billion", "").get(0).getUsd()).isEqualByComparingTo("4200000000.00");
        assertThat(facts("t", "A loan of KZT 2.3bn, 15 mln soums and 1.2 trn tenge.")).extracting(f -> f.getAmount().doubleValue())
                .containsExactly(2.3e9, 15e6, 1.2e12);
        assertThat(facts("t", "It cost 4.199 billion dollars.").get(0).getUsd()).isEqualByComparingTo("4199000000.00");
    }

    @Test
    void rangesQualifiersAndPrices() {
        List<MoneyFact> facts = facts("t", "Investors pledged $2-3 billion. Exports reached over $500 million "
                + "at $2,000 per ton. The mine holds 15 tons of gold; inflation was 8.5 percent in 2024.");
        assertThat(facts).extracting(MoneyFact::getKind, f -> f.getAmount().doubleValue(), MoneyFact::getQualifier, MoneyFact::getUnit)
                .containsExactly(tuple(MoneyKind.RANGE, 2e9, null, null), tuple(MoneyKind.AMOUNT, 5e8, "over", null),
                        tuple(MoneyKind.PRICE, 2000.0, null, "ton"));
        assertThat(facts.get(0).getAmountMax()).isEqualByComparingTo("3000000000");
        assertThat(total(facts)).isEqualByComparingTo("2500000000.00");
    }

    @Test
    void noRateIsSaidWithTheReason() {
        MoneyFact fact = facts("t", "A fine of 40,000 somoni was imposed.").get(0);
        assertThat(fact.getUsd()).isNull();
        assertThat(fact.getNoUsdReason()).isEqualTo("no TJS/USD tick within 7 days before 2024-12-02");
    }

    @Test
    void listsOfAmountsTakeTheEquivalentsListedInTheirPlaces() {
        List<MoneyFact> fines = facts("t", "The court fined the two 400,000 and 300,000 soms ($4,574 and $3,430) respectively. "
                + "The 400,000 soms are due in a month.");
        assertThat(fines).extracting(f -> f.getAmount().doubleValue(), f -> f.getUsd().doubleValue(), MoneyFact::getUsdSource)
                .containsExactly(tuple(400_000.0, 4574.0, UsdSource.STATED), tuple(300_000.0, 3430.0, UsdSource.STATED));
        List<MoneyFact> loans = facts("t", "Long-term loans edged down from 18 to 17.6 trillion soums (from $1.4 billion to "
                + "$1.3 billion).");
        assertThat(loans).extracting(f -> f.getAmount().doubleValue(), f -> f.getUsd().doubleValue())
                .containsExactly(tuple(18e12, 1.4e9), tuple(17.6e12, 1.3e9));
    }

    @Test
    void aFineFromOnePairToAnotherIsOneRangeButAChangeIsTwoAmounts() {
        List<MoneyFact> fine = facts("t", "Individuals will be fined from 100 manat ($58.8) to 200 manat ($117.6).");
        assertThat(fine).singleElement().satisfies(f -> {
            assertThat(f.getKind()).isEqualTo(MoneyKind.RANGE);
            assertThat(f.getAmountMax()).isEqualByComparingTo("200");
            assertThat(f.getUsd()).isEqualByComparingTo("58.80");
            assertThat(f.getMentions()).isEqualTo(4);
        });
        assertThat(facts("t", "Farm output rose by 7.56 percent in the half year, from 24.3 billion soms ($470 million) to "
                + "31.1 billion soms ($601 million).")).extracting(f -> f.getUsd().doubleValue()).containsExactly(4.7e8, 6.01e8);
    }

    @Test
    void anEquivalentAfterAWordOfWhatTheAmountIsStillRestatesIt() {
        assertThat(facts("t", "The state budget was 25.5 trillion soums in deficit (approximately $2 billion at the Central "
                + "Bank's rate).")).singleElement().satisfies(f -> assertThat(f.getUsd()).isEqualByComparingTo("2000000000.00"));
    }

    @Test
    void aYearOrADayBeforeAnAmountIsNoPartOfIt() {
        assertThat(facts("t", "The allowance rises to 6,000 soms, and from 2022 to 8,000 soms."))
                .extracting(MoneyFact::getKind, f -> f.getAmount().doubleValue())
                .containsExactly(tuple(MoneyKind.AMOUNT, 6000.0), tuple(MoneyKind.AMOUNT, 8000.0));
        assertThat(facts("t", "Growers will get 1,500 manats until November 15, 1,430 manats after it."))
                .extracting(f -> f.getAmount().doubleValue()).containsExactly(1500.0, 1430.0);
    }

    @Test
    void twoWholeAmountsFromOneToTheOtherAreARangeUnlessTheClauseTellsOfAChange() {
        assertThat(facts("t", "Analysts valued Tacom at anywhere from $70 million to $200 million. Costs are put at between $120 "
                + "and $130 million.")).extracting(MoneyFact::getKind, f -> f.getAmount().doubleValue(), f -> f.getAmountMax().doubleValue())
                .containsExactly(tuple(MoneyKind.RANGE, 7e7, 2e8), tuple(MoneyKind.RANGE, 1.2e8, 1.3e8));
        assertThat(facts("t", "The protocol raises the investment in the plant from $260 million to $410 million."))
                .extracting(MoneyFact::getKind, f -> f.getAmount().doubleValue())
                .containsExactly(tuple(MoneyKind.AMOUNT, 2.6e8), tuple(MoneyKind.AMOUNT, 4.1e8));
    }

    @Test
    void tuitionIsAPrice() {
        assertThat(facts("t", "Tuition for the cheapest program, Pedagogy, will go up from 6.4 million to 7.4 million soums per year."))
                .extracting(MoneyFact::getKind).containsOnly(MoneyKind.PRICE);
        assertThat(facts("t", "A year's tuition at the school will cost 3,500 U.S. dollars."))
                .singleElement().satisfies(f -> assertThat(f.getKind()).isEqualTo(MoneyKind.PRICE));
    }

    @Test
    void anEquivalentUnderOrBelowAFigureIsStillItsEquivalent() {
        assertThat(facts("t", "Tuition for Pedagogy will go up to 7.4 million soums (under $600) per year."))
                .singleElement().satisfies(f -> assertThat(f.getEquivalentAmount()).isEqualByComparingTo("600"));
    }

    @Test
    void aPriceStatedAgainWithoutItsUnitIsThatPriceButAFineOfTheSameFigureIsNot() {
        assertThat(facts("t", "A liter is expected to cost 9.00 somonis in April; experts think it will reach 9.00 somonis in May."))
                .singleElement().satisfies(f -> {
                    assertThat(f.getKind()).isEqualTo(MoneyKind.PRICE);
                    assertThat(f.getMentions()).isEqualTo(2);
                });
        assertThat(facts("t", "One calculation index equals 75 somonis. For speeding the fine is 1 index (75 somonis)."))
                .extracting(MoneyFact::getKind).containsExactly(MoneyKind.PRICE, MoneyKind.AMOUNT);
    }

    @Test
    void equivalentsAfterUsOrAQualifiedComma() {
        assertThat(facts("t", "GDP will grow to 9.95 billion somonis (equivalent to US $3 billion)."))
                .singleElement().satisfies(f -> assertThat(f.getUsd()).isEqualByComparingTo("3000000000.00"));
        assertThat(facts("t", "The state received $441 million in dividends, more than 38 billion soms."))
                .singleElement().satisfies(f -> assertThat(f.getEquivalentCurrency()).isEqualTo("KGS"));
    }

    @Test
    void equivalentsSaidInWords() {
        assertThat(facts("t", "In 2023 the venture took in 10,422,000 manats there, equivalent to 6,131,000 US dollars."))
                .singleElement().satisfies(f -> assertThat(f.getUsd()).isEqualByComparingTo("6131000.00"));
        assertThat(facts("t", "Kazakh grain has become dearer: importers pay US$265, which is over 112,000 tenge, per tonne of wheat."))
                .singleElement().satisfies(f -> assertThat(f.getKind()).isEqualTo(MoneyKind.PRICE));
    }

    @Test
    void anAmountStatedAloneBeforeThePairThatGivesItAsAnEquivalentIsThatPairsFact() {
        assertThat(facts("Xi pledges 26 billion yuan", "China will give Central Asia assistance of 3.7 billion USD. Xi said China "
                + "would provide 26 billion yuan (3.7 billion USD) in financial assistance.")).singleElement().satisfies(f -> {
                    assertThat(f.getCurrency()).isEqualTo("CNY");
                    assertThat(f.getUsd()).isEqualByComparingTo("3700000000.00");
                    assertThat(f.getMentions()).isEqualTo(4);
                });
    }

    @Test
    void aSquareMetresPriceInMillionsWithItsDollarsInBrackets() {
        assertThat(facts("t", "On the secondary market a square meter went from 10.5 million to 14.9 million UZS (from $933 to $1,212)."))
                .extracting(MoneyFact::getKind, f -> f.getAmount().doubleValue(), f -> f.getEquivalentAmount().doubleValue())
                .containsExactly(tuple(MoneyKind.PRICE, 1.05e7, 933.0), tuple(MoneyKind.PRICE, 1.49e7, 1212.0));
    }

    @Test
    void equivalentsOfARangeAndOfPricesInBracketsSaidInWords() {
        assertThat(facts("t", "Loans will range from 5 million to 100 million soms (around $56,301 to $1.126 million)."))
                .singleElement().satisfies(f -> {
                    assertThat(f.getKind()).isEqualTo(MoneyKind.RANGE);
                    assertThat(f.getUsd()).isEqualByComparingTo("56301.00");
                    assertThat(f.getMentions()).isEqualTo(3);
                });
        assertThat(facts("t", "One kWh of electricity will go up from 250 sum (equivalent to $US0.02) to 280 sum (equivalent to US$0.03)."))
                .extracting(MoneyFact::getKind, f -> f.getAmount().doubleValue())
                .containsExactly(tuple(MoneyKind.PRICE, 250.0), tuple(MoneyKind.PRICE, 280.0));
    }
}
