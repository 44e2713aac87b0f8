#!/usr/bin/env bash
# Store benchmark (issue 14): import of N synthetic municipalities
# (`movingcities gen --municipalities N --seed 1`, 100,000 by default)
# into a new database, and start-up of `movingcities serve` on it until
# /readyz answers 200, on SQLite and on PostgreSQL in the same run, and
# `migrate` of the SQLite database into PostgreSQL. Figures are best of
# RUNS (3) and given as ratios to SQLite, the embedded default.
# PostgreSQL: MOVINGCITIES_TEST_PG (a server the script may create
# databases on), else a throwaway cluster (.ci/postgres.sh).
# Usage: bench/stores.sh [MUNICIPALITIES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-100000}
runs=${2:-3}
work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  declare -F pg_stop >/dev/null && pg_stop
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "${MOVINGCITIES_TEST_PG:-}" ]; then
  source "$root/.ci/postgres.sh"
  pg_start
fi
pg_server=$MOVINGCITIES_TEST_PG
unset MOVINGCITIES_DB MOVINGCITIES_ADDR MOVINGCITIES_BASE_URI MOVINGCITIES_DUMPS_DIR

go build -o "$work/movingcities" ./cmd/movingcities
bin="$work/movingcities"
"$bin" gen --municipalities "$n" --seed 1 >"$work/data.json"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# A database URL with another database name (the server URL may have no
# host: a Unix socket given by ?host=).
pg_db() { sed -E "s#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/$1#" <<<"$pg_server"; }
psql_do() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -d "$pg_server" -c "$1" >/dev/null; }
fresh() { # fresh KIND RUN -> the --db value of an empty database
  case $1 in
    sqlite) echo "sqlite://$work/bench-$2.db" ;;
    postgres) psql_do "DROP DATABASE IF EXISTS bench_$2 WITH (FORCE)"; psql_do "CREATE DATABASE bench_$2"; pg_db "bench_$2" ;;
  esac
}
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

# ready DB -> ms from exec to /readyz 200. The dumps folder notes a run
# just made, so no catch-up release competes with the start.
ready() {
  mkdir -p "$work/releases"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$work/releases/.last-run"
  local start; start=$(date +%s%N)
  MOVINGCITIES_DB=$1 MOVINGCITIES_ADDR=127.0.0.1:$port MOVINGCITIES_DUMPS_DIR=$work/releases \
    "$bin" serve 2>"$work/serve.log" &
  server_pid=$!
  until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.02
  done
  ms "$start"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
}

declare -A imp start_ready
mig=""
# The stores take turns, run by run, so that a change in the machine's
# load during the run weighs on both alike.
for r in $(seq "$runs"); do
  for kind in sqlite postgres; do
    db=$(fresh "$kind" "${kind}_$r")
    t0=$(date +%s%N)
    MOVINGCITIES_DB=$db "$bin" import "$work/data.json" >/dev/null 2>&1
    t=$(ms "$t0")
    [ -z "${imp[$kind]:-}" ] || [ "$t" -lt "${imp[$kind]}" ] && imp[$kind]=$t
    t=$(ready "$db")
    [ -z "${start_ready[$kind]:-}" ] || [ "$t" -lt "${start_ready[$kind]}" ] && start_ready[$kind]=$t
    if [ "$kind" = sqlite ] && [ "$r" = 1 ]; then src=$db; fi
  done
done
for r in $(seq "$runs"); do
  db=$(fresh postgres "migrate_$r")
  t0=$(date +%s%N)
  "$bin" migrate --from "$src" --to "$db" >/dev/null
  t=$(ms "$t0")
  [ -z "$mig" ] || [ "$t" -lt "$mig" ] && mig=$t
done
for r in $(seq "$runs"); do
  psql_do "DROP DATABASE IF EXISTS bench_postgres_$r WITH (FORCE)"
  psql_do "DROP DATABASE IF EXISTS bench_migrate_$r WITH (FORCE)"
done

records=$(MOVINGCITIES_DB=$src "$bin" export --format json --out - 2>/dev/null | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s);console.log(Object.values(d).reduce((n,v)=>n+(Array.isArray(v)?v.length:0),0))})' || echo "?")
sec() { awk -v m="$1" 'BEGIN{printf "%.2f s", m/1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2fx", a/b}'; }
echo "store benchmark: $n synthetic municipalities ($records records with the seed), best of $runs, $(nproc) cores"
printf '%-10s | %-22s | %-22s\n' store "import into a new db" "serve start to /readyz"
printf '%-10s | %-22s | %-22s\n' ---------- ---------------------- ----------------------
for kind in sqlite postgres; do
  printf '%-10s | %-10s %-11s | %-10s %-11s\n' "$kind" "$(sec "${imp[$kind]}")" "($(ratio "${imp[$kind]}" "${imp[sqlite]}"))" \
    "$(sec "${start_ready[$kind]}")" "($(ratio "${start_ready[$kind]}" "${start_ready[sqlite]}"))"
done
echo "migrate sqlite -> postgres: $(sec "$mig") ($(ratio "$mig" "${imp[sqlite]}") of the SQLite import)"
# One line per figure for bench/perf.sh (issue 18): the targets hold for
# every store. bench/serve.sh measures SQLite's too, with peak RSS.
for kind in sqlite postgres; do
  met() { [ "$1" -le "$2" ] && echo yes || echo no; }
  printf 'ROW|%s|%s|%s|%s|%s|%s\n' "import of $n municipalities, $kind (best of $runs)" "$(sec "${imp[$kind]}")" \
    "sqlite $(sec "${imp[sqlite]}")" "$(ratio "${imp[$kind]}" "${imp[sqlite]}")" "≤ 10 s" "$(met "${imp[$kind]}" 10000)"
  printf 'ROW|%s|%s|%s|%s|%s|%s\n' "start-up to ready at $n, $kind (best of $runs)" "$(sec "${start_ready[$kind]}")" \
    "sqlite $(sec "${start_ready[sqlite]}")" "$(ratio "${start_ready[$kind]}" "${start_ready[sqlite]}")" "≤ 2 s" "$(met "${start_ready[$kind]}" 2000)"
done
