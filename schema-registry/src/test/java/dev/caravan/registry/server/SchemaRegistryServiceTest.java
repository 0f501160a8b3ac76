package dev.caravan.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caravan.registry.compat.CompatibilityLevel;
import org.junit.jupiter.api.Test;

class SchemaRegistryServiceTest {
  static final String V1 = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";

  private final RegistryState state = new RegistryState();
  // Stands in for the Kafka log: applies each write at once, as replay would.
  private final SchemaLog log = (key, value) -> {
    try {
      SchemaLogFormat.apply(key, value, state);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  };
  private final SchemaRegistryService service = new SchemaRegistryService(state, log, CompatibilityLevel.BACKWARD);

  @Test
  void identicalSchemaKeepsItsIdEvenReformattedAndAcrossSubjects() {
    int id = service.register("a-value", V1, null);
    assertThat(service.register("a-value", "{ \"type\" : \"record\", \"fields\" : [ {\"type\":\"string\",\"name\":\"name\"} ], \"name\" : \"P\" }", "AVRO"))
        .isEqualTo(id);
    assertThat(service.register("b-value", V1, null)).isEqualTo(id);
    assertThat(service.versions("a-value")).hasSize(1);
  }

  @Test
  void defaultsAndLogicalTypesMakeADifferentSchemaUnlikeAvrosParsingForm() {
    service.register("c-value", "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":1}]}", null);
    int other = service.register("d-value", "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":2}]}", null);
    int logical = service.register("e-value", "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"n\",\"type\":{\"type\":\"int\",\"logicalType\":\"date\"},\"default\":2}]}", null);
    assertThat(other).isEqualTo(2);
    assertThat(logical).isEqualTo(3);
  }

  @Test
  void backwardCompatibilityIsEnforcedOnRegistration() {
    service.register("p-value", V1, null);
    String optional = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
        + "{\"name\":\"email\",\"type\":[\"null\",\"string\"],\"default\":null}]}";
    String required = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"age\",\"type\":\"int\"}]}";
    String retyped = "{\"type\":\"record\",\"name\":\"P\",\"fields\":[{\"name\":\"name\",\"type\":\"int\"}]}";
    assertThat(service.register("p-value", optional, null)).isEqualTo(2);
    assertThatThrownBy(() -> service.register("p-value", required, null))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    assertThatThrownBy(() -> service.register("p-value", retyped, null))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409));
    service.setLevel("p-value", "NONE");
    assertThat(service.register("p-value", retyped, null)).isEqualTo(3);
  }

  @Test
  void invalidInputGetsConfluentErrorCodes() {
    assertThatThrownBy(() -> service.register("x", "{\"type\":\"nope\"}", null))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    assertThatThrownBy(() -> service.register("x", V1, "PROTOBUF"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    assertThatThrownBy(() -> service.version("x", "1"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    service.register("x", V1, null);
    assertThatThrownBy(() -> service.version("x", "0"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42202));
    assertThatThrownBy(() -> service.schemaById(99))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> service.setLevel(null, "SIDEWAYS"))
        .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }

  @Test
  void replayKeepsTheFirstOfTwoRacingWrites() {
    // Two instances both chose id 1 / version 1 for different schemas: the log order decides everywhere.
    assertThat(state.apply(new RegistryState.Version("s", 1, 1, "\"string\""))).isTrue();
    assertThat(state.apply(new RegistryState.Version("s", 1, 1, "\"int\""))).isFalse();
    assertThat(state.apply(new RegistryState.Version("t", 1, 1, "\"long\""))).isFalse();
    assertThat(state.apply(new RegistryState.Version("t", 1, 2, "\"long\""))).isTrue();
    assertThat(state.schemaById(1)).isEqualTo("\"string\"");
  }
}
