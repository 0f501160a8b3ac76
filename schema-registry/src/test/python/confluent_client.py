"""Drives our registry and topics with Confluent's own Python client (Debian python3-confluent-kafka).

Usage (run with /usr/bin/python3):
  confluent_client.py contract URL PREFIX               every REST endpoint, via both Confluent clients
  confluent_client.py lifecycle URL PREFIX              deletes, references and modes, via SchemaRegistryClient
  confluent_client.py produce  URL BOOTSTRAP TOPIC N SCHEMA_JSON   AvroProducer writes N records
  confluent_client.py consume  URL BOOTSTRAP TOPIC N [READER_SCHEMA_JSON]  AvroConsumer reads N, one JSON line each

Prints "OK ..." lines; any failed expectation exits non-zero with the reason on stderr.
"""
import json
import sys
import uuid

import requests
from avro import schema as avro_schema
from confluent_kafka import avro
from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient
from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

MEDIA = "application/vnd.schemaregistry.v1+json"


def check(cond, what):
    if not cond:
        sys.stderr.write("FAILED: %s\n" % what)
        sys.exit(1)
    print("OK " + what, flush=True)


def expect_error(fn, status, code, what):
    try:
        fn()
    except SchemaRegistryError as e:
        check(e.http_status_code == status and e.error_code == code,
              "%s -> %s/%s (got %s/%s: %s)" % (what, status, code, e.http_status_code, e.error_code, e.error_message))
        return
    check(False, what + " should have failed with " + str(code))


def record(name, fields, doc=None):
    r = {"type": "record", "name": name, "namespace": "dev.caravan.contract", "fields": fields}
    if doc:
        r["doc"] = doc  # kept in the canonical JSON: makes this run's schemas new to a shared registry
    return json.dumps(r)


