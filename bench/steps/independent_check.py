"""An independent check of the step assessment's service-level and timer figures, with the standard library only.

    python3 bench/steps/independent_check.py ../shared/data
        (the folder holding eventlogs/incident_event_log.csv.zip and eventlogs/helpdesk.xes.gz; about 20 s)

Compare with `stepwise steps LOG --rules it-service-desk --show compliance` (the incident export with --case number
--activity incident_state --timestamp sys_updated_at --resource sys_updated_by) and the scorecard's timer columns.

Reads the two logs with csv/xml (not with Stepwise), orders each case's events by time (file order on ties), and
counts, for the it-service-desk pack:
  - 'work starts within one business day': 10 working hours, Mon-Fri 08:00-18:00 Europe/London, from the case's first
    event to its first 'In progress' (Active / Take in charge ticket). Old reading: a case that never goes In progress
    breaches once more than 10 working hours passed by its last event (open otherwise). New reading: a case that
    reaches Resolved or Closed without ever going In progress skipped the step and is not checked.
  - the resolution rules by priority (incident log), where a case closed without ever being resolved is not checked.
  - the timer before 'Closed': elapsed waits from the previous event, the densest band [w, w * 1.02] of waits of at
    least an hour, and the share of instances in it.
Timestamps without an offset (the incident export) are read as UTC, as `stepwise` does by default.
"""
import collections
import csv
import datetime as dt
import gzip
import io
import os
import sys
import xml.etree.ElementTree as ET
import zipfile
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc


def working_seconds(a, b):
    """Seconds of [a, b] (aware datetimes) inside Mon-Fri 08:00-18:00 London time."""
    if b <= a:
        return 0.0
    total = 0.0
    day = a.astimezone(LONDON).date() - dt.timedelta(days=1)
    last = b.astimezone(LONDON).date() + dt.timedelta(days=1)
    while day <= last:
        if day.weekday() < 5:
            lo = dt.datetime(day.year, day.month, day.day, 8, 0, tzinfo=LONDON)
            hi = dt.datetime(day.year, day.month, day.day, 18, 0, tzinfo=LONDON)
            s, e = max(a, lo), min(b, hi)
            if e > s:
                total += (e - s).total_seconds()
        day += dt.timedelta(days=1)
    return total


def read_incidents(path):
    cases = collections.defaultdict(list)
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
        with z.open(name) as raw:
            for i, r in enumerate(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))):
                t = dt.datetime.strptime(r["sys_updated_at"], "%d/%m/%Y %H:%M").replace(tzinfo=UTC)
                cases[r["number"]].append((t, i, r["incident_state"], r["priority"]))
    for events in cases.values():
        events.sort(key=lambda x: (x[0], x[1]))
    return cases


def read_helpdesk(path):
    ns = "{http://www.xes-standard.org/}"
    cases = {}
    with gzip.open(path) as f:
        root = ET.parse(f).getroot()
    row = 0
    for trace in root.iter(ns + "trace"):
        cid = next(a.get("value") for a in trace if a.tag == ns + "string" and a.get("key") == "concept:name")
        events = []
        for event in trace.iter(ns + "event"):
            attrs = {a.get("key"): a.get("value") for a in event}
            t = dt.datetime.fromisoformat(attrs["time:timestamp"])
            events.append((t, row, attrs["concept:name"], None))
            row += 1
        events.sort(key=lambda x: (x[0], x[1]))
        cases[cid] = events
    return cases


def work_starts(cases, in_progress, skipped_by, limit_hours=10):
    """(old checked, old open, old breaches, new checked, new open, new breaches, skipped)."""
    limit = limit_hours * 3600
    old = [0, 0, 0]
    new = [0, 0, 0]
    skipped = 0
    for events in cases.values():
        start = events[0][0]
        acts = [e[2] for e in events]
        first = next((e for e in events if e[2] == in_progress), None)
        if first is not None:
            taken = working_seconds(start, first[0])
            verdict = "breach" if taken > limit else "kept"
        else:
            so_far = working_seconds(start, events[-1][0])
            verdict = "breach" if so_far > limit else "open"
        old[0] += 1
        old[1] += verdict == "open"
        old[2] += verdict == "breach"
        if first is None and any(a in skipped_by for a in acts):
            skipped += 1
            continue
        new[0] += 1
        new[1] += verdict == "open"
        new[2] += verdict == "breach"
    return (*old, *new, skipped)


