#!/usr/bin/env bash
# Every performance figure in one table (issue 18): runs each bench/*.sh
# that prints "ROW|measure|figure|baseline|ratio|target|met" lines and
# prints all those lines as one Markdown table, with the machine's load
# before and after each part (the machine is shared: compare ratios).
# Usage: bench/perf.sh   (env: BENCH_PARTS="release other" runs only
#        bench/release.sh and bench/other.sh; the parts' own env applies)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

parts=()
if [ -n "${BENCH_PARTS:-}" ]; then
	for p in $BENCH_PARTS; do
		[ -f "bench/$p.sh" ] || { echo "perf.sh: no bench/$p.sh" >&2; exit 2; }
		parts+=("$p")
	done
else
	for f in bench/*.sh; do
		p=$(basename "$f" .sh)
		[ "$p" = perf ] && continue
		grep -q 'ROW|' "$f" && parts+=("$p")
	done
fi
[ ${#parts[@]} -gt 0 ] || { echo "perf.sh: no part prints ROW lines" >&2; exit 2; }

failed=()
for p in "${parts[@]}"; do
	echo "== $p ($(uptime))" >&2
	echo "$p|$(uptime | sed 's/.*load average: //')" >>"$work/load"
	if ! bash "bench/$p.sh" >"$work/$p.out"; then
		failed+=("$p")
		echo "perf.sh: bench/$p.sh failed" >&2
	fi
	grep -v '^ROW|' "$work/$p.out" >&2 || true # the part's own table and details
	grep '^ROW|' "$work/$p.out" | sed "s/^ROW|/$p|/" >>"$work/rows" || true
done

echo "| part | measure | figure | baseline | ratio | target | met |"
echo "|---|---|---|---|---|---|---|"
[ -f "$work/rows" ] && awk -F'|' '{ line = "|"; for (i = 1; i <= NF; i++) line = line " " $i " |"; print line }' "$work/rows"
echo
echo "Load average (1, 5, 15 min) when each part started: $(sed 's/|/: /' "$work/load" | paste -sd ';' | sed 's/;/; /g'); after: $(uptime | sed 's/.*load average: //')."
[ ${#failed[@]} -eq 0 ] || { echo "Failed parts: ${failed[*]}"; exit 1; }
