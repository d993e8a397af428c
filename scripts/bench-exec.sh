#!/usr/bin/env bash
# Benchmark (not a test): wall time of `clawguard exec` for an argv already allow-listed
# in a live session, JVM start-up included, against running the command directly; first
# decided in-process (no console), then through a console running under tmux (if present).
# Usage: scripts/bench-exec.sh [RUNS]   (default 25; prints medians in milliseconds)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-25}"
home="$(mktemp -d /tmp/cg-bench.XXXXXX)"
session="clawguard-bench-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; sleep 1; rm -rf "$home" 2>/dev/null || true' EXIT
cmd=/usr/bin/true
"$here/clawguard" --help >/dev/null   # build and refresh the class-data archive first

seed_state() {
  local now; now="$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)"
  cat >"$home/root-session-state.json" <<JSON
{"privilege_mode":"elevated","last_elevated_activity_utc":"$now","last_transition_utc":"$now",
 "last_action":"approved-command","approved_reason":"bench","approved_session_id":null,
 "allowed_commands":[{"argv":["$cmd"],"added_at_utc":"$now","scope":"session",
 "resolved_path":"$(readlink -f $cmd)","cwd":"$PWD","session_id":null,"request_id":"bench"}]}
JSON
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

time_runs() {
  for _ in $(seq "$runs"); do
    local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 ))
  done
}

ms() { echo "$1/1000" | bc -l; }

bench() { # LABEL: median of RUNS guarded runs after one warm-up
  seed_state
  "$here/clawguard" exec --home "$home" --reason bench --keep-session -- "$cmd" \
    || { echo "the allow-listed exec did not run (exit $?)" >&2; exit 1; }
  local guarded
  guarded=$(time_runs "$here/clawguard" exec --home "$home" --reason bench --keep-session -- "$cmd" | median)
  printf '%-50s median %6.1f ms   overhead %6.1f ms\n' "clawguard exec, $1:" "$(ms "$guarded")" \
    "$(ms "($guarded-$direct)")"
}

direct=$(time_runs "$cmd" | median)
jvm=$(time_runs java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version 2>/dev/null | median)
printf 'runs: %s\n%-50s median %6.1f ms\n' "$runs" "$cmd directly:" "$(ms "$direct")"
printf '%-50s median %6.1f ms\n' "an empty JVM (java -version), for scale:" "$(ms "$jvm")"
bench "decided in-process (no console)"
if command -v tmux >/dev/null; then
  tmux new-session -d -s "$session" -x 100 -y 30 "'$here/clawguard' console --home '$home'"
  for _ in $(seq 100); do [ -S "$home/clawguard.sock" ] && break; sleep 0.1; done
  bench "through the running console"
fi
"$here/clawguard" audit verify --home "$home" >/dev/null
