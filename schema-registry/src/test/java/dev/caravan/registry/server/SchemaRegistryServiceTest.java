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

  /** The log as a list, and what Kafka's compaction leaves of it: each key's last record, tombstones dropped. */
  static final class RecordingLog implements SchemaLog {
    final RegistryState state = new RegistryState();
    final java.util.List<String[]> records = new java.util.ArrayList<>();

    @Override
    public void append(String key, String value) {
      records.add(new String[] {key, value});
      replay(java.util.List.<String[]>of(new String[] {key, value}), state);
    }

    java.util.List<String[]> compacted() {
      java.util.Map<String, Integer> last = new java.util.HashMap<>();
      for (int i = 0; i < records.size(); i++) {
        last.put(records.get(i)[0], i);
      }
      java.util.List<String[]> out = new java.util.ArrayList<>();
      for (int i = 0; i < records.size(); i++) {
        if (last.get(records.get(i)[0]) == i && records.get(i)[1] != null) {
          out.add(records.get(i));
        }
      }
      return out;
    }

    static RegistryState replay(java.util.List<String[]> records, RegistryState into) {
      for (String[] r : records) {
        try {
          SchemaLogFormat.apply(r[0], r[1], into);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return into;
    }
  }

  @Test
  void deletesModesAndReferencesReplayTheSameFromTheFullAndTheCompactedLog() {
    RecordingLog rec = new RecordingLog();
    SchemaRegistryService s = new SchemaRegistryService(rec.state, rec, CompatibilityLevel.BACKWARD);
    s.setLevel("v", "NONE");
    int idString = s.register("v", "\"string\"", null);
    s.register("v", "\"int\"", null);
    s.register("v", "\"long\"", null);
    s.deleteVersion("v", "1", false);
    s.deleteVersion("v", "2", false);
    s.deleteVersion("v", "2", true);
    s.register("leaf", "{\"type\":\"record\",\"name\":\"Leaf\",\"namespace\":\"t\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}", null);
    int root = s.register("root", "{\"type\":\"record\",\"name\":\"Root\",\"namespace\":\"t\",\"fields\":[{\"name\":\"l\",\"type\":\"t.Leaf\"}]}",
        null, java.util.List.of(new SchemaRegistryService.ReferenceRequest("t.Leaf", "leaf", "1")), null, null);
    s.register("gone", "\"bytes\"", null);
    s.deleteSubject("gone", false);
    s.deleteSubject("gone", true);
    s.setMode("v", "READONLY", false);

    for (RegistryState replayed : java.util.List.of(RecordingLog.replay(rec.records, new RegistryState()),
        RecordingLog.replay(rec.compacted(), new RegistryState()))) {
      SchemaRegistryService r = new SchemaRegistryService(replayed, rec, CompatibilityLevel.BACKWARD);
      assertThat(r.versions("v", true)).extracting(RegistryState.Version::version).containsExactly(1, 3);
      assertThat(r.versions("v")).extracting(RegistryState.Version::version).containsExactly(3);
      assertThat(r.version("v", "1", true).id()).isEqualTo(idString);
      assertThat(r.subjectMode("v")).isEqualTo(Mode.READONLY);
      assertThat(r.subjectLevel("v")).isEqualTo(CompatibilityLevel.NONE);
      assertThat(r.referencedBy("leaf", "1")).containsExactly(root);
      assertThat(r.stored(root).references()).containsExactly(new RegistryState.Reference("t.Leaf", "leaf", 1));
      assertThat(replayed.subjects(true)).containsExactly("leaf", "root", "v");
      assertThatThrownBy(() -> r.versions("gone", true))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    }
  }

  @Test
  void aSoftDeleteAlsoRetiresTheRecordsOfInstancesThatLostTheRace() {
    RecordingLog rec = new RecordingLog();
    // Two instances wrote version 1 of "s": the first record wins, the second is a loser kept under its own key.
    rec.append("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1,\"writer\":\"a\"}",
        SchemaLogFormat.schemaValue(new RegistryState.Version("s", 1, 1, "\"string\"")));
    rec.append("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1,\"writer\":\"b\"}",
        SchemaLogFormat.schemaValue(new RegistryState.Version("s", 1, 2, "\"int\"")));
    SchemaRegistryService s = new SchemaRegistryService(rec.state, rec, CompatibilityLevel.BACKWARD);
    assertThat(s.version("s", "1").schema()).isEqualTo("\"string\"");
    s.deleteVersion("s", "1", false);
    // Compaction moves the winner's (rewritten) record after the loser's: the loser must be gone.
    RegistryState replayed = RecordingLog.replay(rec.compacted(), new RegistryState());
    assertThat(replayed.allVersions("s")).singleElement()
        .satisfies(v -> assertThat(v.schema()).isEqualTo("\"string\""))
        .satisfies(v -> assertThat(v.deleted()).isTrue());
  }
}
