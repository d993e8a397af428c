#!/usr/bin/env bash
# Benchmark (not a test): ClawGuard's network scans at scale, side by side with ss in one run.
# Opens N established loopback connections (scripts/open-connections.py, 2N socket rows), then
#   1. one-shot `clawguard egress --json` against `ss -tanp`, interleaved, RUNS times each:
#      median wall and peak RSS, and the egress/ss ratio (target <= 1.0);
#   2. the console at its 2 s refresh, under tmux, over SECONDS_ seconds: CPU as % of one core
#      (target <= 5 %) and resident memory at the end and at its peak (target <= 256 MB).
#
# Usage: scripts/bench-scale.sh [N] [RUNS] [SECONDS_]   (defaults 20000 5 60); needs tmux and
# python3, and an open-files hard limit of at least 9,000 (the opener splits across processes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-20000}" runs="${2:-5}" seconds="${3:-60}"
tmp="$(mktemp -d /tmp/cg-scale.XXXXXX)"
opener="" session="cg-scale-$$"
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  if [ -n "$opener" ]; then kill "$opener" 2>/dev/null || true; wait "$opener" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

"$here/clawguard" --version >/dev/null   # builds on first use, outside the measurement
python3 "$here/scripts/open-connections.py" "$n" > "$tmp/opener.out" &
opener=$!
until grep -q ready "$tmp/opener.out" 2>/dev/null; do
  kill -0 "$opener" 2>/dev/null || { echo "the connection opener died" >&2; exit 1; }
  sleep 0.5
done
rows=$(ss -tanH state established | wc -l)
echo "connections: $n opened (ss shows $rows established TCP rows, both ends)"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
export CLAWGUARD_HOME="$tmp/home"
mkdir -m 700 "$CLAWGUARD_HOME"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %M" -o "$tmp/ss.t" ss -tanp > /dev/null
  cat "$tmp/ss.t" >> "$tmp/ss.all"
  /usr/bin/time -f "%e %M" -o "$tmp/eg.t" "$here/clawguard" egress --json > /dev/null || true
  cat "$tmp/eg.t" >> "$tmp/eg.all"
done
ss_wall=$(cut -d' ' -f1 "$tmp/ss.all" | median) eg_wall=$(cut -d' ' -f1 "$tmp/eg.all" | median)
ss_rss=$(cut -d' ' -f2 "$tmp/ss.all" | sort -n | tail -1) eg_rss=$(cut -d' ' -f2 "$tmp/eg.all" | sort -n | tail -1)
ratio=$(awk -v a="$eg_wall" -v b="$ss_wall" 'BEGIN { printf "%.2f", a / b }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.0 ? "PASS" : "MISS") }')
echo "egress --json: median ${eg_wall} s, peak ${eg_rss} KB | ss -tanp: median ${ss_wall} s, peak ${ss_rss} KB" \
  "| ratio ${ratio} (target <= 1.0) ${verdict}"

tmux new-session -d -s "$session" -x 160 -y 48 "'$here/clawguard' console"
pid=""
for _ in $(seq 100); do
  pid=$(pgrep -f -n "clawguard.jar.* console" || true)
  [ -n "$pid" ] && break
  sleep 0.2
done
[ -n "$pid" ] || { echo "the console did not start" >&2; exit 1; }
sleep 10   # start-up and the first full scan are not the steady state being measured
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks) s0=$(date +%s.%N)
sleep "$seconds"
t1=$(ticks) s1=$(date +%s.%N)
cpu=$(awk -v t="$((t1 - t0))" -v hz="$hz" -v a="$s0" -v b="$s1" 'BEGIN { printf "%.1f", 100 * t / hz / (b - a) }')
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
hwm=$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status")
verdict=$(awk -v c="$cpu" -v r="$hwm" 'BEGIN { print (c <= 5 && r <= 256 ? "PASS" : "MISS") }')
echo "console over ${seconds} s: ${cpu} % of one core, resident ${rss} MB now, ${hwm} MB peak" \
  "(targets <= 5 %, <= 256 MB) ${verdict}"
