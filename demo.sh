#!/usr/bin/env bash
# The main job on the bundled sample data: a review of the help-desk process of samples/, through the whole cycle,
# kept in a workspace (out/demo.db) with the people who take part signing and answering under their own accounts.
#   1. Scope      aims, stakeholders, boundaries and what may change, signed by the sponsor; the log imported
#   2. Analyse    the process inside the scope: what the log holds, the map, each step, paths, hand-overs
#   3. Assess     every step for cost, satisfaction and service levels, saved with the questions they raise
#   4. Challenge  questions put to the people who do the work, and their answers
#   5. Evaluate   options simulated against the as-is; decision matrix, cost-benefit with intervals, risks
#   6. Decide     a recommendation with its evidence, signed by the sponsor
#   7. Implement  the plan with owners, dates, dependencies and RACI; the task owners report progress
#   8. Monitor    KPIs with baselines and targets, measured on the data after the change; did the change work?
#   9. Review     the quality of service from a passenger survey: scores, drivers, targets
# Results are printed and also written to out/ (SVG, BPMN, CSV, JSON) for reports and spreadsheets.
set -euo pipefail
cd "$(dirname "$0")"
log=samples/helpdesk.xes.gz
out=out
mkdir -p "$out"
rm -f "$out/demo.db" "$out/demo.db-wal" "$out/demo.db-shm"
ws=(--workspace "$out/demo.db" --as "Improvement lead")
as_sam=(--workspace "$out/demo.db" --as sam)
as_tia=(--workspace "$out/demo.db" --as tia)

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
./stepwise review stakeholder "$review" "${ws[@]}" --name "Sam Sponsor" --position "Head of customer service" \
  --group senior-managers --role accountable --account sam > /dev/null
./stepwise review stakeholder "$review" "${ws[@]}" --name "Tia Teamlead" --position "Second-line support lead" \
  --group team-leaders --role consulted --account tia > /dev/null
./stepwise review scope "$review" "${ws[@]}" --end "Closed" --allow automate,remove-step,reduce-rework,resequence \
  --budget 25000 --in "Tickets raised with the help desk and closed" --out "Field engineer visits" \
  --keep "Closed=the customer is told the ticket is closed" --constraint "No additional staff"
./stepwise review communicate "$review" "${ws[@]}" --to all --channel e-mail --about scope \
  --message "Scope version 1 circulated for sign-off" > /dev/null
./stepwise review signoff "$review" "${as_sam[@]}" --artefact scope > /dev/null   # Sam signs as himself
./stepwise review stage "$review" "${ws[@]}" analyse > /dev/null
./stepwise review import "$review" "$log" "${ws[@]}"

section "2. Analyse: what the review's data holds inside the agreed scope"
./stepwise summary --review "$review" "${ws[@]}"

section "2. Analyse: the process map (out/map-part*.svg and .png, out/map-performance-part*.svg, out/map.bpmn)"
# 95% of the work and 80% of the transitions: the steps and paths that carry the process, on 16:9 slides (in parts
# along the flow, a file each, where one slide would print its text under 12 pt).
./stepwise map --review "$review" "${ws[@]}" -o "$out/map.svg" --png "$out/map.png" --activities 95 --paths 80 --fit slide > /dev/null
./stepwise map --review "$review" "${ws[@]}" -o "$out/map-performance.svg" --overlay performance --lanes workgroup \
  --activities 95 --paths 80 --bpmn "$out/map.bpmn" --fit slide
echo "Open out/map-part1.svg in a browser (out/map-part1.png, -part2, ... for slides); out/map.bpmn opens laid out, with lanes, in a BPMN modeller."

section "2. Analyse: each step's volume, rework, waiting time and resources"
./stepwise activities --review "$review" "${ws[@]}"
./stepwise activities --review "$review" "${ws[@]}" --format csv > "$out/activities.csv"
./stepwise dfg --review "$review" "${ws[@]}" --format csv > "$out/dfg.csv"

section "2. Analyse: the paths cases take"
./stepwise variants --review "$review" "${ws[@]}" --top 8

section "2. Analyse: hand-overs between support teams, and work bounced back"
./stepwise handovers --review "$review" "${ws[@]}" --by workgroup --top 8

section "2. Analyse: waiting in working time (Mon-Fri 09:00-17:00, Rome) and the slowest cases"
./stepwise cases --review "$review" "${ws[@]}" --top 5 --working-hours "Mon-Fri 09:00-17:00" --calendar-timezone Europe/Rome

