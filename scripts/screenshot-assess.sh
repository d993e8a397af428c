#!/usr/bin/env bash
# Renders the HTML compliance reports to screenshots/ in headless Chromium: this machine as it is
# (`clawguard assess`, its real state folder), and the prepared "well-run OpenClaw host" of
# src/test/.../compliance/WellRunHost.java (the same checks over a prepared home and host tree).
# Needs chromium (apt-get install chromium). Prints each report's score, coverage and band.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/screenshots"
work="$(mktemp -d /tmp/cg-assess.XXXXXX)"
trap 'rm -rf "$work"' EXIT
if ! command -v chromium >/dev/null; then
  echo "chromium not installed (apt-get install chromium): assess reports not rendered" >&2
  exit 1
fi
render() { # HTML PNG: one page, tall enough for every check
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
    --window-size=1200,3000 --screenshot="$2" "file://$1" >/dev/null 2>&1
  echo "${2#"$here/"}"
}

"$here/clawguard" assess --html "$work/this-host.html" 2>/dev/null | grep "^score" | sed "s/^/this machine: /" || true
render "$work/this-host.html" "$out/assess-report.png"

(cd "$here" && MAVEN_OPTS=-Djansi.noreset=true mvn -q -B -o test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/test.cp" -Dmdep.includeScope=test)
java -cp "$here/target/test-classes:$here/target/classes:$(cat "$work/test.cp")" \
  io.clawguard.compliance.WellRunHost "$work"
render "$work/well-run.html" "$out/assess-well-run.png"
