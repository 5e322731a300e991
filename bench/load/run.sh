#!/usr/bin/env bash
# Load benchmark (issue #9): the generated 100,000-provider market in PostgreSQL (or SQLite), the app in Release,
# a mix of directory searches and project pages at 200 requests/s for 60 s, with wrk and with a fixed-rate driver.
# Method and results: docs/benchmarks.md ("Load").
#
#   bench/load/run.sh [--engine postgres|sqlite] [--rate 200] [--seconds 60] [--port 56480] [--fresh] [--skip-wrk] [--skip-driver]
#                     [--no-matching]   (quick iterations: the engine stays off and pages show the match lists already stored)
#                     [--workspace]     (the start pages, /My, as staff, 40 providers and an official per city with projects (up to 40),
#                                        instead of the mix;
#                                        the driver only)
#
# PostgreSQL: CITYBRIDGE_LOAD_POSTGRES names the server (default Host=127.0.0.1;Port=55433;Username=postgres); the
# database citybridge_load is created there. The market is loaded once and reused by later runs (--fresh reloads it).
set -euo pipefail
cd "$(dirname "$0")/../.."

engine=postgres rate=200 seconds=60 port=56480 fresh=0 wrk_run=1 driver_run=1 warmup=20 matching=true pool=50 workspace=0
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --fresh) fresh=1; shift ;;
    --skip-wrk) wrk_run=0; shift ;;
    --skip-driver) driver_run=0; shift ;;
    --no-matching) matching=false; shift ;;
    --workspace) workspace=1; wrk_run=0; shift ;;
    --pool) pool=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=${CITYBRIDGE_LOAD_WORK:-/tmp/citybridge-load-$engine}
mkdir -p "$work/data"
export ASPNETCORE_ENVIRONMENT=Production CityBridge__DemoData=false CITYBRIDGE_DATA="$work/data"
export Logging__LogLevel__Default=Warning Logging__LogLevel__CityBridge=Information
# Production refuses to start without the public address links are built on (docs/security.md).
export CityBridge__PublicUrl="http://127.0.0.1:$port"
case "$engine" in
  postgres)
    server=${CITYBRIDGE_LOAD_POSTGRES:-Host=127.0.0.1;Port=55433;Username=postgres}
    export Database__Provider=Postgres ConnectionStrings__CityBridge="$server;Database=citybridge_load;Maximum Pool Size=$pool"
    if [ $fresh = 1 ]; then
      psql "$(echo "$server" | sed 's/Host=/host=/;s/Port=/port=/;s/Username=/user=/;s/Password=/password=/;s/;/ /g') dbname=postgres" -qc "DROP DATABASE IF EXISTS citybridge_load WITH (FORCE)"
    fi ;;
  sqlite)
    export Database__Provider=Sqlite
    unset ConnectionStrings__CityBridge
    [ $fresh = 1 ] && rm -f "$work/data"/citybridge.db* ;;
  *) echo "--engine: postgres or sqlite" >&2; exit 2 ;;
esac

echo "== build (Release)"
dotnet build -c Release -v q -nologo src/CityBridge.Web >/dev/null
dotnet build -c Release -v q -nologo bench/CityBridge.Load.Bench >/dev/null
bench=bench/CityBridge.Load.Bench/bin/Release/net10.0/CityBridge.Load.Bench.dll

echo "== load the market ($engine)"
Matching__Enabled=false dotnet "$bench" load --providers 100000 --projects 10000 --seed 1 --out "$work"

echo "== start the app on 127.0.0.1:$port"
Matching__Enabled=$matching dotnet src/CityBridge.Web/bin/Release/net10.0/CityBridge.Web.dll --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 300); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$base/health" >/dev/null || { echo "the app did not start; see $work/app.log" >&2; exit 1; }

# The project pages show the stored match lists: wait until the engine has indexed every provider and matched every
# project (the first start embeds the market's texts; later starts read the stored vectors).
token=$(cat "$work/token")
[ $matching = true ] && echo "== wait for the matching engine"
for _ in $(seq 1 1800); do
  [ $matching = true ] || break
  phase=$(curl -fs -H "Authorization: Bearer $token" "$base/api/matching/status" | sed -n 's/.*"phase":"\([a-z]*\)".*/\1/p')
  [ "$phase" = done ] && break
  [ "$phase" = failed ] && { echo "matching failed; see $work/app.log" >&2; exit 1; }
  sleep 2
done
[ $matching = true ] && { curl -fs -H "Authorization: Bearer $token" "$base/api/matching/status"; echo; }

# The site search builds its in-memory index of the whole directory at start (about 25 s of CPU at this size): wait
# for it, so the run measures the steady state and not the start-up.
for _ in $(seq 1 300); do grep -q "Search index built" "$work/app.log" && break; sleep 1; done

connections=20
pause=$(( connections * 1000 / rate ))
echo "== warm up ($warmup s)"
# The URL list is read in blocks that do not overlap: warm-up from line 0, wrk from 5,000, the driver from 18,000.
if [ $workspace = 0 ]; then
  wrk -t2 -c$connections -d${warmup}s -s bench/load/mix.lua "$base" -- "$work/urls.txt" "$work/token" "$pause" 0 2 >/dev/null
else
  # The start pages have their own warm-up: 20 s at half the rate (the JIT's work after a start), then 20 s at the rate.
  dotnet "$bench" drive --base "$base" --urls "$work/workspace-urls.txt" --tokens "$work/workspace-tokens" --rate $(( rate / 2 )) --seconds 20 >/dev/null || true
  dotnet "$bench" drive --base "$base" --urls "$work/workspace-urls.txt" --tokens "$work/workspace-tokens" --rate "$rate" --seconds 20 --skip 4000 >/dev/null || true
fi

# The same fixed CPU work before and after: on a shared virtual machine the cores' speed varies from run to run, and
# latencies are only comparable between runs whose probes agree.
cpu_probe() { local t0 t1; t0=$(date +%s%N); head -c 300M /dev/zero | sha256sum >/dev/null; t1=$(date +%s%N); echo "$(( (t1 - t0) / 1000000 )) ms"; }
echo "== machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg); CPU probe (sha256 of 300 MB): $(cpu_probe)"
if [ $wrk_run = 1 ]; then
  echo "== wrk: $connections connections, ${pause} ms pause after each reply (about $rate requests/s), ${seconds} s"
  wrk -t2 -c$connections -d${seconds}s --latency -s bench/load/mix.lua "$base" -- "$work/urls.txt" "$work/token" "$pause" 5000 2
fi
if [ $driver_run = 1 ]; then
  echo "== fixed-rate driver: $rate requests/s for ${seconds} s, latency from each request's due time"
  if [ $workspace = 1 ]; then
    dotnet "$bench" drive --base "$base" --urls "$work/workspace-urls.txt" --tokens "$work/workspace-tokens" --rate "$rate" --seconds "$seconds" --skip 18000 || true
  else
    dotnet "$bench" drive --base "$base" --urls "$work/urls.txt" --token "$work/token" --rate "$rate" --seconds "$seconds" --skip 18000 || true
  fi
fi
echo "== machine load after the run: $(cut -d' ' -f1-3 /proc/loadavg); CPU probe: $(cpu_probe)"
