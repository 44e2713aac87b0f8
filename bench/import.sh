#!/usr/bin/env bash
# Import memory benchmark (issue 16): peak RSS of `validate --standalone`
# (decode, merge, validate) and of `import` into a new database, for a
# synthetic file of N municipalities (synth seed 1), with this checkout's
# binary and with a baseline built from BASE (a git revision), interleaved
# in the same run, twice. Prints one table and the ratios.
# Usage: bench/import.sh [BASE] [MUNICIPALITIES]   e.g. bench/import.sh main 100000
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-main}
n=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/new" ./cmd/movingcities
mkdir "$work/src"
git archive "$base" | tar -x -C "$work/src"
(cd "$work/src" && go build -o "$work/old" ./cmd/movingcities)
"$work/new" gen --municipalities "$n" --seed 1 --out "$work/in.json"
# validate: validate --standalone (decode, merge, validate, no database)
printf '%-8s %-9s %6s %14s %10s\n' binary command round "peak RSS MiB" seconds
for round in 1 2; do
  for bin in old new; do
    for cmd in validate import; do
      args=("$cmd")
      [ "$cmd" = validate ] && args+=(--standalone)
      rm -f "$work"/db*
      /usr/bin/time -f '%M %e' -o "$work/t" env MOVINGCITIES_DB="$work/db" "$work/$bin" "${args[@]}" "$work/in.json" >/dev/null 2>&1
      read -r kb secs <"$work/t"
      printf '%-8s %-9s %6s %14d %10s\n' "$bin" "$cmd" "$round" "$((kb / 1024))" "$secs" | tee -a "$work/rows"
    done
  done
done
awk -v base="$base" -v size="$(stat -c %s "$work/in.json")" '
  { if ($1 == "old") old[$2] += $4; else new[$2] += $4 }
  END {
    printf "\n%d-byte file; baseline %s\n", size, base
    for (k in old) printf "%-9s new/old peak RSS = %.2f\n", k, new[k] / old[k]
  }' "$work/rows"
