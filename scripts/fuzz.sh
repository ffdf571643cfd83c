#!/usr/bin/env bash
# Runs every Go fuzz target for a bounded time, one after another (go test
# takes one -fuzz target per run), and fails when any of them finds an
# input that breaks it (issue 7). For CI and for longer runs by hand:
#
#   scripts/fuzz.sh                       every Fuzz* target of FUZZ_PKGS, FUZZTIME each
#   FUZZTIME=5m scripts/fuzz.sh FuzzExtract
#
# Arguments: target names (default: every Fuzz* function that
# `go test -list` finds in FUZZ_PKGS). Environment: FUZZTIME (per target,
# go test -fuzztime syntax: 10s, 2m, 5000x; default 10s), FUZZ_PKGS
# (packages to search, default ./loaders/ and the timex and quantity stages), FUZZ_PARALLEL (workers, default
# GOMAXPROCS), FUZZ_TIMEOUT (go test -timeout of one target, default 10m:
# an input that hangs fails the run), FUZZ_MINIMIZETIME (default 5s: go
# test's default of 60s spent minimizing each new interesting input stalls
# short runs — a 40 s run then makes ~6x fewer executions), FUZZ_LOGS
# (directory for each target's go test output; default a temporary one,
# kept when a target fails).
#
# First the seed corpora and testdata/fuzz/ regression inputs of every
# target run as plain tests. A finding is written by go test to
# <package>/testdata/fuzz/<Target>/<hash>; add it to the repository with
# the fix, and every later `go test` runs it as a regression case.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="/usr/local/go/bin:$PATH"

fuzztime=${FUZZTIME:-10s}
pkgs=${FUZZ_PKGS:-./loaders/ ./loaders/internal/timex/ ./loaders/internal/quantity/}
timeout=${FUZZ_TIMEOUT:-10m}
minimize=${FUZZ_MINIMIZETIME:-5s}
parallel=()
[ -z "${FUZZ_PARALLEL:-}" ] || parallel=(-parallel "$FUZZ_PARALLEL")

log() { echo "fuzz: $*" >&2; }

# pkg target pairs
pairs=()
for pkg in $pkgs; do
  list=$(go test -list '^Fuzz' "$pkg") || { echo "$list" >&2; log "cannot list the fuzz targets of $pkg"; exit 1; }
  for t in $(grep '^Fuzz' <<<"$list"); do
    if [ $# -eq 0 ] || printf '%s\n' "$@" | grep -qx "$t"; then
      pairs+=("$pkg $t")
    fi
  done
done
if [ ${#pairs[@]} -eq 0 ]; then
  log "no fuzz targets${*:+ named $*} in $pkgs"
  exit 1
fi

# The seeds and the committed findings, as plain tests.
names=$(printf '%s\n' "${pairs[@]}" | awk '{print $2}' | paste -sd'|')
log "seed corpora and regression inputs of: ${names//|/ }"
if ! go test -count=1 -run "^($names)\$" $pkgs; then
  log "FAIL: a seed or a committed regression input fails"
  exit 1
fi

logs=${FUZZ_LOGS:-$(mktemp -d /tmp/ipgraph-fuzz.XXXXXX)}
mkdir -p "$logs"
failed=()
summary=()
# fuzz_one PKG TARGET LOG: one go test -fuzz run, its output in LOG and its
# execution count in LOG.execs.
fuzz_one() {
  go test -run '^$' -fuzz "^$2\$" -fuzztime "$fuzztime" -fuzzminimizetime "$minimize" -timeout "$timeout" "${parallel[@]}" "$1" 2>&1 | tee "$3" >&2
  local rc=${PIPESTATUS[0]}
  grep -o 'execs: [0-9]*' "$3" | tail -n 1 | awk '{print $2}' >"$3.execs"
  return "$rc"
}
for pair in "${pairs[@]}"; do
  read -r pkg target <<<"$pair"
  corpus=$(go list -f '{{.Dir}}' "$pkg")/testdata/fuzz/$target
  before=$(ls "$corpus" 2>/dev/null | sort)
  out=$logs/$target.log
  log "$target ($pkg) for $fuzztime"
  fuzz_one "$pkg" "$target" "$out"
  rc=$?
  new=$(comm -13 <(echo "$before") <(ls "$corpus" 2>/dev/null | sort) | grep . || true)
  if [ "$rc" -ne 0 ] && [ -z "$new" ]; then
    # A failure that wrote no input: the fuzzing engine's own, e.g.
    # "context deadline exceeded" when -fuzztime ends mid-execution or a
    # spurious "fuzzing process hung" (golang/go#56238). Once more; a
    # second failure counts.
    grep -v '^fuzz: elapsed' "$out" | grep -v '^\s*$' | tail -n 8 | sed 's/^/fuzz:   /' >&2
    log "$target failed without a failing input; running it once more"
    mv "$out" "$out.1"
    fuzz_one "$pkg" "$target" "$out"
    rc=$?
    new=$(comm -13 <(echo "$before") <(ls "$corpus" 2>/dev/null | sort) | grep . || true)
  fi
  execs=$(cat "$out.execs")
  if [ "$rc" -ne 0 ]; then
    failed+=("$target")
    summary+=("$target: FAIL after ${execs:-?} executions${new:+; failing input $corpus/$new}")
    # What failed, without the progress lines: the test's message, the
    # input written, or the fuzzing engine's own error.
    grep -v '^fuzz: elapsed' "$out" | grep -v '^\s*$' | tail -n 25 | sed 's/^/fuzz:   /' >&2
  else
    summary+=("$target: ok, ${execs:-?} executions in $fuzztime")
  fi
done

printf 'fuzz: %s\n' "${summary[@]}" >&2
if [ ${#failed[@]} -ne 0 ]; then
  log "FAIL: ${failed[*]} (failing inputs are under <package>/testdata/fuzz/; logs in $logs)"
  exit 1
fi
[ -n "${FUZZ_LOGS:-}" ] || rm -rf "$logs"
log "PASS"
