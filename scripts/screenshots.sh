#!/usr/bin/env bash
# Regenerates screenshots/: runs the real console under tmux in a temp home, sends it real
# requests from `clawguard exec`, and saves each screen as text and as PNG (rendered from
# the terminal capture by scripts/AnsiToPng.java). Needs tmux (apt-get install tmux).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/screenshots"
cols=110
rows=32
home="$(mktemp -d /tmp/cg-shots.XXXXXX)"
session="clawguard-shots-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT
mkdir -p "$out"
"$here/clawguard" --version >/dev/null

tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
  "cd /tmp && TERM=xterm-256color '$here/clawguard' console --home '$home/security'"
sleep 3

shot() { # NAME: save the current screen as NAME.txt and NAME.png
  tmux capture-pane -t "$session" -p > "$out/$1.txt"
  tmux capture-pane -t "$session" -e -p -N > "$home/$1.ansi"
  java "$here/scripts/AnsiToPng.java" "$home/$1.ansi" "$out/$1.png" "$cols"
  echo "screenshots/$1.png"
}
keys() { # KEY...: one key at a time, as a person types (an Escape glued to the next key reads as Alt)
  for k in "$@"; do tmux send-keys -t "$session" "$k"; sleep 0.4; done
}
request() { # REASON ARGV...: a request from the agent's side, left waiting in the background
  (cd /tmp && "$here/clawguard" exec --home "$home/security" --reason "$1" -- "${@:2}" >/dev/null 2>&1 &)
}

request "test" /usr/bin/id
sleep 1.5
request "install jq for the nightly report" /usr/bin/apt-get install -y jq
sleep 1.5
request "clean up" /usr/bin/echo $'\e[2J' $'report\u202etxt.sh' $'rm\u200b -rf /'
sleep 2
shot console-pending
keys Down Down Enter
sleep 1
shot console-detail-suspicious
keys Escape Up Up Enter
sleep 1
shot console-detail
keys Escape '?'
sleep 1
shot console-help
keys Escape a
sleep 2
shot console-after-approve
keys Down d
tmux send-keys -t "$session" -l "not on a weekday"
shot console-deny-reason
keys Enter
sleep 1.5
shot console-after-deny
keys q
shot console-quit-confirm
keys y Enter
sleep 2