section "3. Assess every step: cost, satisfaction (synthetic feedback), service levels (example pack), value"
./stepwise steps --review "$review" "${ws[@]}" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --rules it-service-desk
./stepwise steps "$log" --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --rates samples/helpdesk-rates.yaml --rules it-service-desk --show all --format json > "$out/steps.json"
./stepwise review stage "$review" "${ws[@]}" challenge > /dev/null

section "4. Challenge: the questions the evidence raises, put to the people who do the work"
./stepwise questions --review "$review" "${ws[@]}" --feedback samples/helpdesk-feedback.csv \
  --customer-attribute customer --rates samples/helpdesk-rates.yaml --rules it-service-desk --top 8
wait_question=$(./stepwise review questions "$review" "${ws[@]}" --format csv | awk -F, '$2 == "Wait" { print $1; exit }')
./stepwise review ask "$review" "$wait_question" --to "Tia Teamlead" "${ws[@]}" > /dev/null
./stepwise review answer "$review" "$wait_question" "${as_tia[@]}" \
  --text "Tickets sit in Wait until the customer replies; nobody chases them, so they are closed weeks later." > /dev/null
own=$(./stepwise review question "$review" "${ws[@]}" --step "Take in charge ticket" --ask "Tia Teamlead" --format csv \
  --text "Why are a quarter of the tickets taken in charge again after a resolution attempt?" | field id)
./stepwise review answer "$review" "$own" "${as_tia[@]}" \
  --text "First-line fixes are often guesses; the ticket comes back when the customer tries them." > /dev/null
./stepwise review answer "$review" "$own" "${ws[@]}" --stakeholder "Sam Sponsor" \
  --text "Said at the workshop of 4 March: a diagnosis checklist was tried in 2019 and helped." > /dev/null
./stepwise review questions "$review" "${ws[@]}" --answered

section "5. Evaluate: the options are the simulation's scenarios (samples/helpdesk-options.yaml), simulated against the as-is"
./stepwise review option "$review" "${ws[@]}" --from-scenarios samples/helpdesk-options.yaml
./stepwise review option "$review" "${ws[@]}" --title "halve rework" --question "$own" > /dev/null
./stepwise review option "$review" "${ws[@]}" --title "no waiting step" --question "$wait_question" > /dev/null
./stepwise review simulate "$review" "${ws[@]}" --replications 20 --seed 7
./stepwise review stage "$review" "${ws[@]}" evaluate > /dev/null

section "5. Evaluate: decision matrix (weights sum to 1; a rationale per score) and its sensitivity to the weights"
./stepwise review criteria "$review" "${ws[@]}" --criterion "Speed=0.4" --criterion "Cost=0.3" --criterion "Customer effort=0.3" > /dev/null
score() { ./stepwise review score "$review" "${ws[@]}" --option "$1" --criterion "$2" --score "$3" --rationale "$4" > /dev/null; }
score "no waiting step" Speed 5 "the largest and a significant fall in median resolution time in the simulation"
score "no waiting step" Cost 4 "a rule change in the ticketing tool; no new software"
score "no waiting step" "Customer effort" 3 "customers must reply within 7 days or the ticket closes"
score "halve rework" Speed 3 "faster, but the simulated gain is smaller and less certain"
score "halve rework" Cost 3 "a diagnosis checklist and two days of training per agent"
score "halve rework" "Customer effort" 5 "fewer tickets come back to the customer"
score "automate triage" Speed 2 "triage is minutes of a weeks-long case; little effect on resolution time"
score "automate triage" Cost 2 "needs a rules engine and integration work"
score "automate triage" "Customer effort" 3 "no change the customer sees"
./stepwise review matrix "$review" "${ws[@]}"

section "5. Evaluate: cost-benefit (the simulation's interval carried to the savings, NPV and payback) and risks"
# Each ticket closed outside the service level costs a EUR 50 service credit; about 1,170 tickets are closed a year,
# so one point (0.01) more tickets within the service level is worth 1,170 x 50 x 0.01 = EUR 585 a year.
./stepwise review cost "$review" "${ws[@]}" --option "no waiting step" --one-off-cost 2000 --yearly-cost 0 \
  --savings-kpi within_service_level --savings-per-unit 58500 --years 5 --discount-rate 0.05
./stepwise review cost "$review" "${ws[@]}" --option "halve rework" --one-off-cost 9000 --yearly-cost 1000 \
  --yearly-savings 3500 --years 5 --discount-rate 0.05 > /dev/null
