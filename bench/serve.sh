#!/usr/bin/env bash
# Serving-side benchmark (issue 18), at N synthetic municipalities
# (`movingcities gen --municipalities N --seed 1`, 100,000 by default),
# on SQLite, in one run:
#   - import into a new database: wall time and peak RSS (best of RUNS);
#   - `serve` from exec to /readyz 200 (best of RUNS);
#   - entities' Turtle documents (BENCH_PATHS) against nginx serving the
#     same bytes from a file: both with their default worker counts
#     (nginx `worker_processes auto`, Go's GOMAXPROCS), unpinned, both
#     writing an access log, the same wrk settings, rounds interleaved
#     A B A B; medians of requests/s and of p99 latency;
#   - a reconciliation batch of 100 queries (1.0 draft, names drawn from
#     the data, half with a country condition) POSTed one after another:
#     p99 latency over HTTP.
# Prints a human table and one line per figure of the form
#   ROW|measure|figure|baseline|ratio|target|met
# that bench/perf.sh collects. The machine may be shared: the load
# average before and after is printed, and figures are best-of or medians.
#
#   bash bench/serve.sh                # 100000 municipalities, 3 runs
#   bash bench/serve.sh 10000 1        # a quick look
#   BENCH_BIN=/tmp/old/movingcities bash bench/serve.sh   # a baseline binary
#   BENCH_DURATION=10s BENCH_ROUNDS=3 BENCH_PATHS=/municipalities/gdansk.ttl bash bench/serve.sh
#
# Installs wrk and nginx-light (Debian) when missing, as linkeddata.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/lib.sh
n=${1:-100000}
runs=${2:-3}
# The issue's document is 3 KB: Anderlues' Turtle (2,982 B, near the
# seed's median of 3.4 KB); Gdańsk's (6.7 KB) is one of the larger ones.
paths=${BENCH_PATHS:-/municipalities/anderlues.ttl /municipalities/gdansk.ttl}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
rounds=${BENCH_ROUNDS:-3}

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v node >/dev/null || need+=(nodejs)
[ -x /usr/bin/time ] || need+=(time)
install_missing "${need[@]}"
nginx=$(command -v nginx || echo /usr/sbin/nginx)

new_workdir
unset MOVINGCITIES_DB MOVINGCITIES_ADDR MOVINGCITIES_BASE_URI MOVINGCITIES_DUMPS_DIR

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# row MEASURE FIGURE BASELINE RATIO TARGET MET
row() { printf 'ROW|%s|%s|%s|%s|%s|%s\n' "$@" >>"$work/rows"; }
yesno() { awk "BEGIN { exit !($1) }" && echo yes || echo no; }

# BENCH_BIN: a binary built elsewhere (a baseline), else this checkout's.
bin=${BENCH_BIN:-$work/movingcities}
[ -n "${BENCH_BIN:-}" ] || go build -o "$bin" ./cmd/movingcities
"$bin" gen --municipalities "$n" --seed 1 --out "$work/data.json"
echo "serve benchmark: $n synthetic municipalities, $(nproc) cores, $(uname -sr), $(go version | cut -d' ' -f3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Import into a new database, best of runs; the last database is served.
imp_ms="" imp_kb=""
for r in $(seq "$runs"); do
  rm -f "$work"/bench.db*
  /usr/bin/time -f '%e %M' -o "$work/time" env MOVINGCITIES_DB="sqlite://$work/bench.db" \
    "$bin" import "$work/data.json" >/dev/null 2>"$work/import.log" || { cat "$work/import.log" >&2; exit 1; }
  read -r secs kb <"$work/time"
  t=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')
  [ -z "$imp_ms" ] || [ "$t" -lt "$imp_ms" ] && imp_ms=$t
  [ -z "$imp_kb" ] || [ "$kb" -lt "$imp_kb" ] && imp_kb=$kb
  echo "import run $r: $secs s, peak RSS $((kb / 1024)) MiB"
done
db="sqlite://$work/bench.db"

# serve DB -> starts the service on a free port (base in $base, pid in
# $service_pid) and prints ms from exec to /readyz 200. The dumps folder
# notes a run just made, so no catch-up release competes with the start.
serve() {
  mkdir -p "$work/releases"
  date -u +%Y-%m-%dT%H:%M:%SZ >"$work/releases/.last-run"
  port=$(free_port)
  base="http://127.0.0.1:$port"
  local start; start=$(date +%s%N)
  MOVINGCITIES_DB=$1 MOVINGCITIES_ADDR=127.0.0.1:$port MOVINGCITIES_BASE_URI=$base \
    MOVINGCITIES_DUMPS_DIR=$work/releases "$bin" serve 2>"$work/serve.log" &
  service_pid=$!
  until curl -fsS "$base/readyz" >/dev/null 2>&1; do
    kill -0 "$service_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.02
  done
  ms "$start"
}
ready_ms=""
for r in $(seq "$runs"); do
  serve "$db" >"$work/ready"
  t=$(cat "$work/ready")
  echo "start-up run $r: $t ms to /readyz"
  [ -z "$ready_ms" ] || [ "$t" -lt "$ready_ms" ] && ready_ms=$t
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
done
# The service that the next figures are measured on.
serve "$db" >/dev/null
pids+=("$service_pid")
# The full-text index is built in the background after /readyz (2.4 s at
# 10,000 on a loaded 2-core machine, ten times that at 100,000): the
# rounds below measure serving documents, not that build competing with it.
for _ in $(seq 1200); do grep -q 'full-text index built' "$work/serve.log" && break; sleep 0.1; done

