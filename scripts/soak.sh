#!/usr/bin/env bash
# Soak test of `ipgraph serve` (issue 7): a mix of realistic GraphQL
# queries under wrk for a while; zero errors and RSS growth under 10%.
#
#   scripts/soak.sh BIN CORPUS [DURATION]
#
# Loads CORPUS into a fresh Bolt store, starts `BIN serve --read-only` on a
# free port of 127.0.0.1, builds the query mix from what the store holds
# (scripts/soak_queries.py: entity by id and by name, search, neighbors at
# depth 2, paths, statistics with filters, typed fields, documents,
# metrics, sentences, introspection, and GET requests), warms up with the
# same mix (caches and the index fill), records the server's RSS, runs wrk
# for DURATION (default 60s; wrk syntax: 60s, 5m), and prints requests/s,
# latency p50/p90/p99, errors and RSS before/after.
#
# Fails on any error — a non-2xx response, a response whose JSON has
# "errors", a socket error or a timeout, in the warm-up or the run — on RSS
# growth of MAX_RSS_GROWTH percent or more from after the warm-up to the
# end, or when the server dies. RSS (VmRSS of /proc/PID/status) is sampled
# every second of the run; a Go heap this small saws up and down by several
# percent between collections, so "after the warm-up" is the median of the
# samples of the run's first fifth (at least RSS_WINDOW seconds) and "at
# the end" that of its last fifth (the single readings, and the trend of a
# least-squares line through all samples, are printed too).
#
# Environment: WARMUP (default 15s), THREADS / CONNS (wrk -t/-c, default
# 2/8), WRK_TIMEOUT (default 10s; the server's own limit is 10s too),
# MAX_RSS_GROWTH (percent, default 10), RSS_WINDOW (seconds, default 10),
# WORK (scratch directory, kept; default a fresh one under /tmp, removed at
# the end).
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  echo "usage: scripts/soak.sh BIN CORPUS [DURATION]" >&2
  exit 2
fi
bin=$(realpath "$1")
corpus=$2
dur=${3:-60s}
[[ $dur =~ ^[0-9]+$ ]] && dur=${dur}s
warmup=${WARMUP:-15s}
[[ $warmup =~ ^[0-9]+$ ]] && warmup=${warmup}s
threads=${THREADS:-2}
conns=${CONNS:-8}
wrk_timeout=${WRK_TIMEOUT:-10s}
max_growth=${MAX_RSS_GROWTH:-10}
window=${RSS_WINDOW:-10}
here=$(cd "$(dirname "$0")" && pwd)
work=${WORK:-$(mktemp -d /tmp/ipgraph-soak.XXXXXX)}
mkdir -p "$work"

log() { echo "soak: $*" >&2; }

[ -x "$bin" ] || { log "$bin is not an executable"; exit 2; }
[ -e "$corpus" ] || { log "$corpus does not exist"; exit 2; }
command -v wrk >/dev/null || { log "wrk is not installed (Debian: apt-get install wrk)"; exit 2; }

