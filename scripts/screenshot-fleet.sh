#!/usr/bin/env bash
# Renders screenshots/console-fleet.{txt,png} and console-fleet-disconnected.{txt,png}: one real
# console over two real brokers (temp state folders on this machine), each reached through its
# own real sshd on 127.0.0.1 (temp host and user keys, high ports), with a request waiting on
# each; then one sshd killed. Called by scripts/screenshots.sh; needs tmux and openssh-server.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
home="$(mktemp -d /tmp/cg-fleet.XXXXXX)"
session="clawguard-fleet-$$"
source "$here/scripts/shots-common.sh"
pids=()
cleanup() {
  tmux kill-session -t "$session" 2>/dev/null || true
  for p in "${pids[@]}"; do pkill -KILL -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  # The brokers and sshd may still be writing their logs as they die: wait for them, then remove.
  wait 2>/dev/null || true
  rm -rf "$home" 2>/dev/null || { sleep 1; rm -rf "$home"; }
}
trap cleanup EXIT
mkdir -p /run/sshd

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
ssh-keygen -q -t ed25519 -N '' -f "$home/user_key"
cat > "$home/ssh_config" <<CFG
Host 127.0.0.1
  IdentityFile $home/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $home/known_hosts
  StrictHostKeyChecking yes
  LogLevel ERROR
CFG
: > "$home/known_hosts"
declare -A sshd_port sshd_pid
for host in web1 web2; do
  mkdir -m 700 "$home/$host"
  "$here/clawguard" broker --home "$home/$host" --no-network >/dev/null 2>&1 & pids+=($!)
  p="$(port)"
  ssh-keygen -q -t ed25519 -N '' -f "$home/$host-host_key"
  echo "[127.0.0.1]:$p $(cat "$home/$host-host_key.pub")" >> "$home/known_hosts"
  printf '%s\n' "Port $p" "ListenAddress 127.0.0.1" "HostKey $home/$host-host_key" \
    "AuthorizedKeysFile $home/user_key.pub" "PidFile $home/$host-sshd.pid" "PasswordAuthentication no" \
    "PermitRootLogin yes" "StrictModes no" "UsePAM no" "LogLevel ERROR" > "$home/$host-sshd_config"
  /usr/sbin/sshd -D -e -f "$home/$host-sshd_config" 2>/dev/null & pids+=($!)
  sshd_port[$host]="$p"; sshd_pid[$host]=$!
done
sleep 4

tmux new-session -d -s "$session" -x "$cols" -y "$rows" \
  "cd /tmp && TERM=xterm-256color '$here/clawguard' console --home '$home/console' \
   --host web1=ssh://root@127.0.0.1:${sshd_port[web1]}$home/web1 --host web2=ssh://root@127.0.0.1:${sshd_port[web2]}$home/web2 \
   --ssh-config '$home/ssh_config' --remote-clawguard '$here/clawguard' 2>$home/console.err"
sleep 6
if ! tmux has-session -t "$session" 2>/dev/null; then
  echo "the console ended early:" >&2; cat "$home/console.err" >&2; exit 1
fi
(cd /tmp && "$here/clawguard" exec --home "$home/web1" --reason "rotate nginx logs" -- /usr/sbin/logrotate -f /etc/logrotate.conf >/dev/null 2>&1 &)
sleep 1
(cd /tmp && "$here/clawguard" exec --home "$home/web2" --reason "restart the app after deploy" -- /usr/bin/systemctl restart app >/dev/null 2>&1 &)
sleep 4

shot console-fleet
pkill -KILL -P "${sshd_pid[web2]}" 2>/dev/null || true
kill -KILL "${sshd_pid[web2]}"
sleep 4
shot console-fleet-disconnected
tmux send-keys -t "$session" q
sleep 1
tmux send-keys -t "$session" y 2>/dev/null || true
