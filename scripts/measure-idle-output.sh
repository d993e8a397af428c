#!/usr/bin/env bash
# Measures what an idle console costs: bytes written to its terminal per minute (only the
# clock and countdowns change) and CPU time. Runs it under tmux through `script`, which
# records every byte written to the terminal. Usage: scripts/measure-idle-output.sh [SECONDS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
home="$(mktemp -d /tmp/cg-idle.XXXXXX)"
session="clawguard-idle-$$"
pid=""
# tmux's hang-up does not reach the console behind `script`: stop it by pid too.
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; tmux kill-session -t "$session" 2>/dev/null; sleep 1; rm -rf "$home"' EXIT
"$here/clawguard" --version >/dev/null
tmux new-session -d -s "$session" -x 120 -y 40 \
  "script -q -f -c \"'$here/clawguard' console --home '$home/security'\" '$home/typescript'"
sleep 30   # past start-up and the JIT's first work
pid=$(pgrep -f "ClawGuard console --home $home/security" | head -1)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(stat -c %s "$home/typescript")
cpu_before=$(cpu)
sleep "$seconds"
after=$(stat -c %s "$home/typescript")
cpu_after=$(cpu)
ticks=$(getconf CLK_TCK)
echo "idle console, 120x40: $((after - before)) bytes in ${seconds} s ($(( (after - before) * 60 / seconds )) bytes/minute)"
echo "CPU: $(( (cpu_after - cpu_before) * 1000 / ticks )) ms in ${seconds} s ($(echo "scale=2; ($cpu_after - $cpu_before) * 100 / ($ticks * $seconds)" | bc)% of one core), scanning every 2 s"
