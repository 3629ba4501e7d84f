#!/usr/bin/env bash
# The two commands of the README, each doing all its own set-up on a fresh Debian 12 machine:
#   ./packaging/dev.sh demo   build, then open a demo ledger of a realistic council
#   ./packaging/dev.sh test   build, then run every test (ctest), sanitizers and fuzzing too,
#                             and build, install, use and purge the Debian package
#   ./packaging/dev.sh package   a release build's Debian package (README, "Install")
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build"
release_build="$root/build-release"
sanitize_build="$root/build-sanitize"
jobs=$(nproc 2>/dev/null || echo 2)

started_at=$(date +%s)
# Each step says how far into the run it starts, so that a slow run shows where its time went.
say() { printf '==> [%4d s] %s\n' "$(( $(date +%s) - started_at ))" "$*" >&2; }

install_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -v '^\s*#' "$root/packaging/debian-packages.txt" | grep -v '^\s*$')
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    say "installing ${#missing[@]} Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build_main() {
    say "configuring and building ($build)"
    # -O1 with line tables only (-g1): half the compile time of CMake's -O2 -g on 2 cores
    # (cli.cpp: 11 s against 22 s), with backtraces that still name files and lines. The
    # install test packages this build; `dev.sh package` makes a release build of its own.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" >/dev/null
    cmake --build "$build" -j"$jobs"
}

build_sanitized() {
    say "configuring and building with clang, AddressSanitizer, UBSan and libFuzzer ($sanitize_build)"
    # Line tables only (-g1): the sanitizers' reports still name every frame's file and line,
    # and the build is quicker than with full debug information.
    CXX=clang++ cmake -S "$root" -B "$sanitize_build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DPRACTICE_LEDGER_SANITIZE=ON -DPRACTICE_LEDGER_FUZZ=ON \
        -DPRACTICE_LEDGER_BUILD_BENCH=OFF -DPRACTICE_LEDGER_CORE_ONLY=ON >/dev/null
    cmake --build "$sanitize_build" -j"$jobs"
}

# Tests never depend on the machine's locale, time zone or today.
export TZ=UTC LC_ALL=C.UTF-8 LANG=C.UTF-8
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# In CI a missing PostgreSQL server fails the run; elsewhere its tests skip, saying why.
if [ "${CI:-}" = true ]; then
    export PRACTICE_LEDGER_REQUIRE_PG=1
fi

case "${1:-}" in
demo)
    install_packages
    build_main
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        shot="$build/demo-coverage.png"
        say "no display here: rendering the demo's coverage page to $shot instead"
        unset QT_QPA_PLATFORM
        xvfb-run -a -s "-screen 0 1280x800x24" "$build/app/practice-ledger" --demo \
            --screenshot "$shot" --page coverage
        say "wrote $shot (run this command on a desktop to use the app itself)"
    else
        unset QT_QPA_PLATFORM
        say "opening the demo ledger (generated, passphrase: demo)"
        exec "$build/app/practice-ledger" --demo
    fi
    ;;
