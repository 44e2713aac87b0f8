#!/usr/bin/env bash
# Load test (issue 16): 500 concurrent keep-alive connections for 60 s
# against `movingcities serve` on a loopback port with a fresh database;
# prints requests, errors, latency and the server's resident memory per
# 10-s window. Bounded and loopback only; not part of CI (it takes a minute
# and wants the machine to itself).
# Usage: bench/load.sh [CONNECTIONS] [DURATION]   e.g. bench/load.sh 500 60s
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/movingcities" ./cmd/movingcities
go build -o "$work/load" ./bench/load
"$work/load" --bin "$work/movingcities" --connections "${1:-500}" --duration "${2:-60s}"