def contract(url, prefix):
    v1 = record("Person", [{"name": "name", "type": "string"}], prefix)
    v2 = record("Person", [{"name": "name", "type": "string"},
                           {"name": "email", "type": ["null", "string"], "default": None}], prefix)
    v3_required = record("Person", [{"name": "name", "type": "string"}, {"name": "age", "type": "int"}], prefix)
    v3_type = record("Person", [{"name": "name", "type": "long"}], prefix)
    subject = prefix + "-person-value"
    other = prefix + "-other-value"

    # --- the legacy client that AvroProducer/AvroConsumer use ---
    legacy = CachedSchemaRegistryClient({"url": url})
    id1 = legacy.register(subject, avro.loads(v1))
    check(id1 > 0, "legacy register v1 -> id %d" % id1)
    check(legacy.check_registration(subject, avro.loads(v1)) == id1, "legacy check_registration (POST /subjects/s)")
    check(legacy.get_by_id(id1) is not None, "legacy get_by_id")
    sid, sch, ver = legacy.get_latest_schema(subject)
    check(sid == id1 and ver == 1, "legacy get_latest_schema -> (%s, v%s)" % (sid, ver))
    check(legacy.get_version(subject, avro.loads(v1)) == 1, "legacy get_version")
    check(legacy.test_compatibility(subject, avro.loads(v2)) is True, "legacy test_compatibility v2 (optional field) true")
    check(legacy.test_compatibility(subject, avro.loads(v3_required)) is False, "legacy test_compatibility required field false")
    check(legacy.get_compatibility() == "BACKWARD", "legacy get_compatibility global BACKWARD")
    check(legacy.update_compatibility("FULL", subject) == "FULL", "legacy update_compatibility subject FULL")
    check(legacy.get_compatibility(subject) == "FULL", "legacy get_compatibility subject FULL")
    check(legacy.update_compatibility("BACKWARD", subject) == "BACKWARD", "legacy update_compatibility back to BACKWARD")

    # --- the newer SchemaRegistryClient, which raises with Confluent error codes ---
    sr = SchemaRegistryClient({"url": url})
    check(sr.register_schema(subject, Schema(v1, "AVRO")) == id1, "re-register identical schema -> same id")
    reformatted = json.dumps(json.loads(v1), indent=2)
    check(sr.register_schema(subject, Schema(reformatted, "AVRO")) == id1, "re-register reformatted schema -> same id")
    id2 = sr.register_schema(subject, Schema(v2, "AVRO"))
    check(id2 > id1, "register v2 (optional field) -> new id %d" % id2)
    check(sr.register_schema(other, Schema(v1, "AVRO")) == id1, "same schema under another subject -> same global id")
    check(subject in sr.get_subjects() and other in sr.get_subjects(), "GET /subjects lists both")
    check(sr.get_versions(subject) == [1, 2], "GET /subjects/s/versions -> [1, 2]")
    latest = sr.get_latest_version(subject)
    check(latest.version == 2 and latest.schema_id == id2 and latest.subject == subject, "GET versions/latest")
    v = sr.get_version(subject, 1)
    check(v.schema_id == id1 and json.loads(v.schema.schema_str) == json.loads(v1), "GET versions/1")
    check(json.loads(sr.get_schema(id2).schema_str)["fields"][1]["name"] == "email", "GET /schemas/ids/id2")
    found = sr.lookup_schema(subject, Schema(v2, "AVRO"))
    check(found.schema_id == id2 and found.version == 2, "POST /subjects/s lookup")
    check(sr.test_compatibility(subject, Schema(v1, "AVRO")) is True, "compatibility: dropping optional field ok")
    check(sr.test_compatibility(subject, Schema(v3_type, "AVRO")) is False, "compatibility: type change incompatible")

    expect_error(lambda: sr.register_schema(subject, Schema(v3_required, "AVRO")), 409, 409, "register required field")
    expect_error(lambda: sr.register_schema(subject, Schema(v3_type, "AVRO")), 409, 409, "register type change")
    expect_error(lambda: sr.register_schema(subject, Schema('{"type": "record", "name": "X"}', "AVRO")), 422, 42201, "register invalid schema")
    expect_error(lambda: sr.register_schema(subject, Schema('not json', "AVRO")), 422, 42201, "register garbage schema")
    expect_error(lambda: sr.get_latest_version(prefix + "-missing"), 404, 40401, "latest of unknown subject")
    expect_error(lambda: sr.get_versions(prefix + "-missing"), 404, 40401, "versions of unknown subject")
    expect_error(lambda: sr.get_version(subject, 99), 404, 40402, "unknown version")
    expect_error(lambda: sr.get_schema(987654), 404, 40403, "unknown schema id")
    expect_error(lambda: sr.lookup_schema(subject, Schema(v3_type, "AVRO")), 404, 40403, "lookup unregistered schema")
    expect_error(lambda: sr.lookup_schema(prefix + "-missing", Schema(v1, "AVRO")), 404, 40401, "lookup in unknown subject")
    expect_error(lambda: sr.set_compatibility(subject, "SIDEWAYS"), 422, 42203, "invalid compatibility level")
    expect_error(lambda: sr.get_compatibility(prefix + "-unset"), 404, 40408, "subject without own level")
    check(sr.set_compatibility(level="BACKWARD")["compatibility"] == "BACKWARD", "PUT /config")
    check(sr.get_compatibility() == "BACKWARD", "GET /config")

    # --- raw HTTP: media types, error shape, routes the clients do not use ---
    r = requests.get(url + "/")
    check(r.status_code == 200 and r.json() == {}, "GET / -> {}")
    r = requests.get(url + "/health")
    check(r.status_code == 200 and r.json()["status"] == "UP", "GET /health UP")
    r = requests.post(url + "/subjects/%s/versions" % subject, data=json.dumps({"schema": v2}),
                      headers={"Content-Type": "application/json"})
    check(r.status_code == 200 and r.json() == {"id": id2}, "POST with application/json accepted")
    check(r.headers["Content-Type"].startswith(MEDIA), "responses are " + MEDIA)
    r = requests.get(url + "/subjects/%s/versions/latest/schema" % subject)
    check(r.status_code == 200 and json.loads(r.text)["name"] == "Person", "GET versions/latest/schema raw")
    r = requests.get(url + "/subjects/%s/versions/zero" % subject)
    check(r.status_code == 422 and r.json()["error_code"] == 42202, "invalid version id -> 42202")
    r = requests.post(url + "/subjects/%s/versions" % subject, data="{broken", headers={"Content-Type": MEDIA})
    check(r.status_code == 400 and "error_code" in r.json() and "at " not in r.json()["message"].split(":")[0],
          "malformed JSON -> Confluent error body")
    r = requests.get(url + "/no/such/route")
    check(r.status_code == 404 and r.json()["error_code"] == 404, "unknown route -> JSON 404")
    r = requests.post(url + "/compatibility/subjects/%s/versions/latest?verbose=true" % subject,
                      data=json.dumps({"schema": v3_required}), headers={"Content-Type": MEDIA})
    check(r.status_code == 200 and r.json()["is_compatible"] is False and len(r.json()["messages"]) > 0,
          "verbose compatibility lists reasons")
    r = requests.get(url + "/schemas/ids/%d/versions" % id1)
    check({"subject": other, "version": 1} in r.json(), "GET /schemas/ids/id/versions")
    print(json.dumps({"id1": id1, "id2": id2}), flush=True)