./stepwise review cost "$review" "${ws[@]}" --option "automate triage" --one-off-cost 18000 --yearly-cost 2500 \
  --yearly-savings 5200 --years 5 --discount-rate 0.05 > /dev/null
./stepwise review risk "$review" "${ws[@]}" --option "no waiting step" --description "Customers who reply late find their ticket closed" \
  --likelihood 3 --impact 3 --owner "Tia Teamlead" --mitigation "Reopen on reply within 30 days; warn at day 5" > /dev/null
./stepwise review risk "$review" "${ws[@]}" --option "halve rework" --description "Agents skip the checklist under pressure" \
  --likelihood 4 --impact 2 --owner "Tia Teamlead" --mitigation "Checklist built into the resolve form" > /dev/null
./stepwise review risk "$review" "${ws[@]}" --description "Ticket volume rises during the change" \
  --likelihood 2 --impact 3 --owner "Sam Sponsor" --mitigation "Go live outside the year-end peak" > /dev/null

section "6. Decide: a recommendation with its evidence, signed by the sponsor's own account"
./stepwise review stage "$review" "${ws[@]}" decide > /dev/null
./stepwise review recommend "$review" "${ws[@]}" --title "Stop parking tickets in Wait" --option "no waiting step" \
  --rationale "The largest and surest gain in resolution time for a small one-off cost, within the budget and the allowed changes." \
  --evidence "Tia Teamlead: tickets sit in Wait until the customer replies and nobody chases them."
./stepwise review signoff "$review" "${as_sam[@]}" --artefact recommendation
./stepwise review communicate "$review" "${ws[@]}" --to all --channel meeting --about "recommendation:Stop parking tickets in Wait" \
  --message "Recommendation agreed at the steering meeting" > /dev/null

section "7. Implement: the plan with owners, dates, dependencies and RACI; progress reported by the task owners"
task() { ./stepwise review task "$review" "${ws[@]}" "$@" > /dev/null; }
task --title "Agree the 7-day reply rule with customer representatives" --owner "Sam Sponsor" --start 2026-04-01 \
  --due 2026-04-10 --accountable "Sam Sponsor" --consulted "Tia Teamlead"
task --title "Replace Wait with a reminder and auto-close in the ticketing tool" --owner "Tia Teamlead" --start 2026-04-13 \
  --due 2026-04-24 --depends-on "Agree the 7-day reply rule with customer representatives" --responsible "Tia Teamlead" \
  --accountable "Sam Sponsor"
task --title "Brief all three support lines" --owner "Tia Teamlead" --start 2026-04-27 --due 2026-04-30 \
  --depends-on "Replace Wait with a reminder and auto-close in the ticketing tool" --responsible "Tia Teamlead" --informed "Sam Sponsor"
# The demo treats 1 June 2012 as the day the change went live (the help-desk log ends in 2014); the monitoring
# splits the data at the plan's go-live date unless given another.
./stepwise review go-live "$review" 2012-06-01 "${ws[@]}" > /dev/null
./stepwise review signoff "$review" "${as_sam[@]}" --artefact plan > /dev/null
./stepwise review communicate "$review" "${ws[@]}" --to all --channel intranet --about plan --message "Implementation plan published" > /dev/null
./stepwise review stage "$review" "${ws[@]}" implement > /dev/null
./stepwise review progress "$review" "Agree the 7-day reply rule with customer representatives" --status done "${as_sam[@]}" > /dev/null
./stepwise review progress "$review" "Replace Wait with a reminder and auto-close in the ticketing tool" --status done "${as_tia[@]}" > /dev/null
./stepwise review progress "$review" "Brief all three support lines" --status done --note "All three lines briefed" "${as_tia[@]}"
./stepwise review stage "$review" "${ws[@]}" monitor

section "8. Monitor: KPIs with baselines and targets, measured on the data (the demo treats 2013 as the months after the change)"
./stepwise review kpi "$review" "${ws[@]}" --name "Median resolution time" --metric throughput_median_hours \
  --target 850 --frequency monthly --owner "Sam Sponsor" --baseline-from 2012-01-01 --baseline-to 2013-01-01 > /dev/null
./stepwise review kpi "$review" "${ws[@]}" --name "Tickets reworked" --metric rework_share \
  --target 0.2 --frequency monthly --owner "Tia Teamlead" --baseline-from 2012-01-01 --baseline-to 2013-01-01 > /dev/null
./stepwise review kpi "$review" "${ws[@]}" --name "Customer satisfaction" --definition "mean overall score of the post-ticket survey (0-10)" \
  --unit score --direction higher --target 7 --frequency quarterly --owner "Sam Sponsor" \
  --baseline 6.65 --baseline-source "samples/helpdesk-feedback.csv (synthetic), all responses" > /dev/null
