#!/usr/bin/env bash
# HTTP benchmark of ipgraph's GraphQL API against Cayley's own HTTP API
# (`cayley http` of v0.7.7, built from the module) over the same Bolt data,
# measured in the same run (issue 4, Speed).
#
#   scripts/http-bench.sh [SIZE]      SIZE quads of synthetic data (default 1000000)
#
# Environment: DUR (wrk duration, default 10s), THREADS/CONNS (wrk -t/-c,
# default 2/4), SEED (default 1), CORPUS (also measure ipgraph over this
# corpus, default ../shared/corpus; "" to skip), WORK (scratch directory,
# default a fresh one under /tmp), CAYLEY_DIR (where the cayley binary is
# built and kept between runs, default /tmp/ipgraph-cayley-v0.7.7).
# Everything listens on 127.0.0.1 only; both servers are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

size=${1:-1000000}
dur=${DUR:-10s}
threads=${THREADS:-2}
conns=${CONNS:-4}
seed=${SEED:-1}
corpus=${CORPUS-../shared/corpus}
cayley_dir=${CAYLEY_DIR:-/tmp/ipgraph-cayley-v0.7.7}
work=${WORK:-$(mktemp -d /tmp/ipgraph-http-bench.XXXXXX)}
mkdir -p "$work"

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ -n "${WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

log() { echo "http-bench: $*" >&2; }

if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq --no-install-recommends wrk >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
  else sudo apt-get install -y -qq --no-install-recommends wrk >/dev/null; fi
fi

# --- builds -------------------------------------------------------------
log "building ipgraph and the synthetic data writer"
go build -o "$work/ipgraph" ./cmd/ipgraph
go build -o "$work/gensynth" ./scripts/gensynth
if [ ! -x "$cayley_dir/bin/cayley" ]; then
  log "building cayley v0.7.7 in $cayley_dir (once; needs cgo)"
  mkdir -p "$cayley_dir"
  (cd "$cayley_dir" && { [ -f go.mod ] || go mod init cayleybench >/dev/null 2>&1; } &&
    go get github.com/cayleygraph/cayley/cmd/cayley@v0.7.7 >/dev/null 2>&1 &&
    go build -o bin/cayley.tmp github.com/cayleygraph/cayley/cmd/cayley 2>"$cayley_dir/build.log" &&
    mv bin/cayley.tmp bin/cayley) || { log "cayley build failed, see $cayley_dir/build.log"; exit 1; }
fi
cayley=$cayley_dir/bin/cayley

# --- data ---------------------------------------------------------------
db=$work/synth.db
log "writing $size synthetic quads to $db"
start=$("$work/gensynth" -db "$db" -quads "$size" -seed "$seed" -force 2> >(tee "$work/gensynth.log" >&2))
mkdir -p "$work/cayley-data"
cp "$db" "$work/cayley-data/indexes.bolt" # cayley's bolt backend wants DIR/indexes.bolt, and a lock of its own

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { # url, pid, what
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2>/dev/null || { log "$3 exited"; return 1; }
    sleep 0.1
  done
  log "$3 did not answer at $1"; return 1
}
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# --- servers ------------------------------------------------------------
ip_port=$(free_port)
"$work/ipgraph" serve --read-only --db "$db" --addr "127.0.0.1:$ip_port" >"$work/ipgraph.log" 2>&1 &
ip_pid=$!; pids+=("$ip_pid")
cy_port=$(free_port)
"$cayley" http -d bolt -a "$work/cayley-data" --host "127.0.0.1:$cy_port" >"$work/cayley.log" 2>&1 &
cy_pid=$!; pids+=("$cy_pid")
wait_http "http://127.0.0.1:$ip_port/healthz" "$ip_pid" "ipgraph serve" || { cat "$work/ipgraph.log" >&2; exit 1; }
wait_http "http://127.0.0.1:$cy_port/" "$cy_pid" "cayley http" || { cat "$work/cayley.log" >&2; exit 1; }
grep -o 'index built.*' "$work/ipgraph.log" | sed 's/^/http-bench: ipgraph /' >&2 || true

