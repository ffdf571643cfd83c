#!/usr/bin/env bash
# Loads a corpus into a fresh store, serves it on a free port, and runs the
# browser tests of web/test against it. Usage: browser-test.sh BIN CORPUS
set -euo pipefail
bin=${1:?binary}; corpus=${2:?corpus}
tmp=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

"$bin" load --quiet --db "$tmp/g.db" "$corpus"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$tmp/g.db" --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$tmp/serve.log"; exit 1; }
  sleep 0.1
done
export ARTIFACTS_DIR=${ARTIFACTS_DIR:-$PWD/web/test/artifacts}
make --no-print-directory web-test-browser IPGRAPH_URL="http://127.0.0.1:$port"
