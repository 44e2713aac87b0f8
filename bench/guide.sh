#!/usr/bin/env bash
# Guide and profiles benchmark (issue 20): a full release of the seed data
# and of 10,000 synthetic municipalities (synth seed 1), reporting the time
# and size of the PDFs (guide-{lang}.pdf and profiles-en.pdf) against the
# rest of the same release, measured in the same run as the baseline.
# Usage: bench/guide.sh [MUNICIPALITIES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
runs=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/dumpsbench" ./bench/dumps
"$work/dumpsbench" --seed-data --runs "$runs" --out "$work/seed" >"$work/seed.json"
"$work/dumpsbench" --municipalities "$n" --runs "$runs" --out "$work/synth" >"$work/synth.json"

node - "$work/seed.json" "$work/synth.json" <<'JS'
const fs = require("fs");
const mib = (b) => (b / 1048576).toFixed(1) + " MiB";
const s = (x) => x.toFixed(2) + " s";
for (const [label, file] of [["seed", process.argv[2]], ["synthetic", process.argv[3]]]) {
  const g = JSON.parse(fs.readFileSync(file, "utf8"));
  const isPDF = (f) => f.endsWith(".pdf");
  // The one-file archive holds every other file again, the PDFs too: it
  // is counted apart.
  const isArchive = (f) => /^movingcities-.*\.zip$/.test(f);
  let pdfS = 0, restS = 0, pdfB = 0, restB = 0, guideS = 0, guideB = 0, pdfC = 0, restC = 0;
  let archS = 0, archB = 0, archC = 0;
  for (const [f, t] of Object.entries(g.file_seconds)) {
    if (isArchive(f)) archS += t; else if (isPDF(f)) pdfS += t; else restS += t;
    if (/^guide-.*\.pdf$/.test(f)) guideS += t;
  }
  for (const [f, t] of Object.entries(g.file_cpu_seconds)) {
    if (isArchive(f)) archC += t; else if (isPDF(f)) pdfC += t; else restC += t;
  }
  for (const [f, b] of Object.entries(g.file_bytes)) {
    if (isArchive(f)) archB += b; else if (isPDF(f)) pdfB += b; else restB += b;
    if (/^guide-.*\.pdf$/.test(f)) guideB += b;
  }
  const prof = g.file_seconds["profiles-en.pdf"] ?? 0;
  console.log(`${label}: ${g.municipalities} municipalities (GOMAXPROCS ${g.gomaxprocs}, best of ${g.runs})`);
  console.log(`  whole release ${s(g.release_seconds)}, ${mib(g.release_bytes)}`);
  console.log(`  the other files (baseline) ${s(restS)}, ${mib(restB)}; the one-file archive (all of them again) ${s(archS)}, ${mib(archB)}`);
  console.log(`  all PDFs ${s(pdfS)} = ${(pdfS / restS).toFixed(2)}x the baseline; ${mib(pdfB)} = ${(pdfB / restB).toFixed(2)}x`);
  console.log(`  CPU time (all threads): PDFs ${s(pdfC)}, the other files ${s(restC)}: ${(pdfC / restC).toFixed(2)}x; the archive ${s(archC)}`);
  console.log(`    7 guides ${s(guideS)}, ${mib(guideB)}; profiles-en.pdf ${s(prof)} (${(1000 * prof / g.municipalities).toFixed(2)} ms a profile), ${mib(g.file_bytes["profiles-en.pdf"] ?? 0)}`);
}
JS
