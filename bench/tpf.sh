#!/usr/bin/env bash
# Triple Pattern Fragments benchmark (issue 21), at the seed's size and at
# 10,000 synthetic municipalities (synth seed 1, imported over the seed):
#  - pattern requests per second and their p99 through the handler, against
#    serving a precomputed entity document in the same loop
#    (BenchmarkFragments in api/);
#  - the p99 of the example SPARQL queries (tpf/queries) run by Comunica over
#    the running server's /fragments, against Oxigraph in memory over the
#    N-Triples dump of the same revision (bench/tpf.mjs).
# Usage: bash bench/tpf.sh   (BENCH_SIZES="seed 10000", BENCH_ROUNDS=3,
# BENCH_TIMEOUT=600 seconds a query, BENCH_GO=0 to skip the Go benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

if [ "${BENCH_GO:-1}" = 1 ]; then
  go test ./api -run '^$' -bench Fragments -benchtime "${BENCH_GO_N:-5000}x"
fi

(cd e2e && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
go build -o "$work/movingcities" ./cmd/movingcities
for size in ${BENCH_SIZES:-seed 10000}; do
  export MOVINGCITIES_DB="$work/$size.db" MOVINGCITIES_DUMPS_DIR="$work/dumps-$size"
  if [ "$size" != seed ]; then
    "$work/movingcities" gen --municipalities "$size" --seed 1 --out "$work/$size.json"
    "$work/movingcities" import "$work/$size.json" >/dev/null
  fi
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  export MOVINGCITIES_ADDR="127.0.0.1:$port" MOVINGCITIES_BASE_URI="http://127.0.0.1:$port"
  "$work/movingcities" serve 2>"$work/server-$size.log" &
  pid=$!
  until curl -fsS "$MOVINGCITIES_BASE_URI/healthz" >/dev/null 2>&1; do sleep 0.2; done
  "$work/movingcities" dump --out "$work/release-$size" >/dev/null
  release="$work/release-$size/$(readlink "$work/release-$size/latest")"
  echo "== $size: $(grep -c . <(zcat "$release/dataset.nt.gz")) triples"
  (cd e2e && node ../bench/tpf.mjs "$MOVINGCITIES_BASE_URI" "$release/dataset.nt.gz" "${BENCH_ROUNDS:-3}" "${BENCH_TIMEOUT:-600}") | tee "$work/$size.json.out" |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);
      console.log(`queries (${Object.keys(r.queries).length}, ${r.rounds} rounds): Comunica over /fragments p50 ${r.comunica_p50_ms.toFixed(0)} ms, p99 ${r.comunica_p99_ms.toFixed(0)} ms; Oxigraph over the dump p50 ${r.oxigraph_p50_ms.toFixed(1)} ms, p99 ${r.oxigraph_p99_ms.toFixed(1)} ms; p99 ratio ${r.x_oxigraph_p99.toFixed(0)}x`);
      for (const [n,q] of Object.entries(r.queries)) if (q.timeout||q.mismatch) console.log(`  ${n}: ${q.timeout?"timed out":q.mismatch}`);})'
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
