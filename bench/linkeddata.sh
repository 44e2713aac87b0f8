#!/usr/bin/env bash
# Linked-data benchmark (issue 4): requests per second and p99 latency of
# one entity's Turtle document served by movingcities, against nginx
# serving the same bytes from a file, on this machine, in one run.
#
# Fair by construction: both servers get one core (the service with
# GOMAXPROCS=1, nginx with one worker, both pinned to CPU 0 when there are
# two or more), the load generator (wrk) another; both write an access
# log line per request to a file; both keep connections alive. Go's own
# http.FileServer on the same bytes shows the floor of net/http. Rounds
# alternate between the two so that a noisy neighbour hurts both; the
# medians are compared. The servers' CPU time per request is reported
# too: unlike requests/s, it does not depend on other load on the machine.
#
#   bash bench/linkeddata.sh
#   BENCH_PATH=/municipalities/munich.ttl BENCH_DURATION=20s BENCH_ROUNDS=5 bash bench/linkeddata.sh
#
# Installs wrk and nginx-light (Debian) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/lib.sh

path=${BENCH_PATH:-/municipalities/gdansk.ttl}
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-32}
rounds=${BENCH_ROUNDS:-3}

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v taskset >/dev/null || need+=(util-linux)
install_missing "${need[@]}"
nginx=$(command -v nginx || echo /usr/sbin/nginx)

new_workdir

# One core each for the server under test and for wrk, when there are two.
server_cpus="" load_cpus=""
if [ "$(nproc)" -ge 2 ]; then
  server_cpus="taskset -c 0" load_cpus="taskset -c 1"
fi


wait_for() {
  for _ in $(seq 200); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "no answer from $1"; return 1
}

# The service, on a fresh database with the seed.
(cd "$root" && go build -o "$work/movingcities" ./cmd/movingcities)
port=$(free_port)
base="http://127.0.0.1:$port"
MOVINGCITIES_ADDR="127.0.0.1:$port" MOVINGCITIES_DB="$work/bench.db" MOVINGCITIES_BASE_URI="$base" \
  GOMAXPROCS=1 $server_cpus "$work/movingcities" serve 2>"$work/service.log" &
pids+=($!)
service_pid=$!
wait_for "$base/healthz"

# The same bytes, as a file.
mkdir -p "$work/www"
file=$(basename "$path")
curl -fsS "$base$path" -o "$work/www/$file"
chmod -R a+rX "$work/www"

nport=$(free_port)
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  types { text/turtle ttl; application/n-triples nt; application/ld+json jsonld; application/rdf+xml rdf; }
  access_log $work/nginx-access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
EOF
$server_cpus "$nginx" -c "$work/nginx.conf" &
pids+=($!)
nginx_pid=$!
wait_for "http://127.0.0.1:$nport/$file"

# The floor of Go's net/http: its own file server on the same bytes, with
# no middleware and no log, on one core too.
cat >"$work/fileserver.go" <<'GO'
package main

import (
	"net/http"
	"os"
)

func main() { panic(http.ListenAndServe(os.Args[1], http.FileServer(http.Dir(os.Args[2])))) }
GO
(cd "$work" && GO111MODULE=off go build -o fileserver fileserver.go)
gport=$(free_port)
GOMAXPROCS=1 $server_cpus "$work/fileserver" "127.0.0.1:$gport" "$work/www" &
pids+=($!)
go_pid=$!
wait_for "http://127.0.0.1:$gport/$file"

service_url="$base$path"
static_url="http://127.0.0.1:$nport/$file"
go_url="http://127.0.0.1:$gport/$file"
for u in "$static_url" "$go_url"; do
  cmp -s <(curl -fsS "$service_url") <(curl -fsS "$u") || { echo "$u serves other bytes than $service_url"; exit 1; }
done
bytes=$(wc -c <"$work/www/$file")

# cpu_ticks PID prints the CPU time (user + system, in clock ticks) of
# the process and its children (nginx's worker).
cpu_ticks() {
  local total=0 p
  for p in "$1" $(pgrep -P "$1" 2>/dev/null); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$p/stat")))
  done
  echo "$total"
}

# run DURATION URL PID prints "requests/s p99-ms cpu-µs-per-request": the
# server's CPU time per request does not depend on what else the machine
# runs, so it backs the throughput figures on a busy machine.
run() {
  local before after
  before=$(cpu_ticks "$3")
  $load_cpus wrk -t1 -c"$connections" -d"$1" --latency "$2" >"$work/wrk.out"
  after=$(cpu_ticks "$3")
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    /requests in/ { n = $1 }
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
      ms = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v
    }
    END { printf "%.0f %.2f %.1f\n", rps, ms, ticks / hz * 1e6 / n }' "$work/wrk.out"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "entity: $path ($bytes bytes of Turtle); wrk: 1 thread, $connections connections, $duration a round, $rounds rounds"
echo "cores: $(nproc)${server_cpus:+ (servers on CPU 0, wrk on CPU 1)}; $(uname -sr); $(go version | cut -d' ' -f3); $("$nginx" -v 2>&1 | cut -d' ' -f3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run 2s "$static_url" "$nginx_pid" >/dev/null
run 2s "$service_url" "$service_pid" >/dev/null
run 2s "$go_url" "$go_pid" >/dev/null
: >"$work/static" ; : >"$work/service" ; : >"$work/go"
for r in $(seq "$rounds"); do
  read -r a b c < <(run "$duration" "$static_url" "$nginx_pid"); echo "$a $b $c" >>"$work/static"
  read -r x y z < <(run "$duration" "$service_url" "$service_pid"); echo "$x $y $z" >>"$work/service"
  read -r g h i < <(run "$duration" "$go_url" "$go_pid"); echo "$g $h $i" >>"$work/go"
  echo "round $r: nginx $a req/s, p99 $b ms, $c µs CPU/req | movingcities $x req/s, p99 $y ms, $z µs CPU/req | Go FileServer $g req/s, p99 $h ms, $i µs CPU/req"
done
col() { cut -d' ' -f"$1" "$2" | median; }
s_rps=$(col 1 "$work/static") s_p99=$(col 2 "$work/static") s_cpu=$(col 3 "$work/static")
m_rps=$(col 1 "$work/service") m_p99=$(col 2 "$work/service") m_cpu=$(col 3 "$work/service")
g_rps=$(col 1 "$work/go") g_p99=$(col 2 "$work/go") g_cpu=$(col 3 "$work/go")
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server | requests/s | p99 latency | CPU per request |"
echo "|---|---|---|---|"
echo "| nginx, static file (the baseline) | $s_rps | $s_p99 ms | $s_cpu µs |"
echo "| movingcities, $path | $m_rps | $m_p99 ms | $m_cpu µs |"
echo "| Go net/http FileServer, same file | $g_rps | $g_p99 ms | $g_cpu µs |"
echo "(medians of $rounds rounds)"
awk -v m="$m_rps" -v s="$s_rps" -v g="$g_rps" -v mc="$m_cpu" -v sc="$s_cpu" -v gc="$g_cpu" 'BEGIN {
  printf "\nmovingcities / nginx: %.2f of its requests/s as measured, %.2f from CPU per request (aim: at least 0.80)\n", m / s, sc / mc
  printf "movingcities / Go FileServer: %.2f as measured, %.2f from CPU per request\n", m / g, gc / mc }'