# --- queries ------------------------------------------------------------
: >"$work/answers.txt"
iri="urn:ipgraph:entity:$start"
# The path target: the farthest entity of the start's neighborhood (depth 3).
far=$(curl -sS -X POST -H 'Content-Type: application/json' \
  --data "{\"query\": \"{ neighbors(id: \\\"$start\\\", depth: 3) { nodes { id } } }\"}" \
  "http://127.0.0.1:$ip_port/graphql" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["neighbors"]["nodes"][-1]["id"])')
V=urn:ipgraph:vocab:
declare -A gql=(
  [1-hop]="{ entity(id: \"$start\") { name relations { predicate source { id } target { id name } } } }"
  [2-hop]="{ entity(id: \"$start\") { relations { target { relations { target { name } } } } } }"
  [2-hop-typed]="{ entity(id: \"$start\") { ... on Agency { programs { name regions { name } } } } }"
  [paths]="{ paths(from: \"$start\", to: \"$far\", maxLength: 4, first: 3) { length nodes { id } relations { predicate } } }"
  [statistics]="{ statistics(metric: \"invention patents granted\", first: 20) { metric value unit period subject { name } } }"
)
declare -A gizmo=(
  [cayley-2-hop]="g.V(\"<$iri>\").Out().Out().All()"
  [cayley-2-hop-typed]="g.V(\"<$iri>\").Out(\"<${V}runs>\").Out(\"<${V}locatedIn>\").Out(\"<http://www.w3.org/2000/01/rdf-schema#label>\").All()"
)
order=(1-hop 2-hop 2-hop-typed paths statistics cayley-2-hop cayley-2-hop-typed)

# One wrk Lua script per query: a POST with a fixed body.
lua_for() { # name url-path content-type body
  python3 - "$work/$1.lua" "$3" "$4" <<'PY'
import json, sys
path, ctype, body = sys.argv[1:4]
open(path, "w").write('wrk.method = "POST"\nwrk.headers["Content-Type"] = %s\nwrk.body = %s\n' % (json.dumps(ctype), json.dumps(body)))
PY
}
declare -A url
for q in "${!gql[@]}"; do
  body=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "${gql[$q]}")
  lua_for "$q" /graphql application/json "$body"
  url[$q]="http://127.0.0.1:$ip_port/graphql"
  # Check the answer once: no errors, some data.
  out=$(curl -sS -X POST -H 'Content-Type: application/json' --data "$body" "${url[$q]}")
  if ! python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert not d.get("errors"), d["errors"]; v=json.dumps(d["data"]); assert "null" not in v[:30] and len(v) > 40, v' "$out"; then
    log "GraphQL $q failed: ${out:0:400}"; exit 1
  fi
  echo "$q: ${#out} bytes" >>"$work/answers.txt"
done
for q in "${!gizmo[@]}"; do
  lua_for "$q" /api/v2/query text/plain "${gizmo[$q]}"
  url[$q]="http://127.0.0.1:$cy_port/api/v2/query?lang=gizmo"
  out=$(curl -sS -X POST --data "${gizmo[$q]}" "${url[$q]}")
  if ! python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert not d.get("error"), d; assert d.get("result"), d' "$out"; then
    log "Gizmo $q failed: ${out:0:400}"; exit 1
  fi
  echo "$q: ${#out} bytes, $(python3 -c 'import json,sys; print(len(json.loads(sys.argv[1])["result"]))' "$out") results" >>"$work/answers.txt"
done

