#!/usr/bin/env bash
# ab-extract.sh REF [ROUNDS]: BenchmarkExtract (one core) of the loaders at
# git REF against the working tree, in alternating runs so that the
# machine's drift hits both alike. Prints each round's MB/s and the medians.
set -euo pipefail
ref=${1:?usage: ab-extract.sh REF [ROUNDS]}
rounds=${2:-10}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git -C "$root" worktree add --detach "$tmp/old" "$ref" >/dev/null 2>&1
# The benchmark reads ../shared/corpus relative to the repository.
ln -s "$(cd "$root/.." && pwd)/shared" "$tmp/shared"
(cd "$tmp/old" && go test -c -o "$tmp/old.test" ./loaders)
(cd "$root" && go test -c -o "$tmp/new.test" ./loaders)
run() { # binary dir → MB/s
	(cd "$2/loaders" && "$1" -test.run '^$' -test.bench 'Extract$' -test.cpu 1 -test.benchtime 2s) |
		awk '/^BenchmarkExtract[ \t]/{print $(NF-1)}'
}
old=() new=()
for i in $(seq "$rounds"); do
	a=$(run "$tmp/old.test" "$tmp/old")
	b=$(run "$tmp/new.test" "$root")
	old+=("$a") new+=("$b")
	printf 'round %2d  %s %s MB/s  working tree %s MB/s\n' "$i" "$ref" "$a" "$b"
done
python3 - "${old[*]}" "${new[*]}" "$ref" <<'PY'
import statistics, sys
old = [float(x) for x in sys.argv[1].split()]
new = [float(x) for x in sys.argv[2].split()]
mo, mn = statistics.median(old), statistics.median(new)
print(f"median: {sys.argv[3]} {mo:.2f} MB/s, working tree {mn:.2f} MB/s, ratio {mn/mo:.2f}")
PY
