package dev.caravan.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caravan.registry.compat.CompatibilityLevel;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {
  static Schema record(String fields) {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"P\",\"fields\":[" + fields + "]}");
  }

  static final Schema V1 = record("{\"name\":\"name\",\"type\":\"string\"}");
  static final Schema OPTIONAL = record("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}");
  static final Schema REQUIRED = record("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}");
  static final Schema RETYPED = record("{\"name\":\"name\",\"type\":\"int\"}");

  @Test
  void backwardAcceptsAnOptionalFieldAndRejectsRequiredFieldsAndTypeChanges() {
    assertThat(CompatibilityLevel.BACKWARD.violations(OPTIONAL, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD.violations(REQUIRED, List.of(V1))).singleElement().asString().contains("age");
    assertThat(CompatibilityLevel.BACKWARD.violations(RETYPED, List.of(V1))).isNotEmpty();
  }

  @Test
  void forwardAndFullCheckTheOtherDirectionToo() {
    // Old readers ignore a new required field (FORWARD ok), but new readers cannot read old data.
    assertThat(CompatibilityLevel.FORWARD.violations(REQUIRED, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.FULL.violations(REQUIRED, List.of(V1))).isNotEmpty();
    assertThat(CompatibilityLevel.FULL.violations(OPTIONAL, List.of(V1))).isEmpty();
    assertThat(CompatibilityLevel.NONE.violations(RETYPED, List.of(V1))).isEmpty();
  }

  @Test
  void transitiveLevelsCheckEveryVersionNotJustTheLatest() {
    // V1 → OPTIONAL (null default) → a schema where email is a required string: incompatible with V1 only.
    Schema emailRequired = record("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"email\",\"type\":\"string\",\"default\":\"x\"},{\"name\":\"n\",\"type\":\"int\"}");
    Schema latest = record("{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"n\",\"type\":\"int\"}");
    assertThat(CompatibilityLevel.BACKWARD.violations(latest, List.of(V1, emailRequired))).isEmpty();
    assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.violations(latest, List.of(V1, emailRequired))).isNotEmpty();
    assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse("sideways")).isNull();
  }
}
