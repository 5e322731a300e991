#!/usr/bin/env bash
# The two-instances proof (docs/operations.md): builds the app once, starts two instances on loopback against one fresh
# PostgreSQL database, drives concurrent work at both and checks the invariants, then kills one instance with
# SIGKILL in the middle of a long job and checks that the other takes the job over and finishes it.
#
#   CITYBRIDGE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres" bash ops/two-instances.sh
#
# PROOF_PORT (default 56310) is instance A's port; B listens on PROOF_PORT+1 and the SMTP sink on PROOF_PORT+2.
# Exit code 0 when every invariant holds, 1 on any violation (each printed as "VIOLATION: ...").
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

server=${CITYBRIDGE_TEST_POSTGRES:?set CITYBRIDGE_TEST_POSTGRES to a PostgreSQL server connection string}
port=${PROOF_PORT:-56310}
work=$(mktemp -d /tmp/citybridge-proof.XXXXXX)
database="citybridge_proof_$(date +%s)_$$"
export PROOF_A="http://127.0.0.1:$port" PROOF_B="http://127.0.0.1:$((port + 1))" PROOF_SMTP_PORT=$((port + 2))
export PROOF_DB="${server%;};Database=$database" PROOF_STATE="$work/state.json"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The same configuration as `dotnet test`, so that after the test suites (CI) the build has nothing left to do.
echo "==> Building the app and the proof driver"
dotnet build ops/CityBridge.TwoInstances --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
web=src/CityBridge.Web/bin/Debug/net10.0/CityBridge.Web.dll
driver=ops/CityBridge.TwoInstances/bin/Debug/net10.0/CityBridge.TwoInstances.dll
proof_started=$(date +%s)

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  dotnet "$driver" drop-database >/dev/null 2>&1 || echo "(could not drop database $database)"
  [ "${PROOF_KEEP:-}" = 1 ] && echo "(logs kept in $work)" || rm -rf "$work"
}
trap cleanup EXIT

# ready URL: /health/ready answers 200 (plain bash, so the script needs no curl).
ready() {
  local port=${1##*:}
  (exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'GET /health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 && head -n 1 <&3) 2>/dev/null | grep -q ' 200 '
}

# start NAME URL DEMO: starts an instance in the background and waits until /health/ready answers 200.
start() {
  local name=$1 url=$2 demo=$3
  ASPNETCORE_ENVIRONMENT=Demo Database__Provider=Postgres ConnectionStrings__CityBridge="$PROOF_DB" \
  CityBridge__DemoData=$demo CityBridge__PublicFormPostsPerMinute=10000 \
  Smtp__Host=127.0.0.1 Smtp__Port=$PROOF_SMTP_PORT Smtp__Security=None Smtp__PollInterval=00:00:01 \
  Logging__LogLevel__Default=Warning \
    dotnet "$web" --urls "$url" >>"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  for _ in $(seq 1 240); do
    if ready "$url"; then
      echo "    instance $name (pid $pid) ready at $url after $(( $(date +%s) - t0 )) s"
      eval "pid_$name=$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "instance $name exited:"; tail -n 40 "$work/$name.log"; return 1; }
    sleep 0.5
  done
  echo "instance $name did not become ready:"; tail -n 40 "$work/$name.log"; return 1
}

status=0
step() { echo "==> $1"; shift; "$@" || status=1; }

echo "==> Starting instance A (demo data, migrates the fresh database $database) and instance B"
t0=$(date +%s); start A "$PROOF_A" true
t0=$(date +%s); start B "$PROOF_B" false

step "Concurrent work at both instances, then the invariants" dotnet "$driver" concurrency

# takeover JOB [restart]: starts the job, kills the instance that runs it with SIGKILL, checks that the other one
# finishes it, and with "restart" starts the killed instance again.
takeover() {
  local job=$1 restart=${2:-}
  export PROOF_A_PID=$pid_A PROOF_B_PID=$pid_B
  rm -f "$PROOF_STATE.victim"
  if ! dotnet "$driver" "$job-start"; then status=1; return; fi
  local victim name url
  victim=$(cat "$PROOF_STATE.victim")
  disown "$victim" 2>/dev/null || true
  kill -9 "$victim"
  if [ "$victim" = "$pid_A" ]; then name=A url=$PROOF_A; else name=B url=$PROOF_B; fi
  echo "    kill -9 of instance $name (pid $victim), the instance running the job"
  dotnet "$driver" "$job-finish" || status=1
  if [ -n "$restart" ]; then t0=$(date +%s); start "$name" "$url" false; fi
}

echo "==> kill -9 in the middle of a big schedule"
takeover schedule restart
echo "==> kill -9 in the middle of a full re-match"
takeover rematch

echo "==> two-instances proof finished in $(( $(date +%s) - started )) s ($(( $(date +%s) - proof_started )) s after the build): $([ $status = 0 ] && echo 'all invariants hold' || echo 'VIOLATIONS (see above)')"
exit $status
