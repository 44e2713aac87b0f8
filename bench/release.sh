#!/usr/bin/env bash
# Release benchmark (issue 18), every figure in ONE run so that the ratios
# compare things measured under the same load of the shared machine:
#   - a full release (PDFs included) at SMALL and LARGE synthetic
#     municipalities: wall time, peak RSS of the process, and the scaling
#     ratio LARGE/SMALL;
#   - our N-Triples writer against Debian's rapper converting the same
#     triples (rapper -i ntriples -o ntriples), wall and CPU time;
#   - our municipalities.parquet against DuckDB writing the same rows from
#     the release's CSV as Parquet (zstd), typed, default threads.
# It prints one "ROW|measure|figure|baseline|ratio|target|met" line per
# figure (bench/perf.sh collects them) and a readable table.
# Usage: bench/release.sh   (env: RELEASE_SMALL=10000 RELEASE_LARGE=100000
#        RELEASE_RUNS=1; needs e2e/node_modules and rapper from raptor2-utils)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
small=${RELEASE_SMALL:-10000}
large=${RELEASE_LARGE:-100000}
runs=${RELEASE_RUNS:-1}
command -v rapper >/dev/null || { echo "release.sh: rapper is missing (apt-get install raptor2-utils)" >&2; exit 1; }
[ -d e2e/node_modules/@duckdb ] || { echo "release.sh: e2e/node_modules is missing (cd e2e && npm ci)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(uptime)" >&2
go build -o "$work/dumpsbench" ./bench/dumps

# release N: one process, its peak RSS from time(1), its JSON report.
release() {
	local n=$1
	/usr/bin/time -f '%M' -o "$work/rss-$n" "$work/dumpsbench" --municipalities "$n" --runs "$runs" --out "$work/dumps-$n" >"$work/go-$n.json"
}
release "$small"
rm -rf "$work/dumps-$small"
release "$large"
rel="$work/dumps-$large/run-1/$(readlink "$work/dumps-$large/run-1/latest")"

# DuckDB on the large release's municipalities CSV.
(cd e2e && node "$root/bench/duckdb.mjs" "$rel" municipalities) >"$work/duckdb.json"
rm -rf "$work/dumps-$large"

# N-Triples: ours makes and writes the graph of the large dataset
# (uncompressed, the dataset made before the clock starts); rapper parses
# and writes the same triples. Best of 3 each, interleaved.
for i in 1 2 3; do
	"$work/dumpsbench" --municipalities "$large" --ntriples "$work/graph.nt" >"$work/nt-$i.json"
	/usr/bin/time -f '%e %U %S' -o "$work/rapper-$i" rapper -q -i ntriples -o ntriples "$work/graph.nt" >/dev/null
done
echo "load after: $(uptime)" >&2

node - "$work" "$small" "$large" <<'JS'
const fs = require("fs");
const [work, small, large] = process.argv.slice(2);
const j = (f) => JSON.parse(fs.readFileSync(`${work}/${f}`, "utf8"));
const gs = j(`go-${small}.json`), gl = j(`go-${large}.json`), d = j("duckdb.json");
const rss = (n) => Number(fs.readFileSync(`${work}/rss-${n}`, "utf8").trim().split("\n").pop()) / 1024; // MiB
const nt = [1, 2, 3].map((i) => j(`nt-${i}.json`));
const rap = [1, 2, 3].map((i) => fs.readFileSync(`${work}/rapper-${i}`, "utf8").trim().split("\n").pop().split(" ").map(Number));
const ntWall = Math.min(...nt.map((x) => x.ntriples_seconds)), ntCPU = Math.min(...nt.map((x) => x.ntriples_cpu_seconds));
const rapWall = Math.min(...rap.map((x) => x[0])), rapCPU = Math.min(...rap.map((x) => x[1] + x[2]));
const duck = d["threads=default typed"].best_seconds, ours = gl.file_seconds["municipalities.parquet"];
const f = (x, u) => x.toFixed(2) + (u ? " " + u : "");
const rows = [];
const row = (measure, figure, baseline, ratio, target, met) => rows.push([measure, figure, baseline, ratio, target, met ? "yes" : "NO"]);
const k = (n) => (n / 1000) + "k";
row(`release wall time at ${k(large)}`, f(gl.release_seconds, "s"), "-", "-", "≤ 10 s", gl.release_seconds <= 10);
row(`release peak RSS at ${k(large)}`, rss(large).toFixed(0) + " MiB", rss(small).toFixed(0) + ` MiB at ${k(small)}`, (rss(large) / rss(small)).toFixed(2), "≤ 256 MiB", rss(large) <= 256);
const scale = gl.release_seconds / gs.release_seconds, want = (large / small) * 1.1;
row(`release scaling ${k(small)} → ${k(large)}`, f(gl.release_seconds, "s"), f(gs.release_seconds, "s") + ` at ${k(small)}`, f(scale) + "×", `≤ ${want.toFixed(0)}×`, scale <= want);
row(`N-Triples writing, ${nt[0].triples} triples (wall)`, f(ntWall, "s"), f(rapWall, "s") + " rapper", f(ntWall / rapWall) + "×", "≤ 1×", ntWall <= rapWall);
row(`N-Triples writing, ${nt[0].triples} triples (CPU)`, f(ntCPU, "s"), f(rapCPU, "s") + " rapper", f(ntCPU / rapCPU) + "×", "≤ 1×", ntCPU <= rapCPU);
row(`municipalities.parquet at ${k(large)}`, f(ours, "s"), f(duck, "s") + " DuckDB", f(ours / duck) + "×", "≤ 1.5×", ours / duck <= 1.5);
for (const r of rows) console.log(["ROW", ...r].join("|"));
console.log("");
console.log(`release benchmark: ${small} and ${large} synthetic municipalities, best of ${gl.runs} release(s) each, GOMAXPROCS ${gl.gomaxprocs}`);
const head = ["measure", "figure", "baseline", "ratio", "target", "met"];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
for (const r of [head, ...rows]) console.log(r.map((c, i) => String(c).padEnd(w[i])).join("  "));
// The dataset's own live heap is a floor under the peak RSS: the release
// cannot hold less than the snapshot it writes.
const heap = (g) => (g.heap_before_bytes / 1048576).toFixed(0) + " MiB";
const peak = (g) => (g.peak_heap_alloc_bytes / 1048576).toFixed(0) + ` MiB while writing ${g.peak_heap_file ?? "?"}`;
console.log(`\nlive heap of the dataset before the release: ${heap(gs)} at ${k(small)}, ${heap(gl)} at ${k(large)}`);
console.log(`largest heap (live and garbage): ${peak(gs)} at ${k(small)}; ${peak(gl)} at ${k(large)}`);
console.log(`\nslowest files at ${k(large)} (wall, CPU of all threads):`);
for (const [name, t] of Object.entries(gl.file_seconds).sort((a, b) => b[1] - a[1]).slice(0, 8))
  console.log(`  ${name.padEnd(48)} ${f(t, "s")}  ${f(gl.file_cpu_seconds[name] ?? 0, "s CPU")}`);
JS
