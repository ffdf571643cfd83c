#!/usr/bin/env bash
# Loads a synthetic corpus of DOCS documents (loaders/synthcorpus, seed 1)
# with `ipgraph load` into a new Bolt file and prints the time, MB/s,
# quads/s and the peak RSS of the load process; then re-loads one changed
# document into the full store and prints how long that took.
# Usage: load-bench.sh BIN [DOCS]   (default 10000 documents, about 50 MB)
set -euo pipefail
bin=${1:?binary}; docs=${2:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./scripts/gencorpus -seed 1 -docs "$docs" -out "$tmp/corpus"
bytes=$(du -sb "$tmp/corpus" | cut -f1)
# The peak RSS of the child, from getrusage, in KiB on Linux.
/usr/bin/python3 - "$bin" "$tmp" "$bytes" <<'PY'
import re, resource, subprocess, sys, time
bin, tmp, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
start = time.monotonic()
out = subprocess.run([bin, "load", "--db", f"{tmp}/g.db", f"{tmp}/corpus"], capture_output=True, text=True)
took = time.monotonic() - start
if out.returncode != 0:
    sys.exit(f"load failed: {out.stderr[-2000:]}")
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
quads = int(re.search(r"(\d+) quads added", out.stdout).group(1))
import os
dbsize = os.path.getsize(f"{tmp}/g.db")
print(f"load: {size/1e6:.1f} MB, {quads} quads in {took:.1f} s: {size/1e6/took:.2f} MB/s, {quads/took:,.0f} quads/s, peak RSS {rss:.0f} MiB; Bolt file {dbsize/1e6:.0f} MB ({dbsize/max(quads,1):.0f} bytes/quad)")
# Re-load one document, changed, into the full store.
import glob, os, shutil
doc = sorted(glob.glob(f"{tmp}/corpus/*.txt"))[len(glob.glob(f"{tmp}/corpus/*.txt")) // 2]
os.makedirs(f"{tmp}/one", exist_ok=True)
changed = f"{tmp}/one/{os.path.basename(doc)}"
with open(doc) as f, open(changed, "w") as g:
    g.write(f.read().replace(" 20", " 19", 3) + "\nThe State Council issued the Patent Law.\n")
start = time.monotonic()
out = subprocess.run([bin, "load", "--db", f"{tmp}/g.db", changed], capture_output=True, text=True, check=True)
print(f"reload of one changed document (whole command, store of {quads} quads): {time.monotonic() - start:.3f} s; {out.stdout.strip().splitlines()[-1]}")
PY
