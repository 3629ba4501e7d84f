#!/usr/bin/env bash
# Takes the screenshots the AppStream metainfo names (packaging/screenshots/), with the app's
# own --screenshot on the demo ledger, as of a fixed day so that they can be taken again alike.
#   packaging/screenshots.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app=${1:-$root/build}/app/practice-ledger
export PRACTICE_LEDGER_TODAY=2026-11-29 TZ=Europe/London LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
for page in coverage person trend asye; do
    "$app" --demo --screenshot "$root/packaging/screenshots/$page.png" --page "$page"
    echo "packaging/screenshots/$page.png"
done
