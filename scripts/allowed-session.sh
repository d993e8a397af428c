#!/usr/bin/env bash
# Benchmark helper: prints a root-session-state.json whose live session already allow-lists
# CMD run from the current folder (as the broker will see it: the physical path, the binary's
# and the folder's device and inode), so a benchmark times exec without a human in the loop.
# Usage: scripts/allowed-session.sh CMD > HOME/root-session-state.json
set -euo pipefail
cmd="$1"
now="$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)"
cat <<JSON
{"privilege_mode":"elevated","last_elevated_activity_utc":"$now","last_transition_utc":"$now",
 "last_action":"approved-command","approved_reason":"bench","approved_session_id":null,
 "allowed_commands":[{"argv":["$cmd"],"added_at_utc":"$now","scope":"session",
 "resolved_path":"$(readlink -f "$cmd")","cwd":"$(pwd -P)","session_id":null,"request_id":"bench",
 "requester_uid":$(id -u),"binary_id":"$(stat -L -c %d:%i "$cmd")","cwd_id":"$(stat -c %d:%i .)"}]}
JSON
