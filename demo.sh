#!/usr/bin/env bash
# The main job on the bundled sample data: analyses the help-desk log of samples/ step by step.
# Results are printed and also written to out/ (CSV and JSON) for a spreadsheet or another tool.
set -euo pipefail
cd "$(dirname "$0")"
log=samples/helpdesk.xes.gz
mkdir -p out

section() { printf '\n==== %s ====\n\n' "$1"; }

section "What the log holds"
./stepwise summary "$log"

section "Each step: volume, rework, waiting time, resources"
./stepwise activities "$log"
./stepwise activities "$log" --format csv > out/activities.csv

section "How work flows between steps (directly-follows graph)"
./stepwise dfg "$log" | head -25
./stepwise dfg "$log" --format csv > out/dfg.csv

section "The paths cases take (variants)"
./stepwise variants "$log" --top 10

section "Hand-overs between support teams (workgroup), including work bounced back"
./stepwise handovers "$log" --by workgroup --top 10

section "Waiting measured in working time (Mon-Fri 09:00-17:00, Rome)"
./stepwise activities "$log" --working-hours "Mon-Fri 09:00-17:00" --calendar-timezone Europe/Rome

section "The slowest cases"
./stepwise cases "$log" --top 10
./stepwise cases "$log" --format json > out/cases.json

printf '\nFiles written to out/: activities.csv, dfg.csv, cases.json\n'

section "Every step assessed: cost, satisfaction (synthetic feedback), service levels (example pack), questions"
./stepwise steps "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --rules it-service-desk
./stepwise steps "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --rules it-service-desk --show all --format json > out/steps.json
./stepwise questions "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --top 10
