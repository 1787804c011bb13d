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

section "5. Quality review: passenger survey scores, key drivers and targets"
survey=samples/airline_passenger_satisfaction_kaggle_test.csv
./stepwise survey "$survey" --not-applicable 0 \
  --target "csat>=50%" --target "mean:Online boarding>=3.5" --target "top2:Inflight wifi service>=30%" \
  --show summary,drivers,targets
./stepwise sample size --margin 0.03 --confidence 0.95 --population 25976 --response-rate 0.25

# The same survey as a quality review kept in the workspace, stage by stage: features of the service and the
# measurement plan (signed by the sponsor), a sample drawn and checked against the passengers, the plan revised when
# the complete answers under-represent a group, results against targets, drivers, findings, agreed actions (signed),
# and the audiences the results went to. The survey has no comments, so the review has no themes.
quality=$(./stepwise review create "${ws[@]}" --quality --title "Passenger satisfaction, test split" \
  --owner "Customer experience lead" --format csv | field id)
./stepwise review member add "$quality" sam --role approver "${ws[@]}" > /dev/null
./stepwise review stakeholder "$quality" "${ws[@]}" --name "Sam Sponsor" --group senior-managers --role accountable --account sam > /dev/null
./stepwise review stakeholder "$quality" "${ws[@]}" --name "Cabin crew representative" --group front-line-staff --role consulted > /dev/null
feature() { ./stepwise quality feature "$quality" "${ws[@]}" --name "$1" --why "$2" > /dev/null; }
feature "Overall satisfaction" "What passengers judge the airline on; the survey asks it as satisfied or not"
feature "Inflight wifi service" "Business travellers, two in three passengers, work on board"
feature "Online boarding" "The first contact with the airline on the day of travel"
feature "Seat comfort" "Passengers name it first in complaints about long flights"
measure() { ./stepwise quality measure "$quality" "${ws[@]}" "$@" > /dev/null; }
measure --metric "Satisfied passengers" --feature "Overall satisfaction" --statistic csat --column satisfaction \
  --method survey --target ">=50%" --frequency quarterly --owner "Head of customer experience" \
  --source "post-flight e-mail survey" --sample-design "stratified by class"
measure --metric "Wifi top-2-box" --feature "Inflight wifi service" --statistic top2 --column "Inflight wifi service" \
  --method survey --target ">=50%" --frequency monthly --owner "Inflight product manager" --source "post-flight e-mail survey"
measure --metric "Online boarding score" --feature "Online boarding" --statistic mean --column "Online boarding" \
  --method survey --target ">=3.5" --frequency monthly --owner "Digital channels manager" --source "post-flight e-mail survey"
measure --metric "Seat comfort audit" --feature "Seat comfort" --method mystery-shopping --target ">=4" \
  --frequency quarterly --owner "Cabin product manager" --source "mystery flyers, 20 flights a quarter"
./stepwise review signoff "$quality" --workspace "$out/demo.db" --by sam --artefact plan > /dev/null   # the plan, signed
./stepwise quality sample "$quality" "$survey" "${ws[@]}" --name "Test split by class" --metric "Satisfied passengers" \
  --id id --strata Class --size 1000 --seed 7 -o "$out/quality-sample.csv" > /dev/null
# Passengers of the sample who answered every question (0 means not answered): the answers we can use in full.
awk -F, 'NR == FNR { if (FNR > 1) { ok = 1; for (i = 9; i <= 22; i++) if ($i == "0") ok = 0; if (ok) full[$2] = 1 } next }
  FNR == 1 || ($1 in full)' "$survey" "$out/quality-sample.csv" > "$out/quality-complete.csv"
./stepwise quality check "$quality" "$survey" "$out/quality-complete.csv" "${ws[@]}" --sample "Test split by class" \
  --responses --attribute "Class,Type of Travel,Customer Type" > /dev/null
./stepwise quality revise "$quality" "${ws[@]}" --metric "Satisfied passengers" --reason unrepresentative-sample \
  --sample "Test split by class" \
  --explanation "The check of the complete answers against all passengers finds disloyal customers under-represented" \
  --sample-design "stratified by class and customer type; complete answers weighted by customer type" > /dev/null
./stepwise review signoff "$quality" --workspace "$out/demo.db" --by sam --artefact plan > /dev/null   # the revised plan
./stepwise quality analyse "$quality" "$survey" "${ws[@]}" --title "Passenger survey, test split" --not-applicable 0 \
  --sample "Test split by class" > /dev/null
./stepwise quality findings "$quality" "${ws[@]}" --from "Passenger survey, test split" > /dev/null
./stepwise quality finding "$quality" "${ws[@]}" --kind other --subject "Wifi log-in" \
  --summary "Cabin crew report that passengers give up on the wifi log-in page before paying" \
  --evidence "Crew briefing notes" > /dev/null
wifi=$(./stepwise quality action "$quality" "${ws[@]}" --title "Simplify the wifi log-in" --finding "Wifi top-2-box" \
  --finding "Inflight wifi service" --finding "Wifi log-in" --owner "Inflight product manager" --due 2024-09-30 \
  --measure "Wifi top-2-box at 40% or more in the next quarter's survey" --format csv | field id)
boarding=$(./stepwise quality action "$quality" "${ws[@]}" --title "Online boarding pass in the app" \
  --finding "Online boarding score" --owner "Digital channels manager" --due 2024-12-31 \
  --measure "Online boarding score of 3.5 or more" --format csv | field id)
for action in "$wifi" "$boarding"; do   # each agreed action, signed by the sponsor as himself
  ./stepwise review signoff "$quality" --workspace "$out/demo.db" --by sam --artefact "action:$action" > /dev/null
done
./stepwise quality brief "$quality" "${ws[@]}" --audience senior-managers --recipients "Executive team" --channel report \
  --at 2024-04-08 --message "Fewer passengers are satisfied than the target; wifi and online boarding drive satisfaction and miss theirs" \
  --analysis "Passenger survey, test split" --action "Simplify the wifi log-in" --action "Online boarding pass in the app" > /dev/null
./stepwise quality brief "$quality" "${ws[@]}" --audience front-line-staff --recipients "Cabin crew, all bases" \
  --channel "team briefing" --at 2024-04-10 --message "Wifi is the service passengers rate lowest; what crews saw helped" \
  --finding "Wifi log-in" --action "Simplify the wifi log-in" > /dev/null
./stepwise quality brief "$quality" "${ws[@]}" --audience service-partners --recipients "Inflight wifi provider" \
  --channel "supplier meeting" --at 2024-04-15 --message "Wifi misses its target; we ask for a simpler log-in by September" \
  --finding "Wifi top-2-box" --action "Simplify the wifi log-in" > /dev/null
./stepwise review show "$quality" "${ws[@]}"

section "The review's history"
./stepwise review history "$review" "${ws[@]}" | tail -12

printf '\nWritten to out/: demo.db (the review workspace), map.svg, map.png, map-performance.svg, map.bpmn, activities.csv, dfg.csv, steps.json\n'