# The same Turtle bytes, as files served by nginx with its defaults.
mkdir -p "$work/www"
for p in $paths; do curl -fsS "$base$p" -o "$work/www/$(basename "$p")"; done
chmod -R a+rX "$work/www"
nport=$(free_port)
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  types { text/turtle ttl; }
  access_log $work/nginx-access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
EOF
"$nginx" -c "$work/nginx.conf" &
pids+=($!)

# wrk_run DURATION URL [ARGS...] prints "requests/s p99-ms".
wrk_run() {
  local d=$1 u=$2; shift 2
  wrk -t1 -c"$connections" -d"$d" --latency "$@" "$u" >"$work/wrk.out"
  awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      ms = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v
    }
    END { printf "%.0f %.3f\n", rps, ms }' "$work/wrk.out"
}
col() { cut -d' ' -f"$1" "$2" | median; }
for p in $paths; do
  file=$(basename "$p")
  static_url="http://127.0.0.1:$nport/$file"
  service_url="$base$p"
  for _ in $(seq 200); do curl -fsS -o /dev/null "$static_url" 2>/dev/null && break; sleep 0.05; done
  cmp -s <(curl -fsS "$service_url") <(curl -fsS "$static_url") || { echo "nginx serves other bytes than $service_url"; exit 1; }
  bytes=$(wc -c <"$work/www/$file")
  echo "entity: $p ($bytes bytes of Turtle); wrk: 1 thread, $connections connections, $duration a round, $rounds rounds each, interleaved"
  wrk_run 2s "$static_url" >/dev/null
  wrk_run 2s "$service_url" >/dev/null
  : >"$work/nginx" ; : >"$work/service"
  for r in $(seq "$rounds"); do
    read -r a b < <(wrk_run "$duration" "$static_url"); echo "$a $b" >>"$work/nginx"
    read -r x y < <(wrk_run "$duration" "$service_url"); echo "$x $y" >>"$work/service"
    echo "round $r: nginx $a req/s, p99 $b ms | movingcities $x req/s, p99 $y ms"
  done
  n_rps=$(col 1 "$work/nginx") n_p99=$(col 2 "$work/nginx")
  m_rps=$(col 1 "$work/service") m_p99=$(col 2 "$work/service")
  echo "$file|$bytes|$m_rps|$n_rps|$m_p99|$n_p99" >>"$work/documents"
done

# Reconciliation: one batch of 100 queries drawn from the data, POSTed
# by one client after another (as OpenRefine sends them).
node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const m = d.municipalities, qs = [];
let s = 1;
const next = k => (s = (s * 48271) % 2147483647) % k;
for (let i = 0; i < 100; i++) {
  const x = m[next(m.length)], langs = Object.keys(x.names), name = x.names[langs[next(langs.length)]];
  const conds = [{ matchType: "name", propertyValue: name }];
  if (i % 2) conds.push({ matchType: "property", propertyId: "country", propertyValue: x.country });
  qs.push({ type: "municipality", limit: 5, conditions: conds });
}
process.stdout.write(JSON.stringify({ queries: qs }));' "$work/data.json" >"$work/batch.json"
cat >"$work/post.lua" <<EOF
local f = io.open("$work/batch.json", "rb")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
EOF
rec_url="$base/reconcile/reconcile"
curl -fsS -o "$work/answer.json" -H 'Content-Type: application/json' --data-binary @"$work/batch.json" "$rec_url" ||
  { echo "the reconciliation batch failed"; exit 1; }
read -r rec_rps rec_p99 < <(connections=1 wrk_run "$duration" "$rec_url" -s "$work/post.lua")
echo "reconciliation: batches of 100 queries, 1 connection, $duration: $rec_rps batches/s, p99 $rec_p99 ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

sec() { awk -v m="$1" 'BEGIN { printf "%.2f s", m / 1000 }'; }
row "import of ${n} municipalities, SQLite (best of $runs)" "$(sec "$imp_ms")" - - "≤ 10 s" "$(yesno "$imp_ms <= 10000")"
row "import of ${n} municipalities, peak RSS" "$((imp_kb / 1024)) MiB" - - "≤ 512 MiB" "$(yesno "$imp_kb <= 512 * 1024")"
row "start-up to ready at ${n}, SQLite (best of $runs)" "$(sec "$ready_ms")" - - "≤ 2 s" "$(yesno "$ready_ms <= 2000")"
while IFS='|' read -r file bytes m_rps n_rps m_p99 n_p99; do
  row "Turtle entity document $file ($bytes B), requests/s" "$m_rps req/s" "nginx $n_rps req/s" \
    "$(awk -v a="$m_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')" "≥ 0.80× nginx" "$(yesno "$m_rps >= 0.8 * $n_rps")"
  row "Turtle entity document $file ($bytes B), p99 latency" "$m_p99 ms" "nginx $n_p99 ms" \
    "$(awk -v a="$m_p99" -v b="$n_p99" 'BEGIN { printf "%.2f", a / b }')" "≤ 2× nginx" "$(yesno "$m_p99 <= 2 * $n_p99")"
done <"$work/documents"
row "reconciliation batch of 100 at ${n}, p99" "$rec_p99 ms" - - "≤ 200 ms" "$(yesno "$rec_p99 <= 200")"
echo
echo "| measure | figure | baseline | ratio | target | met |"
echo "|---|---|---|---|---|---|"
awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7 }' "$work/rows"
echo
cat "$work/rows"
