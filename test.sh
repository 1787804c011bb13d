#!/usr/bin/env bash
# Runs every Stepwise test on this machine, installing what the tests need when it is missing.
# Usage: ./test.sh [extra dotnet test arguments]
#
# The storage tests also run against PostgreSQL: unless STEPWISE_TEST_POSTGRES already names a server, this script
# installs Debian's postgresql package when it is missing, starts a throwaway cluster on 127.0.0.1 on a free port
# with a temporary data directory, exports its connection string, and stops and removes it on exit.
set -euo pipefail
cd "$(dirname "$0")"

pg_data=""
pg_bin=""
stop_postgres() {
    if [ -n "$pg_data" ] && [ -d "$pg_data" ]; then
        as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$pg_data"
    fi
}

as_postgres() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start_postgres() {
    if [ -n "${STEPWISE_TEST_POSTGRES:-}" ]; then
        return 0
    fi
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
            echo "test.sh: installing PostgreSQL for the storage tests..." >&2
            (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
                || echo "test.sh: could not install PostgreSQL" >&2
            # The package may start a default cluster; the tests use their own throwaway one.
            if command -v pg_lsclusters >/dev/null 2>&1; then
                pg_lsclusters --no-header 2>/dev/null | while read -r version name _; do
                    pg_ctlcluster "$version" "$name" stop >/dev/null 2>&1 || true
                done
            fi
        fi
    fi
    pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
        echo "test.sh: PostgreSQL is not available; the PostgreSQL storage tests will skip (and fail when CI is set)." >&2
        return 0
    fi

    local port=55432
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
        port=$((port + 1))
    done

    pg_data="$(mktemp -d "${TMPDIR:-/tmp}/stepwise-pg.XXXXXX")"
    trap stop_postgres EXIT
    if [ "$(id -u)" = "0" ]; then
        chown postgres:postgres "$pg_data"
    fi
    as_postgres "$pg_bin/initdb" -D "$pg_data" -U stepwise --auth=trust -E UTF8 --no-locale >/dev/null
    as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_data -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
        start >/dev/null
    # A team server's roles (docs/operations.md): the tests make stepwise_owner own a workspace and check that
    # stepwise_app cannot truncate, alter or disable the triggers of history and sign-offs, and that stepwise_reader
    # opens it for reading only.
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$port" -U stepwise -d postgres -qX \
        -c "CREATE ROLE stepwise_owner LOGIN" -c "CREATE ROLE stepwise_app LOGIN" -c "CREATE ROLE stepwise_reader LOGIN" >/dev/null
    export STEPWISE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=stepwise;Database=postgres"
    echo "test.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the storage tests" >&2
}

start_postgres
# BPMN export check: bpmn-moddle from npm, installed once into tests/bpmn-check/node_modules (ignored by git).
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing Node.js for the BPMN export check..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) \
    || echo "test.sh: could not install Node.js" >&2
fi
if { [ ! -d tests/bpmn-check/node_modules/bpmn-moddle ] || [ ! -d tests/bpmn-check/node_modules/bpmn-js ]; } && command -v npm >/dev/null 2>&1; then
  npm ci --prefix tests/bpmn-check --no-audit --no-fund --silent
fi
# The bpmn-js viewer check imports the exported BPMN in headless Chromium (Debian's package); it fails under CI without it.
if ! [ -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing Chromium for the BPMN viewer check..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "test.sh: could not install Chromium" >&2
fi

# The web app's end-to-end tests drive Debian's Chromium (never a browser downloaded by Playwright); they fail
# when CI is set and it is missing.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "test.sh: installing Chromium for the web app's end-to-end tests..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "test.sh: could not install Chromium" >&2
fi

if [ "$#" -gt 0 ]; then
  dotnet test Stepwise.slnx -c Release --nologo "$@"
  exit
fi
# The test projects run side by side, except the browser tests: they run on their own afterwards, so that pages are
# not starved of the processor by the heavier projects on a two-core machine.
dotnet build Stepwise.slnx -c Release --nologo
dotnet test Stepwise.slnx -c Release --no-build --nologo --filter "FullyQualifiedName!~Stepwise.Web.EndToEnd.Tests"
dotnet test tests/Stepwise.Web.EndToEnd.Tests/Stepwise.Web.EndToEnd.Tests.csproj -c Release --no-build --nologo
