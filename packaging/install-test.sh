#!/usr/bin/env bash
# The Debian package as a council's IT team meets it: built by CPack, checked by lintian,
# installed with apt-get, used (the CLI on the small council, the app headless), its desktop
# file, metainfo, file types, manual pages and completion checked, then purged, leaving
# nothing but the user's own files. Needs root (or sudo): it installs and removes a package.
#   packaging/install-test.sh [BUILD_DIR]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
id=org.practiceledger.PracticeLedger
qml_root=/usr/lib/x86_64-linux-gnu/qt6/qml

fail() {
    echo "install test: FAILED: $*" >&2
    exit 1
}
step() { echo "install test: $*"; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
if dpkg-query -W -f='${Status}' practice-ledger 2>/dev/null | grep -q 'install ok installed'; then
    fail "practice-ledger is already installed on this machine; this test installs and purges \
it, so remove it first (apt-get purge practice-ledger)"
fi

work=$(mktemp -d)
installed=""
cleanup() {
    if [ -n "$installed" ]; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq practice-ledger >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "building the package"
version=$(sed -n '1s/^practice-ledger (\([^)]*\)).*/\1/p' "$root/packaging/changelog")
rm -f "$build"/practice-ledger_*.deb
cmake --build "$build" --target package >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    fail "cpack"
}
deb="$build/practice-ledger_${version}_amd64.deb"
[ -f "$deb" ] || fail "no $deb"
step "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB"

step "lintian (errors fail; warnings and notes listed)"
lintian --fail-on error --info --display-level '>=info' "$deb" | tee "$work/lintian.txt" ||
    fail "lintian reports errors"

depends=$(dpkg-deb -f "$deb" Depends)
# The package's own files, for the checks that need no installing (a machine whose dpkg
# leaves out manual pages, as slim images do, still has them here).
deb_root="$work/deb"
dpkg-deb -x "$deb" "$deb_root"
step "depends: $depends"

step "installing with apt-get"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$deb" \
    >"$work/apt.log" 2>&1 || {
    cat "$work/apt.log"
    fail "apt-get install"
}
installed=yes
dpkg-query -L practice-ledger | sort >"$work/files.txt"
while read -r path; do
    case $path in
    /usr/share/man/* | /usr/share/doc/*) ;; # which a slim image's dpkg may leave out
    *) [ -e "$path" ] || fail "dpkg lists $path, which is not there" ;;
    esac
done <"$work/files.txt"
[ "$(dpkg-query -W -f='${Version}' practice-ledger)" = "$version" ] || fail "installed version"

# A user of the machine, with a home of their own: what they make must outlive the package.
export HOME="$work/home" TZ=UTC LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME"
cd "$HOME"

step "versions"
[ "$(/usr/bin/practice-ledger-cli --version)" = "practice-ledger-cli $version" ] ||
    fail "practice-ledger-cli --version says: $(/usr/bin/practice-ledger-cli --version)"
[ "$(/usr/bin/practice-ledger --version 2>/dev/null)" = "Practice Ledger $version" ] ||
    fail "practice-ledger --version says: $(/usr/bin/practice-ledger --version 2>&1)"

step "the installed CLI on the small council"
data="$root/tests/data/small-council"
printf 'small council ledger\n' >pass
chmod 600 pass
cli() { /usr/bin/practice-ledger-cli --ledger council.ledger --passphrase-file pass "$@"; }
cli init >/dev/null
for kind in staff modules requirements completions; do
    cli import "$kind" "$data/$kind.csv" >/dev/null
done
cli report coverage --as-of 2026-11-25 --format csv >team.csv
cmp team.csv "$data/expected-team-2026-11-25.csv" || fail "team coverage differs from golden"
cli report coverage --as-of 2026-11-25 --by staff --format csv >staff.csv
cmp staff.csv "$data/expected-staff-2026-11-25.csv" || fail "staff coverage differs from golden"
PRACTICE_LEDGER_ARCHIVE_PASSPHRASE="an archive passphrase for the install test" \
    cli archive export council.plarchive >/dev/null
cp council.plarchive archive-without-its-extension

step "the installed app, headless"
PRACTICE_LEDGER_TODAY=2026-11-29 /usr/bin/practice-ledger --demo --screenshot demo.png \
    --page coverage 2>app.log || {
    cat app.log
    fail "practice-ledger --demo --screenshot"
}
[ "$(od -An -tx1 -j16 -N8 demo.png | tr -d ' \n')" = "0000050000000320" ] ||
    fail "demo.png is not a 1280x800 picture"
# A ledger given as the argument, as the desktop file's %f passes it, goes to the unlock page.
/usr/bin/practice-ledger "$HOME/council.ledger" --screenshot unlock.png --page unlock \
    2>>app.log || fail "practice-ledger FILE"
grep -i "not installed\|failed to load\|qrc:.*error" app.log && fail "the app's QML did not load"

step "run-time QML modules: each one the app imports, and each they import, is a dependency"
closure=$(apt-cache depends --recurse --installed --no-recommends --no-suggests \
    --no-conflicts --no-breaks --no-replaces --no-enhances practice-ledger |
    grep -v '^ ' | sort -u)
declare -A seen=()
queue=(QtQuick.Controls.Fusion)
while read -r module; do queue+=("$module"); done < <(
    grep -rhoE '^import Qt[A-Za-z.]+' "$root/qml" | awk '{print $2}' | sort -u)
while [ ${#queue[@]} -gt 0 ]; do
    module=${queue[0]}
    queue=("${queue[@]:1}")
    [ -n "${seen[$module]:-}" ] && continue
    seen[$module]=1
    qmldir="$qml_root/${module//.//}/qmldir"
    case $module in
    # QtQml (and its QtQml.Models) are built into libQt6Qml and libQt6QmlModels, which the
    # app links (dpkg-shlibdeps has them); QtQml also brings in QtQml.WorkerScript, which is
    # a package of its own (without it: module "QtQml.WorkerScript" is not installed).
    QtQml)
        queue+=(QtQml.WorkerScript)
        continue
        ;;
    QtQml.Models) continue ;;
    esac
    [ -f "$qmldir" ] || fail "QML module $module has no $qmldir"
    package=$(dpkg-query -S "$qmldir" | cut -d: -f1)
    grep -qx "$package" <<<"$closure" ||
        fail "QML module $module comes from $package, which practice-ledger does not depend on"
    while read -r next; do queue+=("$next"); done < <(
        awk '($1 == "import" || $1 == "depends") && $2 ~ /^Qt/ {print $2}' "$qmldir")
done
step "${#seen[@]} QML modules (${!seen[*]}), each built in or from a package in practice-ledger's dependencies"

step "desktop file, metainfo, file types and icon"
desktop=/usr/share/applications/$id.desktop
# Its one hint, that Office and Education are both main categories, is the issue's choice.
report=$(desktop-file-validate "$desktop") || fail "desktop-file-validate: $report"
grep -v 'hint:' <<<"$report" | grep . && fail "desktop-file-validate"
grep -qx 'Exec=practice-ledger %f' "$desktop" || fail "Exec"
grep -qx 'Categories=Office;Education;' "$desktop" || fail "Categories"
appstreamcli validate --no-net --strict /usr/share/metainfo/$id.metainfo.xml ||
    fail "appstreamcli validate"
for size in 16x16 32x32 48x48 256x256 scalable; do
    ls /usr/share/icons/hicolor/$size/apps/$id.* >/dev/null || fail "no $size icon"
done
mime() { gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }
[ "$(mime council.ledger)" = application/x-practice-ledger ] ||
    fail "council.ledger is $(mime council.ledger)"
[ "$(mime council.plarchive)" = application/x-practice-ledger-archive ] ||
    fail "council.plarchive is $(mime council.plarchive)"
[ "$(mime archive-without-its-extension)" = application/x-practice-ledger-archive ] ||
    fail "an archive known by its magic is $(mime archive-without-its-extension)"

step "manual pages"
for program in practice-ledger practice-ledger-cli; do
    page=$deb_root/usr/share/man/man1/$program.1.gz
    [ -f "$page" ] || fail "no /usr/share/man/man1/$program.1.gz in the package"
    warnings=$(zcat "$page" | groff -man -Tutf8 -ww -z 2>&1)
    [ -z "$warnings" ] || fail "groff on $program.1: $warnings"
    zcat "$page" | mandoc -Tlint -W warning >"$work/mandoc.txt" 2>&1 ||
        { cat "$work/mandoc.txt"; fail "mandoc -Tlint on $program.1"; }
    zcat "$page" | mandoc -Tutf8 | sed 's/.\x08//g' >"$work/$program.txt"
done
# Every command and option --help names is in the page.
while read -r command; do
    grep -q "^ *$command\b" "$work/practice-ledger-cli.txt" ||
        fail "practice-ledger-cli.1 lacks the command $command"
done < <(/usr/bin/practice-ledger-cli --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}')
while read -r option; do
    grep -q -- "$option" "$work/practice-ledger.txt" ||
        fail "practice-ledger.1 lacks $option"
done < <(/usr/bin/practice-ledger --help 2>/dev/null | grep -oE '^ +(-[a-z?], )?--[a-z-]+' |
    grep -oE -- '--[a-z-]+' | grep -v help-all)

step "bash completion"
complete_words() {
    bash -c 'source /usr/share/bash-completion/completions/practice-ledger-cli
             COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _practice_ledger_cli
             printf "%s\n" "${COMPREPLY[@]}"' completion "$@" | sort | tr '\n' ' '
}
[ "$(complete_words practice-ledger-cli --ledger x re)" = "report restore " ] ||
    fail "completing 're': $(complete_words practice-ledger-cli --ledger x re)"
[ "$(complete_words practice-ledger-cli --ledger x archive ex)" = \
    "export export-portfolio " ] || fail "completing 'archive ex'"
[ "$(complete_words practice-ledger-cli --ledger x import c)" = "completions cpd " ] ||
    fail "completing 'import c'"
[ "$(complete_words practice-ledger-cli --ledger x export cpd-record E1 --format '')" = \
    "csv pdf " ] || fail "completing --format"

step "purging"
DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq practice-ledger >"$work/apt.log" 2>&1 ||
    {
        cat "$work/apt.log"
        fail "apt-get purge"
    }
installed=""
left=0
while read -r path; do
    if [ -f "$path" ] || [ -L "$path" ]; then
        echo "left behind: $path" >&2
        left=1
    fi
done <"$work/files.txt"
for path in /usr/share/doc/practice-ledger /usr/share/mime/application/x-practice-ledger.xml \
    /usr/share/mime/application/x-practice-ledger-archive.xml; do
    [ -e "$path" ] && {
        echo "left behind: $path" >&2
        left=1
    }
done
[ $left -eq 0 ] || fail "the purge left files behind"
[ -f "$HOME/council.ledger" ] && [ -f "$HOME/council.plarchive" ] ||
    fail "the user's own files went with the package"
step "passed: installed, used and purged $(basename "$deb"); the user's files are still there"