def resolution(cases, priority, hours, resolved="Resolved", closed="Closed"):
    """(checked, open, breaches) of 'resolved within HOURS' for cases of PRIORITY, closed-unresolved not checked."""
    limit = hours * 3600
    checked = opened = breaches = 0
    for events in cases.values():
        first_priority = next((e[3] for e in events if e[3] not in (None, "", "?")), None)
        if first_priority != priority:
            continue
        start = events[0][0]
        first = next((e for e in events if e[2] == resolved), None)
        if first is None and any(e[2] == closed for e in events):
            continue
        checked += 1
        end = first[0] if first is not None else events[-1][0]
        if (end - start).total_seconds() > limit:
            breaches += 1
        elif first is None:
            opened += 1
    return checked, opened, breaches


def timer(cases, step):
    waits = []
    for events in cases.values():
        for k in range(1, len(events)):
            if events[k][2] == step:
                waits.append(max(0.0, (events[k][0] - events[k - 1][0]).total_seconds()))
    waits.sort()
    best = best_from = 0
    j = 0
    for i, w in enumerate(waits):
        if w < 3600:
            continue
        j = max(j, i)
        while j < len(waits) and waits[j] <= w * 1.02:
            j += 1
        if j - i > best:
            best, best_from = j - i, i
    band = waits[best_from:best_from + best]
    return len(waits), best, band[0], band[-1], band[len(band) // 2]


def main(data):
    incidents = read_incidents(f"{data}/eventlogs/incident_event_log.csv.zip")
    helpdesk = read_helpdesk(f"{data}/eventlogs/helpdesk.xes.gz")
    print(f"incident export: {len(incidents)} cases")
    reach = sum(1 for ev in incidents.values() if any(e[2] == "Active" for e in ev))
    print(f"  cases that ever go Active: {reach}")
    r = work_starts(incidents, "Active", {"Resolved", "Closed"})
    print(f"  work starts, old reading: checked {r[0]}, open {r[1]}, breaches {r[2]}")
    print(f"  work starts, new reading: checked {r[3]}, open {r[4]}, breaches {r[5]}, kept {r[3] - r[4] - r[5]}"
          f" ({(r[3] - r[4] - r[5]) / (r[3] - r[4]):.1%} of decided); not checked (skipped the step) {r[6]}")
    for pid, p, h in [("resolve-p1-4h", "1 - Critical", 4), ("resolve-p2-8h", "2 - High", 8), ("resolve-p3-3d", "3 - Moderate", 72), ("resolve-p4-5d", "4 - Low", 120)]:
        c, o, b = resolution(incidents, p, h)
        print(f"  {pid}: checked {c}, open {o}, breaches {b}")
    n, m, lo, hi, mid = timer(incidents, "Closed")
    print(f"  Closed timer: {m} of {n} waits ({m / n:.1%}) in [{lo / 86400:.4f}, {hi / 86400:.4f}] days, median {mid / 86400:.4f} days")
    print(f"help desk: {len(helpdesk)} cases")
    r = work_starts(helpdesk, "Take in charge ticket", {"Resolve ticket", "Closed"})
    print(f"  work starts, old reading: checked {r[0]}, open {r[1]}, breaches {r[2]}")
    print(f"  work starts, new reading: checked {r[3]}, open {r[4]}, breaches {r[5]}; not checked (skipped the step) {r[6]}")
    n, m, lo, hi, mid = timer(helpdesk, "Closed")
    print(f"  Closed timer: {m} of {n} waits ({m / n:.1%}) in [{lo / 86400:.4f}, {hi / 86400:.4f}] days, median {mid / 86400:.4f} days")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data"))
