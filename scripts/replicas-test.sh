#!/usr/bin/env bash
# Two read-only servers on one Bolt file at once (the replica deployment of
# docs/DEPLOY.md): both answer the same, a read-only command works beside
# them, and a writer is refused within seconds with a message saying what
# to do. Usage: replicas-test.sh BIN CORPUS
set -euo pipefail
bin=${1:?binary}; corpus=${2:?corpus}
tmp=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

db="$tmp/g.db"
"$bin" load --quiet --db "$db" "$corpus"
ports=()
for i in 1 2; do
  port=$(free_port)
  "$bin" serve --read-only --db "$db" --addr "127.0.0.1:$port" >"$tmp/serve$i.log" 2>&1 &
  pids+=($!); ports+=("$port")
done
for i in 0 1; do
  for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:${ports[$i]}/healthz" >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || { cat "$tmp/serve$((i + 1)).log"; echo "replicas-test: server $((i + 1)) died"; exit 1; }
    sleep 0.1
  done
done

query='{"query":"{ entity(id: \"cnipa\") { name relationCount } }"}'
answers=()
for port in "${ports[@]}"; do
  answers+=("$(curl -fsS -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql")")
done
echo "replica 1: ${answers[0]}"
echo "replica 2: ${answers[1]}"
[ "${answers[0]}" = "${answers[1]}" ] || { echo "replicas-test: the replicas answer differently"; exit 1; }
grep -q '"relationCount":[1-9]' <<<"${answers[0]}" || { echo "replicas-test: no relations for cnipa"; exit 1; }

"$bin" stats --db "$db" >/dev/null || { echo "replicas-test: stats beside the replicas failed"; exit 1; }

start=$(date +%s)
if "$bin" load --quiet --db "$db" "$corpus" 2>"$tmp/writer.err"; then
  echo "replicas-test: a writer opened the file the replicas hold"; exit 1
fi
took=$(( $(date +%s) - start ))
echo "writer refused after ${took}s: $(head -1 "$tmp/writer.err")"
[ "$took" -le 10 ] || { echo "replicas-test: the writer waited ${took}s"; exit 1; }
grep -qi 'another process' "$tmp/writer.err" || { echo "replicas-test: the refusal does not say why"; exit 1; }
for p in "${pids[@]}"; do kill -0 "$p" || { echo "replicas-test: a replica stopped"; exit 1; }; done
echo "replicas-test: 2 read-only servers shared $db"