def lifecycle(url, prefix):
    """Deletes, references and modes as a user of Confluent's SchemaRegistryClient meets them."""
    sr = SchemaRegistryClient({"url": url})
    v1 = record("Person", [{"name": "name", "type": "string"}], prefix)
    v2 = record("Person", [{"name": "name", "type": "string"},
                           {"name": "email", "type": ["null", "string"], "default": None}], prefix)
    subject = prefix + "-life-value"
    id1 = sr.register_schema(subject, Schema(v1, "AVRO"))
    id2 = sr.register_schema(subject, Schema(v2, "AVRO"))
    check(sr.delete_version(subject, 2) == 2, "delete_version(s, 2) -> 2")
    check(sr.get_versions(subject) == [1], "versions after a soft delete -> [1]")
    expect_error(lambda: sr.get_version(subject, 2), 404, 40402, "a soft-deleted version is not found")
    expect_error(lambda: sr.delete_version(subject, 2), 404, 40406, "delete_version twice")
    check(json.loads(sr.get_schema(id2).schema_str)["fields"][1]["name"] == "email", "a soft-deleted schema's id still resolves")
    check(sr.delete_subject(subject) == [1], "delete_subject (soft) -> [1]")
    expect_error(lambda: sr.get_versions(subject), 404, 40401, "versions of a soft-deleted subject")
    expect_error(lambda: sr.delete_subject(subject), 404, 40404, "delete_subject twice")
    check(subject not in sr.get_subjects(), "a soft-deleted subject is not listed")
    sr = SchemaRegistryClient({"url": url})  # the client caches what it registered: a new one asks the registry
    check(sr.register_schema(subject, Schema(v1, "AVRO")) == id1, "re-register after a soft delete -> same id")
    check(sr.get_versions(subject) == [3], "... under a new version")

    gone = prefix + "-gone-value"
    sr.register_schema(gone, Schema(v1, "AVRO"))
    check(sr.delete_subject(gone, permanent=True) == [1], "delete_subject(permanent=True) -> [1]")
    r = requests.get(url + "/subjects/%s/versions?deleted=true" % gone)
    check(r.status_code == 404 and r.json()["error_code"] == 40401, "a permanently deleted subject is gone, deleted ones too")
    r = requests.delete(url + "/subjects/%s?permanent=true" % subject)
    check(r.status_code == 404 and r.json()["error_code"] == 40405, "permanent delete of a live subject -> 40405")

    # references
    ns = "ref" + prefix.replace("-", "")
    leaf = prefix + "-leaf"
    root = prefix + "-root"
    leaf_schema = json.dumps({"type": "record", "name": "Leaf", "namespace": ns, "fields": [{"name": "n", "type": "int"}]})
    root_schema = json.dumps({"type": "record", "name": "Root", "namespace": ns, "fields": [{"name": "leaf", "type": ns + ".Leaf"}]})
    sr.register_schema(leaf, Schema(leaf_schema, "AVRO"))
    root_id = sr.register_schema(root, Schema(root_schema, "AVRO", [SchemaReference(ns + ".Leaf", leaf, 1)]))
    got = sr.get_schema(root_id)
    check(len(got.references) == 1 and got.references[0].subject == leaf and got.references[0].version == 1,
          "get_schema returns the references")
    found = sr.lookup_schema(root, Schema(root_schema, "AVRO", [SchemaReference(ns + ".Leaf", leaf, 1)]))
    check(found.schema_id == root_id and found.version == 1, "lookup_schema with references")
    r = requests.get(url + "/subjects/%s/versions/1/referencedby" % leaf)
    check(r.status_code == 200 and r.json() == [root_id], "GET referencedby -> [root id]")
    expect_error(lambda: sr.delete_version(leaf, 1), 422, 42206, "deleting a referenced version")
    expect_error(lambda: sr.register_schema(prefix + "-orphan", Schema(root_schema, "AVRO")), 422, 42201,
                 "a reference left out -> invalid schema")

    # modes, through the client's REST session (this client version has no mode calls)
    rest = sr._rest_client
    check(rest.get("mode")["mode"] == "READWRITE", "GET /mode -> READWRITE")
    check(rest.put("mode/" + subject, {"mode": "READONLY"})["mode"] == "READONLY", "PUT /mode/s READONLY")
    check(rest.get("mode/" + subject)["mode"] == "READONLY", "GET /mode/s -> READONLY")
    expect_error(lambda: sr.register_schema(subject, Schema(v2, "AVRO")), 422, 42205, "register in READONLY")
    expect_error(lambda: sr.delete_version(subject, 3), 422, 42205, "delete in READONLY")
    check(rest.delete("mode/" + subject)["mode"] == "READONLY", "DELETE /mode/s -> the mode it had")
    check(SchemaRegistryClient({"url": url}).register_schema(subject, Schema(v2, "AVRO")) == id2,
          "register once READWRITE again")
    r = requests.post(url + "/subjects/%s/versions" % subject, data=json.dumps({"schema": v1}),
                      headers={"Content-Type": "text/plain"})
    check(r.status_code == 415 and r.json()["error_code"] == 415, "text/plain body -> 415")


