#!/bin/bash
# Starts Keycloak and, once it answers, makes integration-broker the admin console theme of the master realm
# (set IB_SET_ADMIN_THEME=false to skip). Needs the bootstrap admin credentials in the environment.
set -euo pipefail

if [ "${IB_SET_ADMIN_THEME:-true}" = "true" ] && [ -n "${KC_BOOTSTRAP_ADMIN_USERNAME:-}" ] && [ -n "${KC_BOOTSTRAP_ADMIN_PASSWORD:-}" ]; then
  (
    for _ in $(seq 1 120); do
      if /opt/keycloak/bin/kcadm.sh config credentials --config /tmp/kcadm.config --server "http://localhost:${KC_HTTP_PORT:-8080}" \
           --realm master --user "$KC_BOOTSTRAP_ADMIN_USERNAME" --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" >/dev/null 2>&1; then
        /opt/keycloak/bin/kcadm.sh update realms/master --config /tmp/kcadm.config -s adminTheme=integration-broker >/dev/null 2>&1 \
          && echo "integration-broker: admin console theme set for the master realm"
        exit 0
      fi
      sleep 5
    done
    echo "integration-broker: could not set the admin console theme; choose it in Realm settings > Themes"
  ) &
fi

exec /opt/keycloak/bin/kc.sh "$@"