# --- measure ------------------------------------------------------------
to_ms() { # wrk latency (e.g. 412.00us, 1.20ms, 2.01s) to ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
declare -A rps p50 p99
for q in "${order[@]}"; do
  log "wrk -t$threads -c$conns -d$dur  $q"
  out=$(wrk -t"$threads" -c"$conns" -d"$dur" --latency -s "$work/$q.lua" "${url[$q]}")
  echo "== $q"$'\n'"$out" >>"$work/wrk.txt"
  if grep -q 'Non-2xx' <<<"$out"; then log "$q: non-2xx responses"; echo "$out" >&2; exit 1; fi
  rps[$q]=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50[$q]=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99[$q]=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
done
quads=$(grep -o '[0-9]* quads to' "$work/gensynth.log" | cut -d' ' -f1)

echo
echo "ipgraph vs cayley http v0.7.7, synthetic Bolt store of ${quads:-$size} quads, start $start; wrk -t$threads -c$conns -d$dur, 127.0.0.1"
printf '%-20s %12s %10s %10s\n' query "requests/s" "p50 ms" "p99 ms"
for q in "${order[@]}"; do
  printf '%-20s %12.0f %10s %10s\n' "$q" "${rps[$q]}" "${p50[$q]}" "${p99[$q]}"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "ratio 2-hop-typed / cayley-2-hop:        $(ratio "${rps[2-hop-typed]}" "${rps[cayley-2-hop]}")x  (target >= 1.5, p50 < 0.5 ms: ${p50[2-hop-typed]} ms)"
echo "ratio 2-hop-typed / cayley-2-hop-typed:  $(ratio "${rps[2-hop-typed]}" "${rps[cayley-2-hop-typed]}")x"
echo "ratio 2-hop / cayley-2-hop:              $(ratio "${rps[2-hop]}" "${rps[cayley-2-hop]}")x"
echo "RSS after the run: ipgraph $(rss_mb "$ip_pid") MB, cayley $(rss_mb "$cy_pid") MB"
sed 's/^/answer sizes: /' "$work/answers.txt"

# --- the seed corpus (ipgraph only) --------------------------------------
if [ -n "$corpus" ] && [ -d "$corpus" ]; then
  kill "$ip_pid"; wait "$ip_pid" 2>/dev/null || true
  cdb=$work/corpus.db
  "$work/ipgraph" load --db "$cdb" "$corpus" >/dev/null
  "$work/ipgraph" serve --read-only --db "$cdb" --addr "127.0.0.1:$ip_port" >"$work/ipgraph-corpus.log" 2>&1 &
  ip_pid=$!; pids+=("$ip_pid")
  wait_http "http://127.0.0.1:$ip_port/healthz" "$ip_pid" "ipgraph serve (corpus)"
  declare -A cq=(
    [corpus-1-hop]='{ entity(name: "CNIPA") { name relations { predicate source { id } target { id name } } } }'
    [corpus-2-hop]='{ entity(name: "CNIPA") { relations { target { relations { target { name } } } } } }'
    [corpus-paths]='{ paths(from: "huawei", to: "cnipa", maxLength: 4, first: 3) { length nodes { id } } }'
    [corpus-statistics]='{ statistics(metric: "invention patents") { metric value period } }'
  )
  echo
  echo "ipgraph over $corpus (same wrk settings)"
  printf '%-20s %12s %10s %10s\n' query "requests/s" "p50 ms" "p99 ms"
  for q in corpus-1-hop corpus-2-hop corpus-paths corpus-statistics; do
    body=$(python3 -c 'import json,sys; print(json.dumps({"query": sys.argv[1]}))' "${cq[$q]}")
    lua_for "$q" /graphql application/json "$body"
    curl -sS -X POST -H 'Content-Type: application/json' --data "$body" "http://127.0.0.1:$ip_port/graphql" |
      python3 -c 'import json,sys; d=json.load(sys.stdin); assert not d.get("errors"), d["errors"]' ||
      { log "corpus query $q failed"; exit 1; }
    out=$(wrk -t"$threads" -c"$conns" -d"$dur" --latency -s "$work/$q.lua" "http://127.0.0.1:$ip_port/graphql")
    if grep -q 'Non-2xx' <<<"$out"; then log "$q: non-2xx responses"; exit 1; fi
    printf '%-20s %12.0f %10s %10s\n' "$q" "$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" \
      "$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")" "$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
  done
fi
