#!/usr/bin/env bash
# Benchmark (not a test): the audit log at gigabytes. Generates a chained log of SIZE MiB
# (scripts/GenerateAuditLog.java: 64 MiB segments, or one file with LAYOUT=single), then measures
#   1. `audit verify`: wall, MB/s (target >= 200) and peak RSS;
#   2. `audit tail -n 20`: wall (target <= 0.5 s) and peak RSS;
#   3. the console, under tmux: time until its first screen is drawn (target <= 2 s), its resident
#      memory once its first check of the whole chain is done, and at its peak (memory stays flat);
#   4. the same console start again, now that a checkpoint exists.
#
# Usage: [LAYOUT=segments|single] scripts/bench-audit.sh [SIZE_MIB]   (default 4096); needs tmux
# and SIZE_MIB of free disk under /tmp.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-4096}"
segment=$([ "${LAYOUT:-segments}" = single ] && echo 0 || echo 64)
tmp="$(mktemp -d /tmp/cg-audit.XXXXXX)"
session="cg-audit-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"$here/clawguard" --version >/dev/null   # builds on first use, outside the measurement
home="$tmp/home"
mkdir -m 700 "$home"
java -cp "$here/target/clawguard.jar" "$here/scripts/GenerateAuditLog.java" "$home" "$size" "$segment"
bytes=$(cat "$home"/privileged-audit.jsonl* | wc -c)
export CLAWGUARD_HOME="$home"

/usr/bin/time -f "%e %M" -o "$tmp/verify.t" "$here/clawguard" audit verify
read -r wall rss < "$tmp/verify.t"
rate=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.0f", b / 1048576 / s }')
echo "audit verify: $((bytes >> 20)) MiB in ${wall} s = ${rate} MB/s, peak ${rss} KB" \
  "(target >= 200 MB/s) $(awk -v r="$rate" 'BEGIN { print (r >= 200 ? "PASS" : "MISS") }')"

/usr/bin/time -f "%e %M" -o "$tmp/tail.t" "$here/clawguard" audit tail -n 20 > /dev/null
read -r wall rss < "$tmp/tail.t"
echo "audit tail -n 20: ${wall} s, peak ${rss} KB (target <= 0.5 s)" \
  "$(awk -v w="$wall" 'BEGIN { print (w <= 0.5 ? "PASS" : "MISS") }')"

# The console is up once its title bar and the audit pane's newest record are on the screen.
console_start() {
  local label="$1" start now pid=""
  start=$(date +%s.%N)
  tmux new-session -d -s "$session" -x 160 -y 48 "'$here/clawguard' console"
  until tmux capture-pane -p -t "$session" 2>/dev/null | grep -q "ClawGuard │"; do sleep 0.02; done
  now=$(date +%s.%N)
  pid=$(pgrep -f -n "clawguard.jar.* console")
  local took
  took=$(awk -v a="$start" -v b="$now" 'BEGIN { printf "%.2f", b - a }')
  echo "console start ($label): first screen after ${took} s (target <= 2 s)" \
    "$(awk -v t="$took" 'BEGIN { print (t <= 2 ? "PASS" : "MISS") }')"
  # Its first check of the chain has ended once the checkpoint beside the log names the last record.
  local waited=0
  until [ -f "$home/privileged-audit.jsonl.verified" ] && [ "$home/privileged-audit.jsonl.verified" -nt "$tmp/verify.t" ] \
        || [ "$waited" -ge 120 ]; do sleep 0.5; waited=$((waited + 1)); done
  sleep 2
  echo "console ($label) after its first chain check: resident $(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status") MB," \
    "peak $(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status") MB"
  tmux kill-session -t "$session"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}
console_start "no checkpoint yet"
touch "$tmp/verify.t"
console_start "with a checkpoint"
