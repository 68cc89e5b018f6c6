#!/usr/bin/env bash
# Load benchmark of POST /sets on the demo library with wrk (Debian `wrk`): starts `segue serve`
# on a free port, drives it with 2 threads and 8 connections for DURATION seconds (default 300),
# samples the server's resident memory every 10 s, and prints requests/s, latency percentiles,
# errors and the memory samples (flat memory = no leak).
# Usage: Benchmarks/api/load.sh SEGUE LIBRARY [DURATION]
set -euo pipefail
segue=$1; library=$2; duration=${3:-300}
here=$(cd "$(dirname "$0")" && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
log=$(mktemp)
"$segue" serve --library "$library" --port 0 --log-level warning > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 100); do grep -q "listening on" "$log" && break; sleep 0.1; done
base=$(grep -o "http://[^ ]*" "$log" | head -1)
seeds=$(curl -s "$base/tracks?limit=1000" | python3 -c "import json,sys; print(','.join(str(t['id']) for t in json.load(sys.stdin)['tracks']))")
echo "server $base, pid $server, $(echo "$seeds" | tr ',' '\n' | wc -l) seed tracks, ${duration} s"
( for _ in $(seq 0 10 "$duration"); do echo "rss_mb $(( $(awk '/VmRSS/ {print $2}' /proc/$server/status) / 1024 ))"; sleep 10; done ) &
sampler=$!
SEGUE_SEEDS=$seeds wrk -t 2 -c 8 -d "${duration}s" --latency -s "$here/post_set.lua" "$base" | grep -E "Requests/sec|requests|latency p50"
wait $sampler 2>/dev/null || true