test)
    start=$(date +%s)
    # The tests' PostgreSQL clusters stop with ctest; this catches a ctest that was killed.
    trap '"$root/tests/pg/cluster.sh" stop "$build/pg-cluster.env" || true
          "$root/tests/pg/cluster.sh" stop "$sanitize_build/pg-cluster.env" || true' EXIT
    install_packages
    build_main
    say "running the tests"
    (cd "$build" && ctest --output-on-failure -j"$jobs")
    # The package from this build (stripped as a release's is): lintian, apt-get install, the
    # installed programs, purge. It installs a package, so it needs root, as CI is.
    if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
        say "building, checking, installing and purging the Debian package"
        "$root/packaging/install-test.sh" "$build"
    else
        say "NOT RUN: the Debian package's install test needs root or sudo (CI runs it)"
    fi
    build_sanitized
    say "running the tests and fuzzers under AddressSanitizer and UBSan"
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
    # Fontconfig's process-long cache, loaded by the PDF exports, is never freed (see the file).
    export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
    # The server load test runs its full 30 s above; here it looks for memory errors, for
    # which 10 s of the same mix is plenty. The 5,000-person copy proves data volume above
    # (80 s under the sanitizers); the small council's copy takes the same code paths here.
    # The sessions CLI's 33 golden reports (without CPD and with it) run the CLI once each
    # (each run derives the ledger's key, slow under the sanitizers); they test wording and
    # order, which the main run checks, while the service tests take the same code through the
    # sanitizers here (and the learning-record CLI test runs its CPD reports here too).
    # Likewise the CLI tests of behaviour around the process (a read-only folder, a passphrase
    # file open to others, a dry run, every export kind to the standard output, a re-import,
    # the passphrase change's kill points and page scan): each runs the sanitized CLI many
    # times (22 to 55 s each here) through code the other sanitized tests take too; the main
    # run checks their behaviour. The damage, journal and companion-file tests stay here. The
    # programmes' CLI examples (each test imports five files and reports through the CLI,
    # about twenty runs) likewise: ProgrammeExamples takes the same code through the service
    # on both engines here. The coverage reports' CLI tests (the trend against a month of
    # `report coverage` each, every report written as XLSX and PDF, LibreOffice reading the
    # workbooks back) likewise: the report, workbook and PDF writers' own tests run here.
    # The tests that kill the real CLI or a writer at every step of a write (an archive's
    # import, a backup, a write mid-transaction), or run another program beside the ledger
    # (a reader, a stray shared-memory file, a restore of an older copy, a passphrase change
    # while others read), test what reaches the disk, which the main run checks; the code they
    # take runs here in the archive, backup, store and journal tests. The hostile archives
    # through the real CLI measure its memory, which only the main run can (the sanitizers'
    # shadow memory is counted too); here the loader meets them in-process and in the fuzzers.
    # The service and CLI tests run here on the ledger file only (*/File): the server engine's
    # code runs here through its own suites (Pg*: every feature to a server and back, the
    # accounts, the load test, the CLI on a server), and both engines run every test above.
    # (Measured on 2 cores: 1,200 s of sanitized tests took 610 s; these leave about 980 s.)
    (cd "$sanitize_build" && PRACTICE_LEDGER_LOAD_SECONDS=10 ctest --output-on-failure \
        -j"$jobs" \
        -E 'PgCopy\.AGenerated5000Person|SessionsCli\.(EveryReportOfTheExamples|WithTheCpdEntries)|ReadOnly\.AReadOnlyLedgerOrFolder|PassphraseChange\.(NoPageOfTheLedger|AKillAtAnyStep)|CliExport\.WritesEachKind|Cli\.(PassphraseChange$|APassphraseFileOpenToOthers|DryRunPrintsTheCounts)|CliGolden\.ReimportingTheSameFiles|ProgrammesCli\.(TheReports|ARowWith|AnInvalidFile|ACopyTo)|CoverageReportsCli\.TheTrendPools|ReportExportsCli|XlsxLibreOfficeReports|CliProcess\.(AnArchiveImportKilledAtAnyStep|HostileArchives)|BackupCommand\.AKillAtAnyStep|OneFile\.(AWriterKilledMidWrite|ACommittedWriteIsInTheFileAlone|RestoringAnOlderCopy|AStrayShm)|PassphraseChange\.(IsRefusedWhileAnotherProgram|ListsTheBackupCopies)|/Postgres')
    say "all tests passed in $(( $(date +%s) - start )) s"
    ;;
package)
    install_packages
    say "configuring and building a release ($release_build)"
    cmake -S "$root" -B "$release_build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DPRACTICE_LEDGER_BUILD_BENCH=OFF >/dev/null
    cmake --build "$release_build" -j"$jobs" --target practice-ledger practice-ledger-cli \
        ledger_package_files
    (cd "$release_build" && cpack -G DEB >/dev/null)
    say "wrote $(ls "$release_build"/practice-ledger_*_amd64.deb)"
    say "install it with: sudo apt-get install $(ls "$release_build"/practice-ledger_*_amd64.deb)"
    ;;
*)
    echo "usage: $0 demo|test|package" >&2
    exit 1
    ;;
esac
