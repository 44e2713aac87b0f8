#!/usr/bin/env bash
# Test-suite wall time (issue 18): `go test -race -count=1 ./...`, the
# README's test command, uncached, with a throwaway PostgreSQL cluster as
# in CI (.ci/postgres.sh) so that the PostgreSQL tests run rather than
# skip. Prints the load average beside the time: the machine is shared,
# so compare runs at similar load. One ROW line for the combined table.
# Usage: bench/tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CI=1
source .ci/postgres.sh
trap pg_stop EXIT
pg_start
log=$(mktemp)
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
start=$(date +%s.%N)
status=0
go test -race -count=1 ./... >"$log" 2>&1 || status=$?
end=$(date +%s.%N)
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
grep -E '^(ok|FAIL|---)' "$log" >&2 || true
rm -f "$log"
secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
met="met"
if [ "$status" -ne 0 ]; then
  met="not met (tests failed)"
elif [ "$secs" -gt 300 ]; then
  met="not met"
fi
echo "ROW|go test -race ./... wall time|${secs} s|target ≤ 300 s|${met}"
