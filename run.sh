#!/usr/bin/env bash
# Builds the providers, fetches Keycloak (cached), installs the providers and the demo realm, and starts
# Keycloak in dev mode on the embedded dev-file H2 database. Data persists in .run/ between runs.
# Usage: ./run.sh [--port N]      (default 8080; KC_PORT works too). Ctrl-C stops the server cleanly.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")" && pwd)"
PORT="${KC_PORT:-8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# //'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$PORT" in ''|*[!0-9]*) echo "--port must be a number, got '$PORT'" >&2; exit 2 ;; esac

command -v java >/dev/null || { echo "JDK 17 or newer is required (java not found)" >&2; exit 1; }
command -v mvn >/dev/null || { echo "Maven 3.8 or newer is required (mvn not found)" >&2; exit 1; }

KC_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -1)"
RUN_DIR="$ROOT/.run"
KC_HOME="$RUN_DIR/keycloak-$KC_VERSION"

echo "==> building the providers"
mvn -B -q -f "$ROOT/pom.xml" -DskipTests package -pl '!it-tests,!bench'

if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
  echo "==> fetching Keycloak $KC_VERSION from Maven Central (once; cached in ~/.m2 and $RUN_DIR)"
  mkdir -p "$RUN_DIR"
  mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$RUN_DIR"
  (cd "$RUN_DIR" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip" && rm -f "keycloak-quarkus-dist-$KC_VERSION.zip")
fi

echo "==> installing the providers and the demo realm"
mkdir -p "$KC_HOME/providers" "$KC_HOME/data/import"
rm -f "$KC_HOME"/providers/*.jar
for jar in "$ROOT"/spi-*/target/spi-*.jar "$ROOT"/themes/target/themes.jar; do
  [ -f "$jar" ] && cp "$jar" "$KC_HOME/providers/"
done
cp "$ROOT/demo/demo-realm.json" "$KC_HOME/data/import/demo-realm.json"

BASE="http://localhost:$PORT"
cat <<INFO

  Keycloak $KC_VERSION with Integration Broker is starting (about a minute on 2 cores).

  Admin console:  $BASE/admin/   (user admin, password admin; master realm)
  Demo realm:     $BASE/admin/master/console/#/demo
  Demo users:     alice (business owner), bob (technical owner), audrey (auditor); password = user name

  A token for the demo integration (demo credentials only):
    curl -s -X POST $BASE/realms/demo/protocol/openid-connect/token \\
      -d grant_type=client_credentials -d client_id=crm-connector -d client_secret=demo-crm-connector-secret

  Ctrl-C stops the server; data stays in $KC_HOME/data.

INFO

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

# Once the server answers, make integration-broker the admin console theme of the master realm (the realm
# whose console the admin uses). Bounded: gives up after about 6 minutes with a hint.
(
  config="$RUN_DIR/kcadm.config"
  for _ in $(seq 1 120); do
    if "$KC_HOME/bin/kcadm.sh" config credentials --config "$config" --server "$BASE" --realm master \
         --user "$KC_BOOTSTRAP_ADMIN_USERNAME" --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" >/dev/null 2>&1; then
      if "$KC_HOME/bin/kcadm.sh" update realms/master --config "$config" -s adminTheme=integration-broker >/dev/null 2>&1; then
        echo "==> admin console theme: integration-broker (reload $BASE/admin/)"
      else
        echo "==> could not set the admin console theme; choose 'integration-broker' in Realm settings > Themes"
      fi
      exit 0
    fi
    sleep 3
  done
  echo "==> could not log in with kcadm to set the admin console theme; choose 'integration-broker' in Realm settings > Themes"
) &

# Keycloak 26.7's build step can fail now and then with a ConcurrentModificationException when an extension
# brings a JPA entity (keycloak/keycloak#47482, fixed in 26.8); it fails before anything is written, so such a
# start is run again (at most three times). Any other failure ends the script with Keycloak's exit code.
RACE='contributePersistenceXmlToJpaModel threw an exception: java.util.ConcurrentModificationException'
cd "$KC_HOME"
for attempt in 1 2 3; do
  set +e
  bin/kc.sh start-dev --http-port="$PORT" --import-realm 2>&1 | tee "$RUN_DIR/keycloak-start.log"
  status=${PIPESTATUS[0]}
  set -e
  if [ "$status" -ne 0 ] && [ "$attempt" -lt 3 ] && grep -q "$RACE" "$RUN_DIR/keycloak-start.log"; then
    echo "==> Keycloak's build hit its known race (keycloak/keycloak#47482); starting again"
    continue
  fi
  exit "$status"
done
