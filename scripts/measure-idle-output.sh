#!/usr/bin/env bash
# Measures how many bytes an idle console writes to its terminal per minute (only the
# clock and countdowns change): runs it under tmux through `script`, which records every
# byte written to the terminal. Usage: scripts/measure-idle-output.sh [SECONDS] (default 60)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
home="$(mktemp -d /tmp/cg-idle.XXXXXX)"
session="clawguard-idle-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null; rm -rf "$home"' EXIT
"$here/clawguard" --version >/dev/null
tmux new-session -d -s "$session" -x 120 -y 40 \
  "script -q -f -c \"'$here/clawguard' console --home '$home/security'\" '$home/typescript'"
sleep 8
before=$(stat -c %s "$home/typescript")
sleep "$seconds"
after=$(stat -c %s "$home/typescript")
echo "idle console, 120x40: $((after - before)) bytes in ${seconds} s ($(( (after - before) * 60 / seconds )) bytes/minute)"
