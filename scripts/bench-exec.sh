#!/usr/bin/env bash
# Benchmark (not a test): wall time of the agent-side `clawguard exec` for an argv that a live
# session already allow-lists (thin client JVM start-up + broker round trip, the broker runs the
# command), against the seed's Python guard on the same keep-session path, in the same run.
# The two guards are interleaved run by run so that machine noise hits both alike; /usr/bin/true
# run directly and an empty JVM are timed alongside for scale. Prints medians in ms, the
# exec/seed ratio and PASS/MISS against the targets (exec <= 50 ms, exec <= 0.35 x seed).
#
# Usage: [SEED_DIR=/tmp/seed-guard] [SEED_PYTHON=...] scripts/bench-exec.sh [RUNS]   (RUNS default 25)
# SEED_DIR holds the seed's five scripts (guarded_privileged_exec.py, root_session_guard.py,
# audit_logger.py, command_policy.py, prompt_policy.py); without them only ClawGuard is measured.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-25}"
seed_dir="${SEED_DIR:-/tmp/seed-guard}"
cmd=/usr/bin/true
# The python3 the seed runs with: the first on PATH by default (as the issue's 158 ms was taken;
# here that is a pyenv shim), SEED_PYTHON=/usr/bin/python3 for the system one.
py="${SEED_PYTHON:-$(command -v python3)}"

tmp="$(mktemp -d /tmp/cg-bench.XXXXXX)"   # mode 0700, owned by us: the broker insists
home="$tmp/clawguard" seed_home="$tmp/seed" broker=""
mkdir -m 700 "$home" "$seed_home"
cleanup() {
  if [ -n "$broker" ]; then kill "$broker" 2>/dev/null || true; wait "$broker" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

seed=true
if [ -f "$seed_dir/guarded_privileged_exec.py" ]; then
  seed_dir="$(cd "$seed_dir" && pwd)"
else
  seed=false
  echo "No seed guard in $seed_dir: the seed's scripts are not part of this repository. Copy the" \
    "five scripts of the public OpenClaw skill (guarded_privileged_exec.py, root_session_guard.py," \
    "audit_logger.py, command_policy.py, prompt_policy.py) there, or set SEED_DIR; measuring" \
    "ClawGuard only." >&2
fi

# Everything runs in the temp folder (the broker writes logs/ into its working directory).
cd "$tmp"
# Build if needed (one Maven build at a time on a shared machine) before anything is timed.
if command -v flock >/dev/null; then flock /tmp/mvn.lock "$here/clawguard" --help; else "$here/clawguard" --help; fi >/dev/null

# Pre-authorised state: an elevated session that allow-lists exactly this binding. The broker
# reads the cwd from /proc/<pid>/cwd, hence the physical path.
"$here/scripts/allowed-session.sh" "$cmd" >"$home/root-session-state.json"
now="$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)"
mkdir -p "$seed_home/.openclaw/security"
cat >"$seed_home/.openclaw/security/root-session-state.json" <<JSON
{"privilege_mode":"elevated","last_elevated_activity_utc":"$now","last_normal_activity_utc":null,
 "last_transition_utc":"$now","last_action":"approved-command","approved_reason":"bench",
 "approved_session_id":null,"allowed_commands":[{"argv":["$cmd"],"added_at_utc":"$now"}]}
JSON

"$here/clawguard" broker --home "$home" --no-network >"$tmp/broker.log" 2>&1 &
broker=$!
for _ in $(seq 300); do [ -S "$home/agent.sock" ] && break; kill -0 "$broker" 2>/dev/null || break; sleep 0.1; done
[ -S "$home/agent.sock" ] || { echo "the broker did not start:" >&2; cat "$tmp/broker.log" >&2; exit 1; }

cg_exec()   { "$here/clawguard" exec --home "$home" --reason bench --keep-session -- "$cmd"; }
seed_exec() { HOME="$seed_home" "$py" "$seed_dir/guarded_privileged_exec.py" --reason bench --keep-session -- "$cmd"; }
jvm()       { java -XX:TieredStopAtLevel=1 -version 2>/dev/null; }

# Warm-up (the first exec also builds the class-data archive) and a check that both ran it.
cg_exec </dev/null >/dev/null || { echo "clawguard exec failed (exit $?)" >&2; exit 1; }
grep -q '"authorised_by":"session"' "$home/privileged-audit.jsonl" \
  || { echo "clawguard exec was not authorised by the session" >&2; exit 1; }
if $seed; then
  seed_exec </dev/null >/dev/null || { echo "the seed guard failed (exit $?)" >&2; exit 1; }
fi
# A broker runs for days: its request path is compiled after the first few dozen requests
# (measured ~5 ms slower before that), so it is warmed as it would be on a live host.
for _ in $(seq 60); do cg_exec </dev/null >/dev/null; done

# One call, timed in microseconds; its output is discarded and stdin is empty (never a prompt).
t() { local t0 t1; t0=$(date +%s%N); "$@" </dev/null >/dev/null; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000 )); }
for _ in $(seq "$runs"); do
  t cg_exec >>"$tmp/exec"
  if $seed; then t seed_exec >>"$tmp/seed.t"; fi
  t "$cmd" >>"$tmp/direct"
  t jvm >>"$tmp/jvm"
done

median() { sort -n "$1" | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
verdict() { awk -v v="$1" -v max="$2" 'BEGIN {print (v <= max ? "PASS" : "MISS")}'; }
exec_ms=$(median "$tmp/exec")
printf 'runs: %s each, interleaved\n' "$runs"
printf '%-52s median %6s ms\n' "$cmd directly:" "$(median "$tmp/direct")" \
  "empty JVM (java -XX:TieredStopAtLevel=1 -version):" "$(median "$tmp/jvm")" \
  "clawguard exec (session allow-listed):" "$exec_ms"
printf '%-52s %s (target <= 50 ms)\n' "exec:" "$(verdict "$exec_ms" 50)"
if $seed; then
  seed_ms=$(median "$tmp/seed.t")
  ratio=$(awk -v a="$exec_ms" -v b="$seed_ms" 'BEGIN {printf "%.2f", a/b}')
  printf '%-52s median %6s ms\n' "seed guard ($py, keep-session):" "$seed_ms"
  printf '%-52s %s (target <= 0.35)\n' "exec / seed: $ratio" "$(verdict "$ratio" 0.35)"
fi
