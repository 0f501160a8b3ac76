package dev.caravan.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Mention;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextRulesTest {

    private final EntityTagger tagger = new EntityTagger(Gazetteer.bundled());

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not tagged in " + entities));
    }

    @Test
    void personAfterATitleAndThenBySurnameIsOneEntityWithLowerConfidence() {
        String body = "Energy Minister Berik Zhanuzakov visited the plant. Zhanuzakov's deputy said repairs would start.";
        List<Entity> entities = tagger.tag("Zhanuzakov visits plant", body);
        Entity minister = named(entities, "Berik Zhanuzakov");
        assertThat(minister.getType()).isEqualTo(EntityType.PERSON);
        assertThat(minister.getConfidence()).isBetween(0.6, 0.8);
        assertThat(minister.getMentions()).extracting(Mention::getText)
                .containsExactly("Zhanuzakov", "Berik Zhanuzakov", "Zhanuzakov");
    }

    @Test
    void organisationAndPlaceHeadsAndAnAcronymInParentheses() {
        String body = "The International Rice Growers Association (IRGA) met in the Zhambyl region. IRGA asked the Agency for Water Resources for help.";
        List<Entity> entities = tagger.tag("Rice", body);
        assertThat(named(entities, "International Rice Growers Association").getMentions()).extracting(Mention::getText)
                .containsExactly("International Rice Growers Association", "IRGA", "IRGA");
        assertThat(named(entities, "Agency for Water Resources").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Zhambyl").getCountry()).isEqualTo("Kazakhstan");
    }

    @Test
    void sentenceStartsMonthsAndHeadlinesAreNotPeople() {
        List<Entity> entities = tagger.tag("Farmers Protest New Water Rules",
                "Farmers gathered on Monday. In March Officials said nothing. Prices rose in May.");
        assertThat(entities).noneMatch(e -> e.getType() == EntityType.PERSON);
    }

    @Test
    void theGazetteerWinsOverlapsButAnOrganisationMayContainAPlace() {
        List<Entity> entities = tagger.tag("Loan", "The Bank of China lent money to former minister Kuandyk Bishimbaev in Almaty.");
        assertThat(entities).extracting(Entity::getName)
                .contains("Bank of China", "Kuandyk Bishimbayev", "Almaty").doesNotContain("China", "Kuandyk");
    }

    @Test
    void aBodyNamedByItsPlaceIsAnOrganisationAndItsLegalFormTheSameOne() {
        String body = "Work at Karaganda cement plant LLP stopped on Monday. The Taraz city administration and the Bukhara "
                + "regional court were told. By Tuesday the Karaganda cement plant was running again.";
        List<Entity> entities = tagger.tag("Plant", body);
        // named without its legal form, which stays in the mention
        assertThat(named(entities, "Karaganda cement plant").getMentions()).extracting(Mention::getText)
                .containsExactly("Karaganda cement plant LLP", "Karaganda cement plant");
        assertThat(named(entities, "Taraz city administration").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Bukhara regional court").getType()).isEqualTo(EntityType.ORGANIZATION);
    }

    @Test
    void aWireBylineNamesTheAgencyAndTheReporterNotTheMonth() {
        String body = "BAKU, Azerbaijan, Aug. 18\nBy Klavdiya Romakayeva - Trend:\nThe law was signed in Tashkent.";
        List<Entity> entities = tagger.tag("Law signed", body);
        assertThat(named(entities, "Trend News Agency").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Klavdiya Romakayeva").getType()).isEqualTo(EntityType.PERSON);
        assertThat(entities).extracting(Entity::getName).doesNotContain("Aug");
    }

    @Test
    void bodiesWithListedPurposesSeatsAndNationalAdjectives() {
        String body = "The Ministry of Investments, Industry and Trade met the Emergency Situations Department in Tashkent. "
                + "The Uzbek Central Bank and the Kazakh Foreign Ministry joined.";
        List<Entity> entities = tagger.tag("Talks", body);
        // the listed purpose is part of the name, and the whole name is the gazetteer's body of the article's country
        assertThat(named(entities, "Ministry of Investment, Industry and Trade of Uzbekistan").getMentions())
                .extracting(Mention::getText).containsExactly("Ministry of Investments, Industry and Trade");
        assertThat(named(entities, "Emergency Situations Department in Tashkent").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Central Bank of Uzbekistan").getMentions()).extracting(Mention::getText)
                .containsExactly("Uzbek Central Bank");
        // "Foreign Ministry" is the gazetteer's "Ministry of Foreign Affairs" of the country the adjective names
        assertThat(named(entities, "Ministry of Foreign Affairs of Kazakhstan").getMentions()).extracting(Mention::getText)
                .containsExactly("Kazakh Foreign Ministry");
    }

    @Test
    void eponymousPlacesInitialledDefendantsHyphenatedTitlesAndNewspapers() {
        String body = "The Lenin district court sentenced A.N. to five years; his accomplice O.M., deputy head of a department, "
                + "lives on Usta Shirin street. Editor-in-Chief Aslanbek Sartbaev told Asia News about it.";
        List<Entity> entities = tagger.tag("Verdict", body);
        assertThat(entities).filteredOn(e -> e.getMentions().stream().anyMatch(m -> m.getText().equals("Lenin district court")))
                .singleElement().extracting(Entity::getType).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "A.N.").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "O.M.").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "Usta Shirin street").getType()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Aslanbek Sartbaev").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "Asia News").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::getName).doesNotContain("U.S.");
    }

    @Test
    void aBodyUnderAnotherKeepsItInItsNameAndItsOfficersAreNotPartOfIt() {
        String body = "The State Migration Service under the government of Kyrgyzstan reported it. The Department for "
                + "Combating Economic Crimes under the Prosecutor General's Office opened a case. Officers of the "
                + "Anti-Corruption Agency detained him.";
        List<Entity> entities = tagger.tag("Remittances", body);
        assertThat(named(entities, "State Migration Service under the government of Kyrgyzstan").getType())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Department for Combating Economic Crimes under the Prosecutor General's Office").getType())
                .isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::getName).noneMatch(n -> n.startsWith("Officers"));
    }

    @Test
    void anotherSpellingOrAnInitialOfAKnownPersonIsThatPerson() {
        String body = "President Qasym-Zhomart Toqaev received the delegation. S. Lavrov said the talks went well.";
        List<Entity> entities = tagger.tag("Talks", body);
        assertThat(named(entities, "Kassym-Jomart Tokayev").getMentions()).extracting(Mention::getText)
                .contains("Qasym-Zhomart Toqaev");
        assertThat(named(entities, "Sergei Lavrov").getMentions()).extracting(Mention::getText).contains("S. Lavrov");
        assertThat(Transliterations.key("Jantoro Satybaldiev")).isEqualTo(Transliterations.key("Zhantoro Satybaldiyev"));
        assertThat(Transliterations.key("Fayziddin Kakhkhorzoda")).isEqualTo(Transliterations.key("Faiziddin Qahhorzoda"));
    }

    @Test
    void namesInCapitalsDatelinesAndAgenciesWrittenAsWebsites() {
        List<Entity> entities = tagger.tag("Talks", "NUR-SULTAN. KAZINFORM Two districts are set up. AKIPRESS.COM - ASIA-Plus reports it.");
        assertThat(named(entities, "Astana").getMentions()).extracting(Mention::getText).containsExactly("NUR-SULTAN");
        assertThat(named(entities, "Kazinform").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "AKIpress").getMentions()).extracting(Mention::getText).containsExactly("AKIPRESS.COM");
        assertThat(named(entities, "Asia-Plus").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(entities).extracting(Entity::getName).doesNotContain("Nur", "SULTAN");
    }

    @Test
    void knownPeopleWrittenOtherwiseAndNamesNoListHolds() {
        List<Entity> entities = tagger.tag("Talks", "The decree of President Kassym-Jomart Tokatev was read. Chairman Khassenov "
                + "Askhat met Zou Jiayi and Eugene Zhukov in Astana.");
        assertThat(named(entities, "Kassym-Jomart Tokayev").getMentions()).extracting(Mention::getText)
                .containsExactly("Kassym-Jomart Tokatev");
        assertThat(named(entities, "Askhat Khassenov").getMentions()).extracting(Mention::getText).containsExactly("Khassenov Askhat");
        assertThat(named(entities, "Zou Jiayi").getType()).isEqualTo(EntityType.PERSON);
        assertThat(named(entities, "Eugene Zhukov").getType()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void statesBodiesNamedWithoutTheirCountryOrWithItFirst() {
        List<Entity> entities = tagger.tag("Uzbekistan", "In Tashkent, Uzbekistan, the State Statistics Committee reported it. "
                + "The Finance Ministry agreed, and the Kyrgyz Republic Constitutional Court ruled in Bishkek.");
        assertThat(named(entities, "Statistics Agency under the President of Uzbekistan").getMentions()).extracting(Mention::getText)
                .containsExactly("State Statistics Committee");
        assertThat(named(entities, "Ministry of Finance of Uzbekistan").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Constitutional Court of Kyrgyzstan").getMentions()).extracting(Mention::getText)
                .containsExactly("Kyrgyz Republic Constitutional Court");
    }

    @Test
    void bodiesNamedAfterPeopleAndLongNamesOfKnownAbbreviations() {
        List<Entity> entities = tagger.tag("Culture", "The J. Shanin Kazakh Drama Theatre opened. The State Oil Company of the "
                + "Republic of Azerbaijan (SOCAR) signed, and the Council of Foreign Ministers of the Commonwealth of Independent "
                + "States (CIS) met.");
        assertThat(named(entities, "J. Shanin Kazakh Drama Theatre").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "SOCAR").getMentions()).extracting(Mention::getText)
                .contains("State Oil Company of the Republic of Azerbaijan", "SOCAR");
        // the abbreviation after a council's name is its last part's, not the council's
        assertThat(named(entities, "Council of Foreign Ministers of the Commonwealth of Independent States").getMentions())
                .extracting(Mention::getText).doesNotContain("CIS");
    }

    @Test
    void companiesListedWithTheirCountriesButNotAthletes() {
        List<Entity> entities = tagger.tag("Deals", "Projects were agreed with Sayar (USA), Sam Yapi (Turkey), and Lasselsberger "
                + "(Austria). Egypt's Nil Shugar will grow sugar beet. In judo, Muhammadmurod Abdurahmonov (Tajikistan) won gold.");
        assertThat(entities).filteredOn(e -> e.getType() == EntityType.ORGANIZATION).extracting(Entity::getName)
                .contains("Sayar", "Sam Yapi", "Lasselsberger", "Nil Shugar").doesNotContain("Muhammadmurod Abdurahmonov");
        assertThat(named(entities, "Turkey").getType()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void everyNameOfAListBeforeAPluralHeadIsAPlaceOfThatKind() {
        List<Entity> entities = tagger.tag("Warning", "The warning covers Urgut, Bulungur, Koshrabad and Payaryk districts of "
                + "Samarkand province.");
        assertThat(entities).filteredOn(e -> e.getType() == EntityType.LOCATION).extracting(Entity::getName)
                .contains("Urgut District", "Bulungur District", "Koshrabad District", "Payaryk District");
    }

    @Test
    void accentedSpellingsOfKnownNamesAndQuotedNamesInALine() {
        List<Entity> entities = tagger.tag("Forum", "The state concerns \"Türkmengaz\" and \"Türkmennebit\" met Air Astana JSC.");
        assertThat(named(entities, "Turkmengaz").getMentions()).extracting(Mention::getText).containsExactly("Türkmengaz");
        assertThat(named(entities, "Turkmennebit").getType()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Air Astana").getMentions()).extracting(Mention::getText).containsExactly("Air Astana JSC");
        assertThat(entities).extracting(Entity::getName).noneMatch(n -> n.contains("\""));
    }

    @Test
    void surnamesInCapitalsAsFederationsWriteThem() {
        List<Entity> entities = tagger.tag("Judo", "Gold went to Vlad MARINESCU and Matvey KANIKOVSKIY; Treasurer Naser AL TAMIMI "
                + "handed out the medals. NATO was not there.");
        assertThat(entities).filteredOn(e -> e.getType() == EntityType.PERSON).extracting(Entity::getName)
                .contains("Vlad MARINESCU", "Matvey KANIKOVSKIY", "Naser AL TAMIMI");
        assertThat(entities).extracting(Entity::getName).doesNotContain("Treasurer Naser AL TAMIMI", "NATO was");
    }

    @Test
    void companiesOfAListACompanyWordIntroducesOrCloses() {
        List<Entity> entities = tagger.tag("Deals", "Talks were held with the companies Chiyoda, Tsukishima, JGC and Toyo Engineering. "
                + "Metas, Erenoglu Muhendislik and other Turkish companies took part.");
        assertThat(entities).filteredOn(e -> e.getType() == EntityType.ORGANIZATION).extracting(Entity::getName)
                .contains("Chiyoda", "Tsukishima", "JGC", "Toyo Engineering", "Metas", "Erenoglu Muhendislik");
    }

    @Test
    void companiesNamedWithoutTheirLegalFormAndBrandsWithCapitalsInside() {
        List<Entity> entities = tagger.tag("Banks", "Shares of LLP Hamle were sold, and Hamle paid. KhujandCotton and "
                + "TajPromBank signed, as did Fabe Agro. Samruk Energo JSC bought a stake.");
        assertThat(named(entities, "Hamle").getMentions()).extracting(Mention::getText).containsExactly("LLP Hamle", "Hamle");
        assertThat(entities).extracting(Entity::getName).noneMatch(n -> n.startsWith("Shares"));
        assertThat(entities).filteredOn(e -> e.getType() == EntityType.ORGANIZATION).extracting(Entity::getName)
                .contains("KhujandCotton", "TajPromBank", "Fabe Agro", "Samruk Energo");
        assertThat(entities).filteredOn(e -> e.getType() == EntityType.PERSON).isEmpty();
    }

    @Test
    void aUnitUnderItsBodyAFundOfTheUnAndAMinistryAfterItsCountry() {
        List<Entity> entities = tagger.tag("Grants", "The Academic Lyceum under Bukhara State Pedagogical Institute won. "
                + "The UN Development Partnership Fund paid. The Kyrgyzstan Ministry of Economic Regulation agreed. "
                + "FC \u00abAshgabat\u00bb drew with Istiklol FC.");
        assertThat(entities).extracting(Entity::getName).contains("Academic Lyceum under Bukhara State Pedagogical Institute",
                "UN Development Partnership Fund", "Ministry of Economic Regulation of Kyrgyzstan", "FC Ashgabat", "Istiklol FC");
        assertThat(entities).extracting(Entity::getName).doesNotContain("Bukhara State Pedagogical Institute", "United Nations");
    }

    @Test
    void placesAPluralHeadIntroducesAreThatUnit() {
        List<Entity> entities = tagger.tag("Floods", "A state of emergency was declared in 10 of 17 regions: Abai, Akmola, "
                + "Aktobe, Karaganda and Kostanay.");
        assertThat(entities).extracting(Entity::getName).contains("Akmola Region", "Aktobe Region", "Karaganda Region",
                "Kostanay Region").doesNotContain("Aktobe", "Karaganda");
    }
}
