#!/usr/bin/env bash
# Loads a corpus into a fresh store, serves it on a free port, and executes
# examples/notebook.ipynb against it with jupyter nbconvert. The notebook's
# cells assert on what the server answers, so a broken service fails here.
# Usage: notebook-test.sh BIN CORPUS
#
# The kernel must be Debian's /usr/bin/python3, which has pandas, networkx
# and requests (python3-pandas, python3-networkx, python3-requests); a
# `python3` earlier on PATH (pyenv, a venv) usually does not. nbconvert is
# run by /usr/bin/python3 and the kernelspec `python3` is checked to resolve
# to an interpreter that imports all three before anything starts.
set -euo pipefail
bin=${1:?binary}; corpus=${2:?corpus}
py=/usr/bin/python3
root=$(cd "$(dirname "$0")/.." && pwd)
notebook=$root/examples/notebook.ipynb
tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
unset PYTHONPATH PYTHONHOME

[ -x "$py" ] || { echo "notebook-test: $py is missing"; exit 1; }
"$py" -c 'import nbconvert, nbclient, ipykernel' 2>/dev/null || {
  echo "notebook-test: $py lacks nbconvert/nbclient/ipykernel" \
       "(apt-get install jupyter-nbconvert python3-nbclient python3-ipykernel)"; exit 1; }
kernel_py=$("$py" -c 'from jupyter_client.kernelspec import KernelSpecManager as M; print(M().get_kernel_spec("python3").argv[0])')
[ "$kernel_py" = python ] || [ "$kernel_py" = python3 ] && kernel_py=$py   # ipykernel's built-in spec
"$kernel_py" -c 'import pandas, networkx, requests' 2>/dev/null || {
  echo "notebook-test: kernel python3 runs $kernel_py, which cannot import pandas, networkx and requests"
  echo "  (apt-get install python3-pandas python3-networkx python3-requests, and check ~/.local/share/jupyter/kernels)"
  exit 1; }
echo "notebook-test: kernel python3 -> $kernel_py"

"$bin" load --quiet --db "$tmp/g.db" "$corpus"
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --db "$tmp/g.db" --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
up=
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && { up=1; break; }
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
[ -n "$up" ] || { echo "notebook-test: server did not come up"; cat "$tmp/serve.log"; exit 1; }

out=${NOTEBOOK_OUT:-/tmp/ipgraph-notebook}
mkdir -p "$out"
rc=0
IPGRAPH_URL="http://127.0.0.1:$port" PYDEVD_DISABLE_FILE_VALIDATION=1 \
  "$py" -m nbconvert --to notebook --execute \
    --ExecutePreprocessor.timeout=120 --ExecutePreprocessor.kernel_name=python3 \
    --output-dir "$out" --output notebook.executed "$notebook" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "notebook-test: FAILED (nbconvert exit $rc); server log:"
  tail -n 50 "$tmp/serve.log"
  exit 1
fi
echo "notebook-test: ok, executed notebook in $out/notebook.executed.ipynb"
echo "notebook: 1 passed, 0 failed"
