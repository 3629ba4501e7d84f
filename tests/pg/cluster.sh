#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (shared toolchain notes, section 8).
#   tests/pg/cluster.sh start POINTER   start one in a private mktemp -d folder and write
#                                       PGHOST=<socket folder> and PGPASSFILE=<pgpass> to POINTER
#   tests/pg/cluster.sh stop POINTER    stop it at once and remove the folder and POINTER
# Only a Unix socket in that folder, no TCP port. Roles: `plsuper` (the superuser, trusted over
# the socket, for the harness only) and `pladmin` (LOGIN CREATEROLE CREATEDB, not a superuser,
# a password in PGPASSFILE, scram-sha-256 like every other role).
# Without the server (postgresql-15) `start` writes "unavailable: <reason>" to POINTER and
# succeeds, so the PostgreSQL tests skip; with PRACTICE_LEDGER_REQUIRE_PG=1 (CI) it fails.
# One per build folder, not per test: start takes about 2 s (initdb 1.6 s of it), stop 0.35 s
# (2 cores, load 4); a database per test takes 30-60 ms (see tests/core/postgres).
# PRACTICE_LEDGER_PG_BINDIR overrides the server's folder (to try the unavailable path).
set -euo pipefail

bin=${PRACTICE_LEDGER_PG_BINDIR:-/usr/lib/postgresql/15/bin}

usage() {
    echo "usage: $0 start|stop POINTER_FILE" >&2
    exit 2
}
[ $# -eq 2 ] || usage
command=$1
pointer=$2
case "$pointer" in
/*) ;;
*) pointer="$PWD/$pointer" ;;
esac

# The server refuses to run as root: as root, its programs run as `postgres` on a folder
# `postgres` owns; as anyone else, directly.
as=()
if [ "$(id -u)" -eq 0 ]; then
    as=(runuser -u postgres --)
fi

# Stops the cluster POINTER names, if any, and removes its folder and POINTER.
stop_cluster() {
    local dir=""
    if [ -f "$pointer" ]; then
        dir=$(sed -n 's/^PGHOST=//p' "$pointer")
    fi
    # Only a folder this script made: never rm -rf whatever a damaged POINTER names.
    if [ -n "$dir" ] && [ -d "$dir" ] && [ -f "$dir/.practice-ledger-pg" ]; then
        cd /
        if [ -f "$dir/data/postmaster.pid" ]; then
            # The pg_ctl that started it (the marker names its folder), whatever $bin is now.
            local started_with
            started_with=$(cat "$dir/.practice-ledger-pg")
            if ! "${as[@]}" "${started_with:-$bin}/pg_ctl" -D "$dir/data" -m immediate -w stop \
                >/dev/null 2>&1; then
                # SIGQUIT is what `pg_ctl -m immediate` sends the postmaster.
                local pid
                pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
                if [ -n "$pid" ] && kill -QUIT "$pid" 2>/dev/null; then
                    for _ in $(seq 50); do
                        kill -0 "$pid" 2>/dev/null || break
                        sleep 0.1
                    done
                fi
            fi
        fi
        rm -rf "$dir"
    fi
    rm -f "$pointer"
}

start_cluster() {
    stop_cluster
    if [ ! -x "$bin/initdb" ]; then
        local reason="$bin/initdb not found (apt-get install postgresql-15)"
        if [ "${PRACTICE_LEDGER_REQUIRE_PG:-}" = 1 ]; then
            echo "cluster.sh: $reason, and PRACTICE_LEDGER_REQUIRE_PG=1" >&2
            exit 1
        fi
        echo "unavailable: $reason" >"$pointer"
        echo "cluster.sh: $reason; the PostgreSQL tests will skip" >&2
        return
    fi

    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/practice-ledger-pg-XXXXXX")
    chmod 700 "$dir"
    echo "$bin" >"$dir/.practice-ledger-pg"
    # If anything below fails, leave nothing running and nothing behind.
    trap 'cd /; "${as[@]}" "$bin/pg_ctl" -D "'"$dir"'/data" -m immediate -w stop >/dev/null 2>&1 || true; rm -rf "'"$dir"'"; rm -f "$pointer"' ERR
    if [ ${#as[@]} -gt 0 ]; then
        chown postgres:postgres "$dir"
        if ! "${as[@]}" test -w "$dir"; then
            echo "cluster.sh: postgres cannot reach $dir (set TMPDIR to a folder it can)" >&2
            false
        fi
    fi
    # The server's programs warn when they cannot read the current folder (root's home).
    cd "$dir"

    "${as[@]}" "$bin/initdb" -D "$dir/data" -U plsuper -A trust --no-sync -E UTF8 \
        --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        false
    }
    # Trust only the harness's superuser, only over the socket in this private folder; every
    # other role logs in with a password.
    printf '%s\n' '# TYPE DATABASE USER AUTH' 'local all plsuper trust' \
        'local all all scram-sha-256' | "${as[@]}" tee "$dir/data/pg_hba.conf" >/dev/null
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
        "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || {
        cat "$dir/server.log" >&2
        false
    }

    # Hex: nothing pgpass or SQL would need escaped.
    local password
    password=$(od -An -tx1 -N18 /dev/urandom | tr -d ' \n')
    # This connection is made by the caller (root in CI), so it also proves the tests can
    # reach the socket in the 0700 folder.
    "$bin/psql" "host=$dir user=plsuper dbname=postgres" -X -q -v ON_ERROR_STOP=1 -c \
        "CREATE ROLE pladmin LOGIN CREATEROLE CREATEDB PASSWORD '$password'"
    (
        umask 077
        printf '%s:*:*:pladmin:%s\n' "$dir" "$password" >"$dir/pgpass"
    )
    printf 'PGHOST=%s\nPGPASSFILE=%s\n' "$dir" "$dir/pgpass" >"$pointer"
    trap - ERR
}

case "$command" in
start) start_cluster ;;
stop) stop_cluster ;;
*) usage ;;
esac
