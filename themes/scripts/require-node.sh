#!/bin/sh
# Fails the build early, with a message that says what to install, when Node.js or npm is missing
# or older than the admin console build needs. Usage: require-node.sh <min-node-version> <min-npm-major>
set -u
min_node="${1:?minimum Node.js version}"
min_npm_major="${2:?minimum npm major version}"

fail() {
  echo "[themes] $1" >&2
  echo "[themes] The admin console theme is built with the machine's Node.js (>= ${min_node}) and npm (>= ${min_npm_major})." >&2
  echo "[themes] Install them (for example from your OS packages or https://nodejs.org) and make sure 'node' and 'npm' are on PATH." >&2
  exit 1
}

command -v node >/dev/null 2>&1 || fail "'node' was not found on PATH."
command -v npm >/dev/null 2>&1 || fail "'npm' was not found on PATH."

node_version="$(node -p 'process.versions.node' 2>/dev/null)" || fail "'node' is on PATH but does not run."
npm_version="$(npm --version 2>/dev/null)" || fail "'npm' is on PATH but does not run."

# Compares dotted versions numerically; exit 0 when $1 >= $2.
at_least() {
  node -e '
    const [a, b] = process.argv.slice(1).map((v) => v.split(".").map(Number));
    for (let i = 0; i < 3; i++) {
      if ((a[i] || 0) !== (b[i] || 0)) process.exit((a[i] || 0) > (b[i] || 0) ? 0 : 1);
    }
  ' "$1" "$2"
}

at_least "$node_version" "$min_node" || fail "Node.js ${node_version} is too old."
at_least "$npm_version" "${min_npm_major}.0.0" || fail "npm ${npm_version} is too old."
echo "[themes] Using Node.js ${node_version} and npm ${npm_version}."
