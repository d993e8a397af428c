#!/usr/bin/env bash
# Renders screenshots/console-fleet.{txt,png} and console-fleet-disconnected.{txt,png}: one real
# console over two real brokers (temp state folders on this machine), each reached through its
# own real sshd on 127.0.0.1 (temp host and user keys, high ports), with a request waiting on
# each; then one sshd killed. Called by scripts/screenshots.sh; needs tmux and openssh-server.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/screenshots"
cols=110
rows=32
tmp="$(mktemp -d /tmp/cg-fleet.XXXXXX)"
session="clawguard-fleet-$$"
pids=()
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  for p in "${pids[@]}"; do pkill -KILL -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p /run/sshd "$out"

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ssh-keygen -q -t ed25519 -N '' -f "$tmp/user_key"
cat > "$tmp/ssh_config" <<CFG
Host 127.0.0.1
  IdentityFile $tmp/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $tmp/known_hosts
  StrictHostKeyChecking yes
  LogLevel ERROR
CFG
: > "$tmp/known_hosts"
declare -A sshd_port sshd_pid
for host in web1 web2; do
  mkdir -m 700 "$tmp/$host"
  "$here/clawguard" broker --home "$tmp/$host" --no-network >/dev/null 2>&1 & pids+=($!)
  p="$(port)"
  ssh-keygen -q -t ed25519 -N '' -f "$tmp/$host-host_key"
  echo "[127.0.0.1]:$p $(cat "$tmp/$host-host_key.pub")" >> "$tmp/known_hosts"
  printf '%s\n' "Port $p" "ListenAddress 127.0.0.1" "HostKey $tmp/$host-host_key" \
    "AuthorizedKeysFile $tmp/user_key.pub" "PidFile $tmp/$host-sshd.pid" "PasswordAuthentication no" \
    "PermitRootLogin yes" "StrictModes no" "UsePAM no" "LogLevel ERROR" > "$tmp/$host-sshd_config"
  /usr/sbin/sshd -D -e -f "$tmp/$host-sshd_config" 2>/dev/null & pids+=($!)
  sshd_port[$host]="$p"; sshd_pid[$host]=$!
done
sleep 4

tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
  "cd /tmp && TERM=xterm-256color '$here/clawguard' console --home '$tmp/console' \
   --host web1=ssh://root@127.0.0.1:${sshd_port[web1]}$tmp/web1 --host web2=ssh://root@127.0.0.1:${sshd_port[web2]}$tmp/web2 \
   --ssh-config '$tmp/ssh_config' --remote-clawguard '$here/clawguard' 2>$tmp/console.err"
sleep 6
if ! tmux has-session -t "$session" 2>/dev/null; then
  echo "the console ended early:" >&2; cat "$tmp/console.err" >&2; exit 1
fi
(cd /tmp && "$here/clawguard" exec --home "$tmp/web1" --reason "rotate nginx logs" -- /usr/sbin/logrotate -f /etc/logrotate.conf >/dev/null 2>&1 &)
sleep 1
(cd /tmp && "$here/clawguard" exec --home "$tmp/web2" --reason "restart the app after deploy" -- /usr/bin/systemctl restart app >/dev/null 2>&1 &)
sleep 4

shot() { # NAME: save the current screen as NAME.txt and NAME.png
  tmux capture-pane -t "$session" -p > "$out/$1.txt"
  tmux capture-pane -t "$session" -e -p -N > "$tmp/$1.ansi"
  java "$here/scripts/AnsiToPng.java" "$tmp/$1.ansi" "$out/$1.png" "$cols"
  echo "screenshots/$1.png"
}
shot console-fleet
pkill -KILL -P "${sshd_pid[web2]}" 2>/dev/null || true
kill -KILL "${sshd_pid[web2]}"
sleep 4
shot console-fleet-disconnected
tmux send-keys -t "$session" q
sleep 1
tmux send-keys -t "$session" y
