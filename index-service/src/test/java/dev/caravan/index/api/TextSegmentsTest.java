package dev.caravan.index.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextSegmentsTest {

    private static String joined(List<Map<String, Object>> segments) {
        return segments.stream().map(s -> (String) s.get("text")).reduce("", String::concat);
    }

    @Test
    void marksEachMentionWithItsTypeAndKeepsTheTextWhole() {
        String text = "Tokayev visited Astana.";
        var segments = TextSegments.withEntities(text, List.of(
                new TextSegments.Span(16, 22, "LOCATION", "Astana"),
                new TextSegments.Span(0, 7, "PERSON", "Kassym-Jomart Tokayev")), 1_000);
        assertThat(joined(segments)).isEqualTo(text);
        assertThat(segments).hasSize(4);
        assertThat(segments.get(0)).containsEntry("type", "PERSON").containsEntry("entity", "Kassym-Jomart Tokayev");
        assertThat(segments.get(2)).containsEntry("text", "Astana").containsEntry("type", "LOCATION");
    }

    @Test
    void overlappingEmptyAndOutOfRangeSpansStayPlainText() {
        String text = "Bank of Astana";
        var segments = TextSegments.withEntities(text, List.of(
                new TextSegments.Span(0, 14, "ORGANIZATION", "Bank of Astana"),
                new TextSegments.Span(8, 14, "LOCATION", "Astana"),
                new TextSegments.Span(3, 3, "PERSON", "x"),
                new TextSegments.Span(10, 99, "PERSON", "y")), 1_000);
        assertThat(segments).singleElement().satisfies(s -> assertThat(s).containsEntry("type", "ORGANIZATION"));
    }

    @Test
    void cutsLongTextAtAWordAndDropsSpansBeyondTheCut() {
        String text = "Almaty is large and Astana is the capital city of the country";
        var segments = TextSegments.withEntities(text, List.of(
                new TextSegments.Span(0, 6, "LOCATION", "Almaty"),
                new TextSegments.Span(20, 26, "LOCATION", "Astana")), 22);
        assertThat(joined(segments)).isEqualTo("Almaty is large and …");
        assertThat(segments).filteredOn(s -> s.containsKey("type")).hasSize(1);
    }

    @Test
    void markupInTheTextIsJustText() {
        var segments = TextSegments.withEntities("<script>alert(1)</script>", List.of(), 1_000);
        assertThat(segments).singleElement().satisfies(s -> assertThat(s).containsEntry("text", "<script>alert(1)</script>"));
    }

    @Test
    void highlightMarksBecomeHitSegments() {
        var segments = TextSegments.fromHighlight("the " + TextSegments.HIT_START + "tenge" + TextSegments.HIT_END + " fell");
        assertThat(segments).containsExactly(
                Map.of("text", "the ", "hit", false), Map.of("text", "tenge", "hit", true), Map.of("text", " fell", "hit", false));
    }
}
