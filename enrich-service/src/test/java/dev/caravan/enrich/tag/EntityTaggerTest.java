package dev.caravan.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.schema.Entity;
import dev.caravan.schema.EntityType;
import dev.caravan.schema.Mention;
import dev.caravan.schema.TextField;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private final EntityTagger tagger = new EntityTagger(Gazetteer.bundled());

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not tagged in " + entities));
    }

    @Test
    void aliasesResolveToOneEntityWithEveryMention() {
        String body = "President Kassym-Jomart Tokayev met investors. Later, Tokayev's office said Nazarbaev was not invited.";
        List<Entity> entities = tagger.tag("Tokayev in Astana", body);

        Entity tokayev = named(entities, "Kassym-Jomart Tokayev");
        assertThat(tokayev.getType()).isEqualTo(EntityType.PERSON);
        assertThat(tokayev.getMentions()).extracting(Mention::getText, Mention::getField)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Tokayev", TextField.TITLE),
                        org.assertj.core.groups.Tuple.tuple("Kassym-Jomart Tokayev", TextField.BODY),
                        org.assertj.core.groups.Tuple.tuple("Tokayev", TextField.BODY));
        assertThat(named(entities, "Nursultan Nazarbayev").getMentions()).singleElement()
                .extracting(Mention::getText).isEqualTo("Nazarbaev");
    }

    @Test
    void offsetsPointAtTheMentionedText() {
        String body = "Repairs in the Pavlodar region start in spring.";
        Entity pavlodar = named(tagger.tag("Heating", body), "Pavlodar Region");
        Mention mention = pavlodar.getMentions().get(0);
        assertThat(body.substring(mention.getStart(), mention.getEnd())).isEqualTo("Pavlodar region");
        assertThat(pavlodar.getCountry()).isEqualTo("Kazakhstan");
        assertThat(pavlodar.getRegion()).isEqualTo("Central Asia");
    }

    @Test
    void currenciesAndOrganisationsAreTagged() {
        List<Entity> entities = tagger.tag("CMRA recovers assets",
                "The Company for the Management of Returned Assets (CMRA) returned 600 million tenge.");
        assertThat(named(entities, "KZT").getType()).isEqualTo(EntityType.CURRENCY);
        assertThat(named(entities, "Company for the Management of Returned Assets").getMentions()).hasSize(3);
    }

    @Test
    void partsOfWordsAreNotMentions() {
        assertThat(tagger.tag("Osher", "Tokayevich and Almatyns are not entities.")).isEmpty();
    }

    @Test
    void malformedGazetteerLineNamesFileAndLine() {
        assertThatThrownBy(() -> Gazetteer.read("extra.tsv", new StringReader("# c\nPLANET\tMars\n")))
                .hasMessageContaining("extra.tsv:2").hasMessageContaining("PLANET");
    }

    @Test
    void companiesClosedByADottedLegalForm() {
        List<Entity> entities = tagger.tag("Deals", "Contracts went to Ozan Boru A.S., Sinotech Power Equipment Co., Ltd. and "
                + "Nordkap Logistics B.V. in Navoi.");
        assertThat(entities).extracting(Entity::getName).contains("Ozan Boru A.S.", "Sinotech Power Equipment Co., Ltd.",
                "Nordkap Logistics B.V.", "Navoi");
    }

    @Test
    void aKnownOrganisationInOtherCapitalsOrOneLetterOff() {
        List<Entity> entities = tagger.tag("Interview", "He told Akipress that the national company KazMunayGaz would invest more.");
        assertThat(entities).extracting(Entity::getName, Entity::getType).contains(
                org.assertj.core.groups.Tuple.tuple("AKIpress", EntityType.ORGANIZATION),
                org.assertj.core.groups.Tuple.tuple("KazMunayGas", EntityType.ORGANIZATION));
    }

    @Test
    void aLegalFormGivesWayToTheCompanyItDescribes() {
        List<Entity> entities = tagger.tag("Bank", "The Open Joint-Stock Company (OJSC) Agroinvestbonk was closed.");
        assertThat(entities).extracting(Entity::getName).containsExactly("Agroinvestbank");
    }
}
