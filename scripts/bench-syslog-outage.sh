#!/usr/bin/env bash
# Benchmark report (not a check): exec latency through a real broker while a real rsyslogd
# receives its audit records, and then while that rsyslogd is stopped mid-stream and the
# records queue in the log. Runs the outage integration test (which asserts only behaviour:
# every record once, in order, after the restart) and prints what it measured, in microseconds
# per in-process exec round trip (request, kept-session approval, /usr/bin/true run by the broker).
# Usage: scripts/bench-syslog-outage.sh [REPEATS]   (REPEATS default 5; needs rsyslogd)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
repeats="${1:-5}"
for i in $(seq "$repeats"); do
  mvn -B -q -o test -Dtest='SyslogForwardingIntegrationTest#aCollectorStoppedMidStreamAndStartedAgainGetsEveryRecordOnceAndRequestsGoOnMeanwhile' \
    -Dsurefire.failIfNoSpecifiedTests=false -Dstyle.color=never >/dev/null
  echo "run $i:"; sed 's/^/  /' target/syslog-outage-latency.txt
done
