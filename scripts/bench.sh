#!/usr/bin/env bash
# Runs the Go benchmarks and prints, for every BenchmarkX that has a
# BenchmarkXBaseline measured in the same run, the ratio X / baseline.
set -euo pipefail
count=${BENCH_COUNT:-3}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -run '^$' -bench "${BENCH:-.}" -benchmem -count "$count" -timeout 90m ${BENCH_PKGS:-./...} | tee "$out"
echo
echo "ratios (median ns/op of ours / median of its baseline, same run):"
awk '
/^Benchmark/ {
  name=$1; sub(/-[0-9]+$/, "", name)
  for (i = 2; i <= NF; i++) if ($(i+1) == "ns/op") { v[name] = v[name] " " $i }
}
function median(s,   a, n, t, i, j) {
  n = split(s, a, " ")
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
  return a[int((n + 1) / 2)]
}
END {
  for (name in v) {
    # BenchmarkX/sub pairs with BenchmarkXBaseline/sub (per-backend runs).
    top = name; rest = ""
    if ((i = index(name, "/")) > 0) { top = substr(name, 1, i - 1); rest = substr(name, i) }
    if (top ~ /Baseline$/) continue
    base = top "Baseline" rest
    if (!(base in v)) continue
    m = median(v[name]); b = median(v[base])
    printf "  %-40s %12.0f ns/op  baseline %12.0f ns/op  ratio %.2fx\n", name, m, b, m / b
  }
}' "$out" | sort