server_pid=
sampler_pid=
cleanup() {
  [ -z "$sampler_pid" ] || kill "$sampler_pid" 2>/dev/null || true
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -n "${WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kb() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# --- store and server -------------------------------------------------------
db=$work/soak.db
log "loading $corpus into $db"
"$bin" load --db "$db" "$corpus" >"$work/load.log" 2>&1 || { cat "$work/load.log" >&2; log "load failed"; exit 1; }
tail -n 1 "$work/load.log" | sed 's/^/soak: /' >&2

port=$(free_port)
url=http://127.0.0.1:$port
"$bin" serve --read-only --db "$db" --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$url/healthz" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; log "serve exited"; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "$url/healthz" || { cat "$work/serve.log" >&2; log "serve did not answer at $url"; exit 1; }
log "serving on $url (pid $server_pid), RSS at start $(mb "$(rss_kb "$server_pid")") MB"

python3 "$here/soak_queries.py" "$url" "$work/mix.lua"

# run_wrk NAME DURATION: wrk over the mix; its output is kept in
# $work/NAME.txt, and the soak-result fields are set as r_<key>.
run_wrk() {
  local name=$1 d=$2
  wrk -t"$threads" -c"$conns" -d"$d" --timeout "$wrk_timeout" --latency -s "$work/mix.lua" "$url" >"$work/$name.txt" 2>&1 ||
    { cat "$work/$name.txt" >&2; log "wrk failed ($name)"; exit 1; }
  local line
  line=$(grep '^soak-result ' "$work/$name.txt") || { cat "$work/$name.txt" >&2; log "no result from wrk ($name)"; exit 1; }
  for kv in ${line#soak-result }; do
    printf -v "r_${kv%%=*}" '%s' "${kv#*=}"
  done
  r_errors=$((r_non2xx + r_graphql_errors + r_connect_errors + r_read_errors + r_write_errors + r_timeouts))
  r_rps=$(awk -v n="$r_requests" -v us="$r_duration_us" 'BEGIN { printf "%.1f", n / (us / 1e6) }')
}

# --- warm-up ------------------------------------------------------------------
log "warm-up: $warmup, $threads threads, $conns connections"
run_wrk warmup "$warmup"
warm_errors=$r_errors
log "warm-up: $r_requests requests, $r_rps req/s, $warm_errors errors"
kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; log "serve died in the warm-up"; exit 1; }
rss_warm=$(rss_kb "$server_pid")

# RSS samples during the run, one a second: seconds since its start and
# RSS in kB.
(
  t=0
  while kill -0 "$server_pid" 2>/dev/null; do
    echo "$t $(rss_kb "$server_pid")"
    sleep 1
    t=$((t + 1))
  done
) >"$work/rss.txt" 2>/dev/null &
sampler_pid=$!

# --- the soak ---------------------------------------------------------------
log "soak: $dur, $threads threads, $conns connections, $(grep -c '^  {' "$work/mix.lua") requests in the mix"
run_wrk soak "$dur"
alive=yes
kill -0 "$server_pid" 2>/dev/null || alive=no
rss_end=0
hwm=0
if [ "$alive" = yes ]; then
  rss_end=$(rss_kb "$server_pid")
  hwm=$(hwm_kb "$server_pid")
  curl -sf -o /dev/null "$url/healthz" || alive="no (healthz failed)"
fi
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=
# median FROM COUNT: the median RSS of COUNT samples from line FROM (1-based).
median() { tail -n +"$1" "$work/rss.txt" | head -n "$2" | awk '{print $2}' | sort -n |
  awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
nsamples=$(grep -c . "$work/rss.txt" || true)
w=$((nsamples / 5 > window ? nsamples / 5 : window))
[ $((nsamples / 3)) -ge "$w" ] || w=$((nsamples / 3 > 0 ? nsamples / 3 : 1))
rss_before=$(median 1 "$w")
rss_after=$(median $((nsamples - w + 1 > 1 ? nsamples - w + 1 : 1)) "$w")
[ "$alive" = yes ] || rss_after=0
rss_max=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$work/rss.txt")
rss_min=$(awk 'NR == 1 || $2 < m { m = $2 } END { print m + 0 }' "$work/rss.txt")
trend=$(awk '{ n++; sx += $1; sy += $2; sxx += $1 * $1; sxy += $1 * $2 }
  END { d = n * sxx - sx * sx; if (n < 2 || d == 0) print "0.00"; else printf "%+.2f", (n * sxy - sx * sy) / d * 60 / 1024 }' "$work/rss.txt")
growth=$(awk -v a="$rss_before" -v b="$rss_after" 'BEGIN { if (a > 0) printf "%.1f", (b - a) * 100 / a; else print "inf" }')
to_ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
panics=$(grep -c -i 'panic' "$work/serve.log" || true)

cat <<EOF
soak summary ($(basename "$bin") serve --read-only over $corpus; warm-up $warmup, run $dur; wrk -t$threads -c$conns)
  requests       $r_requests ($r_rps req/s)
  latency        p50 $(to_ms "$r_p50_us") ms, p90 $(to_ms "$r_p90_us") ms, p99 $(to_ms "$r_p99_us") ms, max $(to_ms "$r_max_us") ms
  errors         $r_errors (non-2xx $r_non2xx, GraphQL errors $r_graphql_errors, socket $((r_connect_errors + r_read_errors + r_write_errors)), timeouts $r_timeouts); warm-up $warm_errors
  RSS            $(mb "$rss_before") MB after warm-up, $(mb "$rss_after") MB at the end (medians of ${w}s): growth $growth% (limit < $max_growth%)
                 single readings $(mb "$rss_warm") MB after warm-up, $(mb "$rss_end") MB at the end; samples $(mb "$rss_min")–$(mb "$rss_max") MB ($nsamples); trend $trend MB/min; peak (VmHWM) $(mb "$hwm") MB
  server         alive: $alive; panics in its log: $panics
EOF

fail=0
if [ "$r_errors" -ne 0 ] || [ "$warm_errors" -ne 0 ]; then
  log "FAIL: errors"
  grep -h '^soak-sample ' "$work/warmup.txt" "$work/soak.txt" | head -n 2 >&2 || true
  fail=1
fi
if [ "$alive" != yes ] || [ "$panics" -ne 0 ]; then
  log "FAIL: the server died or panicked; its log:"
  tail -n 30 "$work/serve.log" >&2
  fail=1
fi
if [ "$growth" = inf ] || awk -v g="$growth" -v m="$max_growth" 'BEGIN { exit !(g >= m) }'; then
  log "FAIL: RSS grew $growth% (samples in $work/rss.txt):"
  awk '{ printf "  %4ds %8.1f MB\n", $1, $2 / 1024 }' "$work/rss.txt" >&2
  fail=1
fi
[ "$fail" = 0 ] && log "PASS"
exit "$fail"
