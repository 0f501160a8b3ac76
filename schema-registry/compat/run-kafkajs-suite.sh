#!/usr/bin/env bash
# Runs the own test suite of the npm package @kafkajs/confluent-schema-registry against Caravan's
# schema registry: a real single-node KRaft Kafka and the registry, each in its own JVM, and the
# package's jest specs pointed at the registry. Prints the jest summary, then
#   "N of M Avro specs pass" (JSON Schema and Protobuf specs are counted apart: Caravan holds Avro only)
# and exits 0 only when every Avro spec passes.
#
# Usage: schema-registry/compat/run-kafkajs-suite.sh [JEST_ARGS...]
#
# Environment:
#   KAFKAJS_SR_DIR   a checkout of https://github.com/kafkajs/confluent-schema-registry
#                    (default: schema-registry/target/kafkajs-confluent-schema-registry, cloned from
#                    KAFKAJS_SR_GIT at KAFKAJS_SR_REF when missing). Its node_modules are installed with
#                    npm when missing. The specs' hard-coded registry URL (http://localhost:8982) is
#                    rewritten in that checkout to REGISTRY_PORT when it differs.
#   KAFKAJS_SR_GIT   default https://github.com/kafkajs/confluent-schema-registry.git
#   KAFKAJS_SR_REF   default bd6a86e (v4.0.8, the commit the figures in the README were taken at)
#   REGISTRY_PORT    default 8982, the port the specs use
#   SKIP_BUILD=1     do not run ./mvnw install for schema-registry and local-stack-kafka first
#   KEEP_LOGS=1      keep the Kafka and registry logs (their directory is printed)
#
# Needs: JDK 17, node >= 18 and npm (apt-get install -y nodejs npm). No Docker: the package's
# avdlToAVSC spec shells out to `docker run kpnnl/avro-tools idl2schemata`; without a Docker engine
# this script swaps bin/avdlToAVSC.sh for one running Avro's own IdlReader (avro-idl from the Maven
# cache) in a JVM, which is what that image does.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MODULE="$ROOT/schema-registry"
SUITE="${KAFKAJS_SR_DIR:-$MODULE/target/kafkajs-confluent-schema-registry}"
GIT_URL="${KAFKAJS_SR_GIT:-https://github.com/kafkajs/confluent-schema-registry.git}"
GIT_REF="${KAFKAJS_SR_REF:-bd6a86e}"
PORT="${REGISTRY_PORT:-8982}"

say() { echo "run-kafkajs-suite: $*" >&2; }

# ---- the suite ----
if [ ! -f "$SUITE/package.json" ]; then
  say "cloning $GIT_URL ($GIT_REF) into $SUITE"
  git clone -q "$GIT_URL" "$SUITE"
  git -C "$SUITE" checkout -q "$GIT_REF"
fi
if [ ! -d "$SUITE/node_modules/jest" ]; then
  say "npm install in $SUITE"
  (cd "$SUITE" && npm install --no-audit --no-fund --loglevel=error) >&2
fi
if [ "$PORT" != 8982 ] || grep -rqs "localhost:8982" "$SUITE/src"; then
  grep -rl "http://localhost:[0-9]*'" "$SUITE/src" --include='*.spec.ts' \
    | xargs sed -i -E "s#http://localhost:[0-9]+'#http://localhost:$PORT'#"
fi

# ---- Caravan: build, then Kafka and the registry in their own JVMs ----
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building schema-registry and local-stack-kafka"
  (cd "$ROOT" && ./mvnw -q -B -pl schema-registry,local-stack-kafka -am install -DskipTests) >&2
fi
KAFKA_CP="$ROOT/local-stack-kafka/target/classes:$(cat "$ROOT/local-stack-kafka/target/classes/META-INF/caravan/local-stack-kafka.classpath")"
REGISTRY_CP="$MODULE/target/classes:$(cat "$MODULE/target/classes/META-INF/caravan/schema-registry.classpath")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/caravan-kafkajs.XXXXXX")"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "${KEEP_LOGS:-0}" = 1 ]; then say "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts a JVM whose stdin stays open (both mains exit on stdin EOF) and waits for "CARAVAN-READY".
start_jvm() { # name log args...
  local name="$1" log="$2"; shift 2
  mkfifo "$WORK/$name.stdin"
  java "$@" <"$WORK/$name.stdin" >"$log" 2>&1 &
  PIDS+=("$!")
  exec {fd}>"$WORK/$name.stdin"   # hold the write end open for the script's lifetime
  for _ in $(seq 1 240); do
    if grep -q "CARAVAN-READY" "$log"; then return 0; fi
    if ! kill -0 "${PIDS[-1]}" 2>/dev/null; then say "$name exited:"; tail -30 "$log" >&2; exit 1; fi
    sleep 0.5
  done
  say "$name not ready after 120 s:"; tail -30 "$log" >&2; exit 1
}

