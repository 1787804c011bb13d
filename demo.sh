#!/usr/bin/env bash
# The main job on the bundled sample data: a review of the help-desk process of samples/, through the whole cycle.
#   1. Scope   a review in a workspace (out/demo.db): aims, stakeholders, boundaries, sign-off, the imported log
#   2. Analyse the process: what the log holds, the process map, each step's volume, waiting, rework, hand-overs
#   3. Assess  every step for cost, satisfaction and service levels, and the questions that challenge it
#   4. Evaluate improvement options by what-if simulation, with confidence intervals
#   5. Review  the quality of service from a passenger survey: scores, drivers, targets
# Results are printed and also written to out/ (SVG, BPMN, CSV, JSON) for reports and spreadsheets.
set -euo pipefail
cd "$(dirname "$0")"
log=samples/helpdesk.xes.gz
out=out
mkdir -p "$out"
rm -f "$out/demo.db" "$out/demo.db-wal" "$out/demo.db-shm"
ws=(--workspace "$out/demo.db" --by "Improvement lead")

section() { printf '\n==== %s ====\n\n' "$1"; }
# A record prints as CSV with a header row and one row of values: the value under the named column.
field() { awk -F, -v key="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == key) c = i } NR == 2 && c { print $c }'; }

section "1. Scope: a review, its stakeholders and the agreed boundaries"
./stepwise review init "${ws[@]}" > /dev/null
review=$(./stepwise review create "${ws[@]}" --title "Help desk tickets" --owner "Improvement lead" \
  --aim "Resolve tickets faster without more staff" --format csv | field id)
./stepwise user add sam --display-name "Sam Sponsor" "${ws[@]}" > /dev/null
./stepwise user add tia --display-name "Tia Teamlead" "${ws[@]}" > /dev/null
./stepwise review member add "$review" sam --role approver "${ws[@]}" > /dev/null
./stepwise review member add "$review" tia --role contributor "${ws[@]}" > /dev/null
./stepwise review stakeholder "$review" "${ws[@]}" --name "Sam Sponsor" --group senior-managers --role accountable --account sam > /dev/null
./stepwise review stakeholder "$review" "${ws[@]}" --name "Tia Teamlead" --group team-leaders --role consulted --account tia > /dev/null
./stepwise review scope "$review" "${ws[@]}" --end "Closed" --allow Automate --allow RemoveStep --allow ReSequence \
  --budget 25000 > /dev/null
./stepwise review signoff "$review" --workspace "$out/demo.db" --by sam --artefact scope > /dev/null   # Sam signs as himself
./stepwise review stage "$review" "${ws[@]}" Analyse > /dev/null
./stepwise review import "$review" "$log" "${ws[@]}" > /dev/null
./stepwise review show "$review" "${ws[@]}"

section "2. Analyse: what the log holds"
./stepwise summary "$log"

section "2. Analyse: the process map (out/map.svg and .png, out/map-performance.svg, out/map.bpmn)"
# 95% of the work and 80% of the transitions: the steps and paths that carry the process, on a 16:9 slide.
./stepwise map "$log" -o "$out/map.svg" --png "$out/map.png" --activities 95 --paths 80 --fit slide > /dev/null
./stepwise map "$log" -o "$out/map-performance.svg" --overlay performance --lanes workgroup --activities 95 --paths 80 --bpmn "$out/map.bpmn" --fit slide
echo "Open out/map.svg in a browser (out/map.png for a slide); out/map.bpmn opens laid out, with lanes, in a BPMN modeller."

section "2. Analyse: each step's volume, rework, waiting time and resources"
./stepwise activities "$log"
./stepwise activities "$log" --format csv > "$out/activities.csv"
./stepwise dfg "$log" --format csv > "$out/dfg.csv"

section "2. Analyse: the paths cases take"
./stepwise variants "$log" --top 8

section "2. Analyse: hand-overs between support teams, and work bounced back"
./stepwise handovers "$log" --by workgroup --top 8

section "2. Analyse: waiting in working time (Mon-Fri 09:00-17:00, Rome) and the slowest cases"
./stepwise cases "$log" --top 5 --working-hours "Mon-Fri 09:00-17:00" --calendar-timezone Europe/Rome

section "3. Assess every step: cost, satisfaction (synthetic feedback), service levels (example pack), value"
./stepwise steps "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --rules it-service-desk "${ws[@]}" --review "$review"
./stepwise steps "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --rules it-service-desk --show all --format json > "$out/steps.json"

section "3. Challenge: the questions the evidence raises, ranked by impact"
./stepwise questions "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --top 8

section "4. Evaluate: improvement options simulated against the as-is (samples/helpdesk-options.yaml)"
./stepwise simulate "$log" --scenario samples/helpdesk-options.yaml --replications 20 --seed 7

section "5. Monitor: as if a change took effect on 1 June 2012 (charts in out/monitor/)"
./stepwise monitor "$log" --change-date 2012-06-01 --settling-in 14d --waiting-steps 3 --mix-by service_type \
  --rates samples/helpdesk-rates.yaml --removed-step Wait --charts "$out/monitor" --show kpis,conformance

section "6. Quality review: passenger survey scores, key drivers and targets"
./stepwise survey samples/airline_passenger_satisfaction_kaggle_test.csv --not-applicable 0 \
  --target "csat>=50%" --target "mean:Online boarding>=3.5" --target "top2:Inflight wifi service>=30%" \
  --show summary,drivers,targets
./stepwise sample size --margin 0.03 --confidence 0.95 --population 25976 --response-rate 0.25

section "The review's history"
./stepwise review history "$review" "${ws[@]}" | tail -12

printf '\nWritten to out/: demo.db (the review workspace), map.svg, map.png, map-performance.svg, map.bpmn, activities.csv, dfg.csv, steps.json\n'
