package dev.caravan.enrich.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.caravan.enrich.tag.Gazetteer;
import dev.caravan.schema.TextField;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyExtractorTest {

    private final MoneyExtractor extractor = new MoneyExtractor(Gazetteer.bundled());

    private List<MoneyAmount> extract(String text) {
        return extractor.extract(text, TextField.BODY);
    }

    @Test
    void amountWithScaleAndCurrencyWordAndItsDollarEquivalent() {
        String text = "embezzling over 1.5 billion tenge (US$3.1 million) intended for victims";
        assertThat(extract(text)).extracting(MoneyAmount::text, MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple("1.5 billion tenge", 1.5e9, "KZT"), tuple("US$3.1 million", 3.1e6, "USD"));
        MoneyAmount first = extract(text).get(0);
        assertThat(text.substring(first.start(), first.end())).isEqualTo("1.5 billion tenge");
    }

    @Test
    void theFormsNewsroomsWrite() {
        assertThat(extract("ordered to return $10,000, and banned")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(10_000.0, "USD");
        assertThat(extract("estimated at 600 million KZT ($1.2 million).")).extracting(MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple(6e8, "KZT"), tuple(1.2e6, "USD"));
        assertThat(extract("a loan of KZT 2.3bn")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(2.3e9, "KZT");
        assertThat(extract("fined 5 million soums")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(5e6, "UZS");
        assertThat(extract("expects €2 million in grants")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(2e6, "EUR");
        assertThat(extract("reserves rose by 500 million soms")).singleElement()
                .extracting(MoneyAmount::currency).isEqualTo("KGS");
    }

    @Test
    void russianStyleScalesAndTheManatOfTheArticlesCountry() {
        assertThat(extract("costing it KZT 300 mln and $2.4 bln")).extracting(MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple(3e8, "KZT"), tuple(2.4e9, "USD"));
        assertThat(SharedCurrencyWords.resolve("TMT", "40,000 manats", java.util.Set.of("Azerbaijan"))).isEqualTo("AZN");
        assertThat(SharedCurrencyWords.resolve("TMT", "40,000 manats", java.util.Set.of("Turkmenistan", "Azerbaijan"))).isEqualTo("TMT");
        assertThat(SharedCurrencyWords.resolve("KZT", "5 tenge", java.util.Set.of("Azerbaijan"))).isEqualTo("KZT");
    }

    @Test
    void percentagesYearsAndBareNumbersAreNotMoney() {
        assertThat(extract("rate at 9% in 2024; 30,000 passengers; 3.5 years; a fee of 8%")).isEmpty();
    }

    @Test
    void numbersInWordsWithAScale() {
        assertThat(extract("to lift annual trade to five billion dollars soon")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(5e9, "USD");
        assertThat(extract("Half a million tenge was raised; A billion soums more")).extracting(MoneyAmount::amount,
                MoneyAmount::currency).containsExactly(tuple(5e5, "KZT"), tuple(1e9, "UZS"));
        assertThat(extract("five million people and a billion reasons")).isEmpty();
    }

    @Test
    void pricesSaidBySentencesNotByPer() {
        assertThat(extract("a ride on buses and metro will become 200 soums more expensive and will cost 1,400 soums."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind)
                .containsExactly(tuple(200.0, MoneyAmount.Kind.PRICE), tuple(1400.0, MoneyAmount.Kind.PRICE));
        assertThat(extract("fares for buses and metro go up by 200 soums to 1,400 soums, while the city spends 3 billion soums"))
                .extracting(MoneyAmount::amount, MoneyAmount::kind).containsExactly(tuple(200.0, MoneyAmount.Kind.PRICE),
                        tuple(1400.0, MoneyAmount.Kind.PRICE), tuple(3e9, MoneyAmount.Kind.AMOUNT));
        assertThat(extract("every government worker must contribute 100 manat towards care and 30 manat for weeding"))
                .extracting(MoneyAmount::kind).containsOnly(MoneyAmount.Kind.PRICE).hasSize(2);
        assertThat(extract("The president handed each player a symbolic $1,000.")).singleElement()
                .extracting(MoneyAmount::kind, MoneyAmount::unit).containsExactly(MoneyAmount.Kind.PRICE, "player");
        assertThat(extract("Each year the country spends $2 billion on roads.")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void exchangeRatesArePricesAndTheirDollarIsNoAmount() {
        assertThat(extract("the U.S. dollar slipped from 12,885 Uzbek som to 12,625 som in a month"))
                .extracting(MoneyAmount::amount, MoneyAmount::currency, MoneyAmount::kind)
                .containsExactly(tuple(12885.0, "UZS", MoneyAmount.Kind.PRICE), tuple(12625.0, "KGS", MoneyAmount.Kind.PRICE));
        assertThat(extract("on March 3 it stood at 345.75 tenges per $1.")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::kind).containsExactly(345.75, MoneyAmount.Kind.PRICE);
        assertThat(extract("the dollar equivalent of 5 billion tenge")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void moreCurrenciesOfTheRegionsPartners() {
        assertThat(extract("a note worth 5,000 som (U$56.60); 2 billion Turkish lira; 40 million Russian rubles; 3 million afghanis"))
                .extracting(MoneyAmount::currency).containsExactly("KGS", "USD", "TRY", "RUB", "AFN");
    }

    @Test
    void pricesOfGoodsChangesListsAndSubunits() {
        assertThat(extract("The fare has been raised from 1,400 to 2,000 soums for cash payers."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind)
                .containsExactly(tuple(1400.0, MoneyAmount.Kind.PRICE), tuple(2000.0, MoneyAmount.Kind.PRICE));
        assertThat(extract("At the end of the week meat cost from 340 to 450 soms per kilogram.")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::amountMax, MoneyAmount::kind)
                .containsExactly(340.0, 450.0, MoneyAmount.Kind.PRICE);
        assertThat(extract("a kilogram of beef cost between 14 and 15 somonis")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::amountMax).containsExactly(14.0, 15.0);
        assertThat(extract("a subscription fee of 80 dirams per month")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency, MoneyAmount::kind)
                .containsExactly(0.8, "TJS", MoneyAmount.Kind.PRICE);
        assertThat(extract("Gasoline Now Costs 2.20 Somonis")).singleElement()
                .extracting(MoneyAmount::currency, MoneyAmount::kind).containsExactly("TJS", MoneyAmount.Kind.PRICE);
        assertThat(extract("a one-time payment will be 1,600 soums, a transfer within one hour 400 soums"))
                .extracting(MoneyAmount::kind).containsExactly(MoneyAmount.Kind.PRICE, MoneyAmount.Kind.PRICE);
        assertThat(extract("gasoline sells for 197 tenge (US$0.46) per liter")).extracting(MoneyAmount::kind)
                .containsExactly(MoneyAmount.Kind.PRICE, MoneyAmount.Kind.PRICE);
        assertThat(extract("The state will spend 40 billion tenge on fuel.")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void aCentralBankRateListPricesEachCurrencyAndCountsNoUnitAsMoney() {
        assertThat(extract("the new rates are: 1 US dollar \u2013 10,270.08 (+7.21) soums; 1 Euro - 12,231.67 (+126.61) soums."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind, MoneyAmount::unit)
                .containsExactly(tuple(10270.08, MoneyAmount.Kind.PRICE, "1 USD"), tuple(7.21, MoneyAmount.Kind.PRICE, "1 USD"),
                        tuple(12231.67, MoneyAmount.Kind.PRICE, "1 EUR"), tuple(126.61, MoneyAmount.Kind.PRICE, "1 EUR"));
        assertThat(extract("Mutton (1 kg): 54,000 \u2013 91,000 soms (up by 1,000 soms)."))
                .extracting(MoneyAmount::amount, MoneyAmount::amountMax, MoneyAmount::kind)
                .containsExactly(tuple(54000.0, 91000.0, MoneyAmount.Kind.PRICE), tuple(1000.0, null, MoneyAmount.Kind.PRICE));
    }

    @Test
    void numbersAsTranslatedNewsWritesThem() {
        assertThat(extract("a fine of 1 500 000 tenge was imposed")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(1.5e6, "KZT");
        assertThat(extract("the budget grew by 1,5 billion tenge")).singleElement()
                .extracting(MoneyAmount::amount).isEqualTo(1.5e9);
        assertThat(extract("about 44,2 soms")).singleElement().extracting(MoneyAmount::amount).isEqualTo(44.2);
        assertThat(extract("12,625 soums and 1,500,000 tenge")).extracting(MoneyAmount::amount).containsExactly(12625.0, 1.5e6);
        assertThat(extract("in 2024 500 tenge coins were minted")).singleElement().extracting(MoneyAmount::amount).isEqualTo(500.0);
    }

    @Test
    void compoundScalesIncomesAndARepeatedCurrencyWord() {
        assertThat(extract("revenue reached 14 billion 352 million somoni")).singleElement()
                .extracting(MoneyAmount::amount).isEqualTo(14.352e9);
        assertThat(extract("The minimum pension payment will be \u20b828,215 ($62.24).")).extracting(MoneyAmount::kind)
                .containsOnly(MoneyAmount.Kind.AMOUNT);
        assertThat(extract("JICA gave \u00a555.9 million yen ($490,000)")).extracting(MoneyAmount::text)
                .containsExactly("\u00a555.9 million yen", "$490,000");
        assertThat(extract("lift the minimum wage from 28 to 42 thousand tenge")).extracting(MoneyAmount::amount)
                .containsExactly(28_000.0, 42_000.0);
        assertThat(extract("revenues of 124 billion 299 million 117.6 thousand manat and 22 billion 096.2 million manat"))
                .extracting(MoneyAmount::amount).containsExactly(124_299_117_600.0, 22_096_200_000.0);
    }

    @Test
    void aLowEndWrittenInFullTakesNoScaleFromTheHighEnd() {
        assertThat(extract("it will raise its contributions from $300,000 to $3m")).extracting(MoneyAmount::amount)
                .containsExactly(300_000.0, 3_000_000.0);
        assertThat(extract("costs of $2-3 billion")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::amountMax).containsExactly(2e9, 3e9);
    }

    @Test
    void prizesPerMedalOrPlaceArePrices() {
        assertThat(extract("a prize fund of 10 million soms for a gold medal, 7 million soms for a silver and 5 million soms "
                + "for a bronze")).extracting(MoneyAmount::kind).containsOnly(MoneyAmount.Kind.PRICE);
        assertThat(extract("First place will be rewarded with $250 000, second place with $150 000"))
                .extracting(MoneyAmount::kind).containsOnly(MoneyAmount.Kind.PRICE);
        assertThat(extract("The sport budget amounts to four billion tenge for gold and silver hopes")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void exchangeRatesWrittenAsRatiosOrWithLongDecimalCommas() {
        assertThat(extract("the market rate of the dollar against the somoni fell from 1:5.0925 to 1:5.055; the meeting was at 10:30"))
                .extracting(MoneyAmount::amount, MoneyAmount::currency, MoneyAmount::kind)
                .containsExactly(tuple(5.0925, "TJS", MoneyAmount.Kind.PRICE), tuple(5.055, "TJS", MoneyAmount.Kind.PRICE));
        assertThat(extract("the US dollar averaged TJS 5,0850-5,1050 in Dushanbe")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::amountMax, MoneyAmount::kind)
                .containsExactly(5.085, 5.105, MoneyAmount.Kind.PRICE);
    }

    @Test
    void pricesListedByPeriodStayPrices() {
        assertThat(extract("one ton of cotton will cost 1,500 manats; from October 15 to November 15, 1,430 manats; and from "
                + "November 15 until the harvest is over, 1,365 manats.")).extracting(MoneyAmount::amount, MoneyAmount::kind)
                .containsExactly(tuple(1500.0, MoneyAmount.Kind.PRICE), tuple(1430.0, MoneyAmount.Kind.PRICE),
                        tuple(1365.0, MoneyAmount.Kind.PRICE));
    }

    @Test
    void pricesWhoseOldValueOrUnitComesAfterThem() {
        assertThat(extract("Industry will pay up to 1,200 soums for 1 kWh, against 500 soums now, and homes 300 soums per kWh (now 250 soums)."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind)
                .containsExactly(tuple(1200.0, MoneyAmount.Kind.PRICE), tuple(500.0, MoneyAmount.Kind.PRICE),
                        tuple(300.0, MoneyAmount.Kind.PRICE), tuple(250.0, MoneyAmount.Kind.PRICE));
        assertThat(extract("A loaf now costs 3 manats ($0.86) instead of one manat."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind).contains(tuple(1.0, MoneyAmount.Kind.PRICE));
    }

    @Test
    void ratesWrittenAsBuyingOneDollar() {
        assertThat(extract("Banks buy $1 for 12,100 soums; on Monday 1 dollar was worth 12,050 soums."))
                .extracting(MoneyAmount::amount, MoneyAmount::currency, MoneyAmount::kind)
                .containsExactly(tuple(12100.0, "UZS", MoneyAmount.Kind.PRICE), tuple(12050.0, "UZS", MoneyAmount.Kind.PRICE));
        assertThat(extract("the rate was 470.5 tenges for one US dollar")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.PRICE);
    }

    @Test
    void aFallingFromToIsTwoAmountsAndAYearIsNoLowEnd() {
        assertThat(extract("The company cut petrol prices from 9,900 to 9,500 soums.")).extracting(MoneyAmount::amount)
                .containsExactly(9900.0, 9500.0);
        assertThat(extract("Revenues in the first half of 2024 to 14.2 billion manat were reported.")).singleElement()
                .extracting(MoneyAmount::amount).isEqualTo(14.2e9);
    }

    @Test
    void aScaledNumberAfterAnAmountIsInItsCurrency() {
        assertThat(extract("Firm A paid 4.5 million soms and firm B 3 million, while 1.2 trillion soums (0.9 trillion in 2022) "
                + "reached the budget; 2 million people voted."))
                .extracting(MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple(4.5e6, "KGS"), tuple(3e6, "KGS"), tuple(1.2e12, "UZS"), tuple(0.9e12, "UZS"));
    }

    @Test
    void prizesPaidWinnerByWinnerArePricesAPoolIsNot() {
        assertThat(extract("Olympic champions were paid $150,000, silver medalists $75,000 and bronze medalists $40,000."))
                .extracting(MoneyAmount::kind).containsOnly(MoneyAmount.Kind.PRICE);
        assertThat(extract("The five gold medalists shared $750,000.")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void aGoldBarsOrAnOuncesPriceIsAPriceScaledOrNot() {
        assertThat(extract("A 5-gram gold bar now costs more than 3.9 million soums. An ounce fell below $4,900, and "
                + "prices moved for bars weighing 5 grams (5.808 million sums). Reserves rose to $45 billion."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind).containsExactly(tuple(3.9e6, MoneyAmount.Kind.PRICE),
                        tuple(4900.0, MoneyAmount.Kind.PRICE), tuple(5.808e6, MoneyAmount.Kind.PRICE), tuple(4.5e10, MoneyAmount.Kind.AMOUNT));
    }

    @Test
    void sharePricesRatesAndPricesPerOneUnit() {
        assertThat(extract("Kazatomprom shares closed flat at US$38 in London. Over the past 52 weeks they have traded between "
                + "US$27.65 and US$47.60.")).extracting(MoneyAmount::amount, MoneyAmount::amountMax, MoneyAmount::kind)
                .containsExactly(tuple(38.0, null, MoneyAmount.Kind.PRICE), tuple(27.65, 47.6, MoneyAmount.Kind.PRICE));
        assertThat(extract("in 2001 one US dollar was worth 2.20 somonis")).singleElement().extracting(MoneyAmount::kind)
                .isEqualTo(MoneyAmount.Kind.PRICE);
        assertThat(extract("The Russian ruble gained 2.77 soums, so 1 ruble now equals 135.34 soums.")).extracting(MoneyAmount::kind)
                .containsOnly(MoneyAmount.Kind.PRICE);
        assertThat(extract("Tashkent is the most expensive region, at $1,251 per 1 sq. m.")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.PRICE);
        assertThat(extract("He will be paid 4 pence per share in place of the interim dividend, a cash payment of 848,470 pounds."))
                .extracting(MoneyAmount::kind).containsExactly(MoneyAmount.Kind.PRICE, MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void kronorDramsDirhamsAndWonAfterAScaleWord() {
        assertThat(extract("Tele2 will pay SEK 1.28 billion; the EU gives 24 million AMD; a deal worth $1 billion (Dh3.67 billion); "
                + "the hospital spent about 10 billion won")).extracting(MoneyAmount::currency)
                .containsExactly("SEK", "AMD", "USD", "AED", "KRW");
        assertThat(extract("Kazakhstan won 3 medals and the team won 2 of 5")).isEmpty();
        assertThat(extract("contracts worth US $ 15 and 17 mln respectively; tickets cost $5 and 10 million people came"))
                .extracting(MoneyAmount::amount).containsExactly(1.5e7, 1.7e7, 5.0);
        assertThat(extract("Mongolia demands $US155 million in taxes")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::currency).containsExactly(1.55e8, "USD");
    }

    @Test
    void aPriceListGoesOnWithBareNumbersWrittenLikeItsFirstPrice() {
        assertThat(extract("A liter of diesel fuel costs 12.60 somonis in Dushanbe, 12.50 in Khujand and 12.60 in Bokhtar."))
                .extracting(MoneyAmount::amount, MoneyAmount::kind).containsExactly(tuple(12.6, MoneyAmount.Kind.PRICE),
                        tuple(12.5, MoneyAmount.Kind.PRICE), tuple(12.6, MoneyAmount.Kind.PRICE));
        assertThat(extract("A liter went down from 10.00 somonis on October 10 to 9.50 on October 17, a 5.26-percent drop."))
                .extracting(MoneyAmount::amount).containsExactly(10.0, 9.5);
        assertThat(extract("Paramedics will earn 173 000 tenge on average in 2021 and 210 000 in 2023; 5,000 soms and 2,000 people"))
                .extracting(MoneyAmount::amount).containsExactly(173_000.0, 210_000.0, 5_000.0);
        assertThat(extract("On December 31 the official rate stood at 6.99 somoni to 1.00 dollar.")).extracting(MoneyAmount::amount)
                .containsExactly(6.99);
    }

    @Test
    void aParagraphThatPricesAUnitGoesOnPricingItInItsCurrency() {
        assertThat(extract("Residential customers will pay 35.36 dirams per 1 kWh instead of 30.75 dirams. Pump stations will pay "
                + "12.27 dirams, up from 9.2 dirams, in summer. Fines for theft reach 100.50 somonis."))
                .extracting(MoneyAmount::kind).containsExactly(MoneyAmount.Kind.PRICE, MoneyAmount.Kind.PRICE,
                        MoneyAmount.Kind.PRICE, MoneyAmount.Kind.PRICE, MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void headlineBillionsAndThousandsWrittenOutAfterMillions() {
        assertThat(extract("Bid values the miner at £3.7B; trade may reach $18b")).extracting(MoneyAmount::amount)
                .containsExactly(3.7e9, 1.8e10);
        assertThat(extract("the minimum wage will be 1 million 50,000 soums; a fine of 608 thousand 190 soums"))
                .extracting(MoneyAmount::amount).containsExactly(1_050_000.0, 608_190.0);
        assertThat(extract("a $5 bonus and a $5 B-grade")).extracting(MoneyAmount::amount).containsExactly(5.0, 5.0);
    }

    @Test
    void subunitsPriceAndIndicatorsHaveAValue() {
        assertThat(extract("40 dirams is too much for a ride")).singleElement()
                .extracting(MoneyAmount::amount, MoneyAmount::kind).containsExactly(0.4, MoneyAmount.Kind.PRICE);
        assertThat(extract("fines of up to 500 MCI (1 MCI equals to 1731 tenge)")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.PRICE);
        assertThat(extract("The average bid price of apartments in brick houses went down by 3.2 percent on February to $656"))
                .singleElement().extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.PRICE);
        assertThat(extract("In July wheat cost 29.15 soms on average")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.PRICE);
        assertThat(extract("each was fined between 750,000 and 1,875,000 UZS")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.RANGE);
        assertThat(extract("individuals gave 16 434 136.55 manat; its capital reaches 90 mln. AZN")).extracting(MoneyAmount::amount)
                .containsExactly(16_434_136.55, 9e7);
        assertThat(extract("45 transactions in cotton worth 757,000 manats")).singleElement()
                .extracting(MoneyAmount::kind).isEqualTo(MoneyAmount.Kind.AMOUNT);
    }

    @Test
    void hundredthsAfterTheMainUnitAndCentsInBrackets() {
        assertThat(extract("AI-92 will cost 1 manat 15 cents instead of 1 manat 10 cents; some will pay 1 manat and 33 gapiks"))
                .extracting(MoneyAmount::amount).containsExactly(1.15, 1.1, 1.33);
        assertThat(extract("a minute cost on average 13.5 tenge (9 cents)")).extracting(MoneyAmount::amount, MoneyAmount::currency)
                .containsExactly(tuple(13.5, "KZT"), tuple(0.09, "USD"));
    }
}
