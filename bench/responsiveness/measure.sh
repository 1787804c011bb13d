#!/usr/bin/env bash
# How quickly a team server answers small requests while heavy ones run: one `stepwise serve` on a copy of the demo
# workspace, a light read (a review) and a light write (a line of the communication log) timed every 100 ms, first on
# an idle server, then while K clients ask for the heaviest report over and over (the analysts' PDF and deck).
#
# Usage: bench/responsiveness/measure.sh [K...]        (default: 4 12)
#   PORT      where the throwaway server listens (default 5199, on 127.0.0.1)
#   SECONDS_  how long each loaded phase samples (default 40)
#   SOURCE    the workspace copied for the run (default out/demo.db, which ./demo.sh makes); it must hold a process
#             review with a stakeholder, and the account "Improvement lead" as one of its owners
# Record the results in docs/benchmarks.md with the load average printed here.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
port="${PORT:-5199}"
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(4 12)
source_db="${SOURCE:-$root/out/demo.db}"
[ -f "$source_db" ] || { echo "measure.sh: no workspace at $source_db; run ./demo.sh first, or give SOURCE" >&2; exit 2; }

work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp "$source_db" "$work/ws.db"
if [ -f "$source_db-wal" ]; then cp "$source_db-wal" "$work/ws.db-wal"; fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), .NET $(dotnet --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
"$root/stepwise" --version > /dev/null
token="$("$root/stepwise" token create --workspace "$work/ws.db" --by "Improvement lead" --name responsiveness --format json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
"$root/stepwise" serve --workspace "$work/ws.db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && break
  sleep 1
done
curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" || { echo "measure.sh: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

python3 "$root/bench/responsiveness/measure.py" "http://127.0.0.1:$port/api/v1" "$token" "${SECONDS_:-40}" "${clients[@]}"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
