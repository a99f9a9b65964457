#!/usr/bin/env bash
# Prints the path of a Node 24 binary, installing the npm registry's node@24 package into
# node_modules/.cache/node24 on first use. Kept out of devDependencies: there its bin would shadow the
# machine's node in every npm script.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/node_modules/.cache/node24"
if [ ! -x "$prefix/node_modules/.bin/node" ]; then
  mkdir -p "$prefix"
  npm install --silent --no-save --no-audit --no-fund --prefix "$prefix" node@24 >/dev/null 2>&1
fi
echo "$prefix/node_modules/.bin/node"
