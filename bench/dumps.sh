#!/usr/bin/env bash
# Dumps benchmark (issue 6): a full release of 100,000 synthetic
# municipalities (synth seed 1) — time and peak memory — and DuckDB
# writing the same municipalities table from the release's CSV as Parquet
# in the same run, against our Parquet writer's time for that file.
# Usage: bench/dumps.sh [MUNICIPALITIES]   (needs e2e/node_modules)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/dumpsbench" ./bench/dumps
/usr/bin/time -f '%M' -o "$work/maxrss" "$work/dumpsbench" --municipalities "$n" --out "$work/dumps" >"$work/go.json"
release="$work/dumps/run-1/$(readlink "$work/dumps/run-1/latest")"
(cd "$root/e2e" && node "$root/bench/duckdb.mjs" "$release" municipalities) >"$work/duckdb.json"

node - "$work/go.json" "$work/duckdb.json" "$(cat "$work/maxrss")" <<'JS'
const fs = require("fs");
const [goFile, duckFile, maxrssKiB] = process.argv.slice(2);
const g = JSON.parse(fs.readFileSync(goFile, "utf8"));
const d = JSON.parse(fs.readFileSync(duckFile, "utf8"));
const mib = (b) => (b / 1048576).toFixed(0) + " MiB";
const s = (x) => x.toFixed(2) + " s";
const ours = g.file_seconds["municipalities.parquet"];
console.log(`dumps benchmark: ${g.municipalities} municipalities, ${g.memberships} memberships, ${g.approaches} approaches (GOMAXPROCS ${g.gomaxprocs})`);
console.log(`full release (best of ${g.runs}): ${s(g.release_seconds)}, ${mib(g.release_bytes)} on disk, ${Object.keys(g.file_seconds).length} files`);
console.log(`peak RSS of the process (dataset and snapshot included): ${mib(maxrssKiB * 1024)}; live heap before the releases ${mib(g.heap_before_bytes)}, largest heap (live and garbage) while writing ${mib(g.peak_heap_alloc_bytes)}`);
console.log("slowest files (best of the runs):");
for (const [f, t] of Object.entries(g.file_seconds).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${f.padEnd(28)} ${s(t)}  ${mib(g.file_bytes[f] ?? 0)}`);
console.log(`municipalities.parquet, ours (best of ${g.runs}): ${s(ours)} (${mib(d.ours_bytes)}); DuckDB from the release's CSV, best of 3:`);
for (const [k, v] of Object.entries(d)) {
  if (typeof v !== "object") continue;
  console.log(`  DuckDB ${k.padEnd(24)} ${s(v.best_seconds)} (${mib(v.bytes)})  ours/DuckDB = ${(ours / v.best_seconds).toFixed(2)}x`);
}
JS
