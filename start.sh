#!/usr/bin/env bash
# The main job: Stepwise in the browser, on a demo workspace.
#   1. builds Stepwise when needed;
#   2. on first run, creates the demo workspace out/app/stepwise.db (embedded SQLite) by running ./demo.sh, which
#      carries the help-desk review through its stages, and gives the demo accounts passwords;
#   3. serves the web app on this machine only and prints the address and how to sign in.
# Usage: ./start.sh [--reset] [--urls http://127.0.0.1:5117]
#   --reset   throw the demo workspace away and create it again
# The passwords printed are for a local demo only; they are kept in out/app/accounts.txt (readable by you only).
set -euo pipefail
cd "$(dirname "$0")"
app=out/app
ws="$app/stepwise.db"
accounts="$app/accounts.txt"
urls="http://127.0.0.1:5117"
while [ $# -gt 0 ]; do
  case "$1" in
    --reset) rm -rf "$app"; shift ;;
    --urls) urls="${2:?--urls needs an address such as http://127.0.0.1:5117}"; shift 2 ;;
    *) echo "start.sh: unknown option '$1' (use --reset or --urls URL)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$ws" ]; then
  mkdir -p "$app"
  chmod 700 "$app"
  echo "First run: building Stepwise and creating the demo workspace with ./demo.sh (a few minutes; log: $app/demo.log)..."
  if ! ./demo.sh > "$app/demo.log" 2>&1; then
    echo "start.sh: ./demo.sh failed; the end of its log:" >&2
    tail -n 20 "$app/demo.log" >&2
    exit 1
  fi
  # demo.sh leaves its workspace in out/demo.db (with its write-ahead log when one is left open): copy both.
  cp out/demo.db "$ws.partial"
  if [ -f out/demo.db-wal ]; then cp out/demo.db-wal "$ws.partial-wal"; fi
  : > "$accounts.partial"
  chmod 600 "$accounts.partial"
  for who in "Improvement lead" sam tia; do
    password="$(head -c 12 /dev/urandom | base64 | tr -d '/+=' | head -c 14)"
    printf '%s\n' "$password" | ./stepwise user password "$who" --workspace "$ws.partial" --by "Improvement lead" > /dev/null
    printf '%s\t%s\n' "$who" "$password" >> "$accounts.partial"
  done
  if [ -f "$ws.partial-wal" ]; then mv "$ws.partial-wal" "$ws-wal"; fi
  mv "$ws.partial" "$ws"
  mv "$accounts.partial" "$accounts"
fi

password_of() { awk -F'\t' -v who="$1" '$1 == who { print $2 }' "$accounts"; }
cat <<INFO

Sign in with one of the demo accounts (for this local demo only):
  user name            password         who
  Improvement lead     $(printf '%-16s' "$(password_of "Improvement lead")") owner of the help-desk review, administrator of the workspace
  sam                  $(printf '%-16s' "$(password_of sam)") Sam Sponsor, approver: signs off the scope as the accountable stakeholder
  tia                  $(printf '%-16s' "$(password_of tia)") Tia Teamlead, contributor: answers questions, updates her tasks

INFO
exec ./stepwise serve --workspace "$ws" --urls "$urls"