def produce(url, bootstrap, topic, n, schema_json):
    value_schema = avro.loads(schema_json)
    p = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": url},
                     default_value_schema=value_schema)
    fields = [f.name for f in value_schema.fields]
    for i in range(n):
        value = {"name": "python-%d" % i}
        if "email" in fields:
            value["email"] = "p%d@example.org" % i
        p.produce(topic=topic, value=value)
    p.flush(30)
    print("OK produced %d" % n, flush=True)


def consume(url, bootstrap, topic, n, reader_json=None):
    kwargs = {}
    if reader_json:
        kwargs["reader_value_schema"] = avro.loads(reader_json)
    c = AvroConsumer({"bootstrap.servers": bootstrap, "schema.registry.url": url,
                      "group.id": "py-" + topic + "-" + uuid.uuid4().hex, "auto.offset.reset": "earliest"}, **kwargs)
    c.subscribe([topic])
    got = 0
    idle = 0
    while got < n and idle < 60:
        msg = c.poll(1.0)
        if msg is None:
            idle += 1
            continue
        if msg.error():
            sys.stderr.write("consumer error: %s\n" % msg.error())
            continue
        print(json.dumps(msg.value(), default=str, sort_keys=True), flush=True)
        got += 1
    c.close()
    if got < n:
        sys.stderr.write("FAILED: consumed %d of %d\n" % (got, n))
        sys.exit(1)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "contract":
        contract(sys.argv[2], sys.argv[3])
    elif mode == "lifecycle":
        lifecycle(sys.argv[2], sys.argv[3])
    elif mode == "produce":
        produce(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6])
    elif mode == "consume":
        consume(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6] if len(sys.argv) > 6 else None)
    else:
        sys.exit("unknown mode " + mode)