KAFKA_PORT="$(free_port)"; CONTROLLER_PORT="$(free_port)"
say "starting Kafka on localhost:$KAFKA_PORT"
start_jvm kafka "$WORK/kafka.log" -Xmx512m -cp "$KAFKA_CP" dev.caravan.localstack.kafka.KafkaBrokerMain \
  --data-dir "$WORK/kafka" --port "$KAFKA_PORT" --controller-port "$CONTROLLER_PORT"
say "starting Caravan's schema registry on http://localhost:$PORT"
start_jvm registry "$WORK/registry.log" -Xmx256m -Dcaravan.watchdog=stdin -cp "$REGISTRY_CP" \
  dev.caravan.registry.SchemaRegistryMain --kafka-bootstrap "localhost:$KAFKA_PORT" --port "$PORT" --host 127.0.0.1

# ---- avro-tools without Docker ----
if ! docker info >/dev/null 2>&1; then
  M2="${MAVEN_REPO:-$HOME/.m2/repository}"
  latest_jar() { # group/path artifact: the newest version's jar in the Maven cache
    local dir="$M2/$1/$2" v
    v="$(ls "$dir" 2>/dev/null | sort -V | tail -1)"
    [ -n "$v" ] && [ -f "$dir/$v/$2-$v.jar" ] && echo "$dir/$v/$2-$v.jar"
  }
  IDL_CP=""
  for a in org/apache/avro:avro-idl org/apache/avro:avro org/antlr:antlr4-runtime org/apache/commons:commons-text \
      org/apache/commons:commons-lang3 com/fasterxml/jackson/core:jackson-databind com/fasterxml/jackson/core:jackson-core \
      com/fasterxml/jackson/core:jackson-annotations org/slf4j:slf4j-api; do
    jar="$(latest_jar "${a%%:*}" "${a##*:}")" || { IDL_CP=""; say "no ${a##*:} in $M2: the avdl specs need Docker"; break; }
    IDL_CP="$IDL_CP${IDL_CP:+:}$jar"
  done
  if [ -n "$IDL_CP" ] && [ ! -f "$SUITE/bin/avdlToAVSC.sh.docker" ]; then
    cp "$SUITE/bin/avdlToAVSC.sh" "$SUITE/bin/avdlToAVSC.sh.docker"
  fi
  if [ -n "$IDL_CP" ]; then
    # Compiled once: each spec starts a JVM, and the specs' 5 s timeout leaves no time to compile too.
    mkdir -p "$WORK/idl-classes"
    javac -nowarn -d "$WORK/idl-classes" -cp "$IDL_CP" "$MODULE/compat/Idl2Schemata.java" >&2
    cat >"$SUITE/bin/avdlToAVSC.sh" <<EOF
#!/usr/bin/env bash
# Written by Caravan's run-kafkajs-suite.sh: avro-tools idl2schemata without Docker (original: avdlToAVSC.sh.docker).
set -e
mkdir -p tmp
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$WORK/idl-classes:$IDL_CP" Idl2Schemata "\$1" tmp && cat "tmp/\$2.avsc"
EOF
    chmod +x "$SUITE/bin/avdlToAVSC.sh"
  fi
fi

# ---- the specs ----
say "running jest in $SUITE"
set +e
(cd "$SUITE" && npx jest --runInBand --json --outputFile="$WORK/jest.json" "$@")
set -e
node - "$WORK/jest.json" <<'EOF'
const r = require(process.argv[2])
const nonAvro = (file, titles) => /\.(json|protobuf)\.spec\.ts$/.test(file)
  || titles.some(t => ['JSON', 'PROTOBUF', 'PROTOBUF tests', 'JSON Schema tests'].includes(t))
const count = { avro: { pass: 0, all: 0 }, other: { pass: 0, all: 0 } }
const failed = []
for (const f of r.testResults) {
  for (const a of f.assertionResults) {
    if (a.status === 'pending' || a.status === 'skipped' || a.status === 'todo') continue
    const k = nonAvro(f.name, a.ancestorTitles) ? 'other' : 'avro'
    count[k].all++
    if (a.status === 'passed') count[k].pass++
    else if (k === 'avro') failed.push(`${f.name.replace(/.*\/src\//, 'src/')}: ${a.fullName}`)
  }
  if (f.assertionResults.length === 0 && f.status === 'failed') failed.push(`${f.name}: ${f.message.split('\n')[0]}`)
}
failed.forEach(l => console.log('FAILED ' + l))
console.log(`${count.avro.pass} of ${count.avro.all} Avro specs pass`)
console.log(`${count.other.pass} of ${count.other.all} JSON Schema and Protobuf specs pass (not supported by Caravan: 42201)`)
console.log(`${count.avro.pass + count.other.pass} of ${count.avro.all + count.other.all} specs of the whole suite pass`)
process.exit(count.avro.pass === count.avro.all && failed.length === 0 ? 0 : 1)
EOF