./stepwise review measure "$review" "${ws[@]}" --kpi "Median resolution time" --from 2013-01-01 --to 2013-07-01
./stepwise review measure "$review" "${ws[@]}" --kpi "Tickets reworked" --from 2013-01-01 --to 2013-07-01 > /dev/null
./stepwise review measure "$review" "${ws[@]}" --kpi "Customer satisfaction" --value 6.9 --to 2013-07-01 \
  --source "post-ticket survey, first half of 2013 (an illustrative figure)" > /dev/null

section "8. Monitor: did it work? The review's data before and after a change date, kept in the review (charts in out/monitor/)"
# The change date is the plan's go-live (1 June 2012); satisfaction comes from the survey responses the step
# assessments linked, first-contact resolution from repeat contacts by the same customer. The plan's KPIs, the agreed option's removed step
# (conformance) and its simulated change (the forecast) come from the review itself; the run is kept with the hashes
# of its data, and the web app's Monitor page shows it.
./stepwise review monitor "$review" "${ws[@]}" --settling-in 14d --waiting-steps 3 \
  --mix-by service_type --rates samples/helpdesk-rates.yaml --feedback samples/helpdesk-feedback.csv --customer-attribute customer \
  --charts "$out/monitor" --show kpis,conformance,forecast

section "The review: everything it holds"
./stepwise review show "$review" "${ws[@]}"

section "9. Quality review: passenger survey scores, key drivers and targets"
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

section "Reports for every audience (out/reports/): board paper, team and front-line briefings, partners, analysts, evidence"
mkdir -p "$out/reports"
./stepwise report "$review" "${ws[@]}" --audience senior-managers --format pdf -o "$out/reports/senior-managers.pdf"
./stepwise report "$review" "${ws[@]}" --audience senior-managers --format pptx -o "$out/reports/senior-managers.pptx" > /dev/null
./stepwise report "$review" "${ws[@]}" --audience team-leaders --team "Tia Teamlead" --format pdf -o "$out/reports/team-leaders.pdf" > /dev/null
./stepwise report "$review" "${ws[@]}" --audience front-line-staff --format html -o "$out/reports/front-line-staff.html" > /dev/null
./stepwise report "$review" "${ws[@]}" --audience partners --format pdf -o "$out/reports/partners.pdf" > /dev/null
./stepwise report "$review" "${ws[@]}" --audience analysts -o "$out/reports/analysts.xlsx" > /dev/null
./stepwise report "$review" "${ws[@]}" --audience evidence-map --format html -o "$out/reports/evidence-map.html" > /dev/null
./stepwise report "$quality" "${ws[@]}" --audience senior-managers --format pdf -o "$out/reports/quality-senior-managers.pdf" > /dev/null
./stepwise report "$quality" "${ws[@]}" --audience partners --partner "Inflight wifi provider" --format pdf -o "$out/reports/quality-partners.pdf" > /dev/null
./stepwise report "$quality" "${ws[@]}" --audience analysts -o "$out/reports/quality-analysts.xlsx" > /dev/null
./stepwise report "$quality" "${ws[@]}" --audience evidence-map --format html -o "$out/reports/quality-evidence-map.html" > /dev/null
# Personal data left in: owners only, and recorded in the review's history (the last entry below).
./stepwise report "$review" "${ws[@]}" --audience front-line-staff --format html --include-personal-data \
  -o "$out/reports/front-line-staff-with-personal-data.html"
echo "Open out/reports/: senior-managers.pdf (two pages), team-leaders.pdf, front-line-staff.html, partners.pdf, analysts.xlsx, evidence-map.html, and the quality review's."

section "The review's history (people and artefacts by name, old and new values)"
./stepwise review history "$review" "${ws[@]}" --last 5

section "The whole review as one JSON document (out/review.json), read back into another workspace"
./stepwise review export "$review" "${ws[@]}" -o "$out/review.json"
rm -f "$out/copy.db" "$out/copy.db-wal" "$out/copy.db-shm"
./stepwise review init --workspace "$out/copy.db" --as "Improvement lead" > /dev/null
./stepwise review import-json "$out/review.json" --workspace "$out/copy.db" --as "Improvement lead"

printf '
Written to out/: demo.db (the review workspace), review.json, copy.db, map-part*.svg and .png, map-performance-part*.svg, map.bpmn, activities.csv, dfg.csv, steps.json, reports/ (a report for every audience)
'
