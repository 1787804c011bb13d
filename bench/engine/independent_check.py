"""An independent check of the per-step rework (returns), the ping-pong count and the time before the last step, with
the standard library only.

    python3 bench/engine/independent_check.py ../shared/data
        (the folder holding eventlogs/incident_event_log.csv.zip, helpdesk.xes.gz and bpic2013_incidents.xes.gz)

Compare with:
  - `stepwise steps LOG --show scorecard,questions` (per-step rework share: cases coming back to the step after another
    step, against the old figure, cases doing it more than once) on the incident export read with --case number
    --activity incident_state --timestamp sys_updated_at --timestamp-format dmy --resource assignment_group, and on
    helpdesk.xes.gz;
  - `stepwise handovers LOG --by assignment_group` (incident export) and `--by org:group` (BPIC 2013): cases with
    ping-pong, old reading (A, B, A on three consecutive events) and new reading (consecutive events of the same value
    taken as one, so A, B, B, A counts too); an event without a value breaks the chain in both;
  - `stepwise simulate LOG` (the as-is check): the median and 90th percentile of the time from a case's first event to
    the completion of its last event but one (when its last step became due; 0 for a case of one event).

Reads the logs with csv/xml (not with Stepwise) and orders each case's events by time (file order on ties). Values
meaning missing: empty, ?, NULL, NA, N/A (Stepwise's default). Timestamps without an offset are read as UTC.
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

UTC = dt.timezone.utc
MISSING = {"", "?", "NULL", "NA", "N/A"}
NS = "{http://www.xes-standard.org/}"


def read_incidents(path):
    """case -> [(time, row, activity, assignment_group or None)]."""
    cases = collections.defaultdict(list)
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv") and not n.startswith("__MACOSX"))
        with z.open(name) as raw:
            for i, r in enumerate(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))):
                t = dt.datetime.strptime(r["sys_updated_at"], "%d/%m/%Y %H:%M").replace(tzinfo=UTC)
                group = r["assignment_group"].strip()
                cases[r["number"]].append((t, i, r["incident_state"], None if group in MISSING else group))
    for events in cases.values():
        events.sort(key=lambda x: (x[0], x[1]))
    return cases


def read_xes(path, by):
    """case -> [(time, row, activity, value of BY or None)]."""
    cases = {}
    with gzip.open(path) as f:
        root = ET.parse(f).getroot()
    row = 0
    for trace in root.iter(NS + "trace"):
        cid = next(a.get("value") for a in trace if a.tag == NS + "string" and a.get("key") == "concept:name")
        events = []
        for event in trace.iter(NS + "event"):
            attrs = {a.get("key"): a.get("value") for a in event}
            t = dt.datetime.fromisoformat(attrs["time:timestamp"])
            value = attrs.get(by)
            events.append((t, row, attrs["concept:name"], None if value is None or value.strip() in MISSING else value))
            row += 1
        events.sort(key=lambda x: (x[0], x[1]))
        cases[cid] = events
    return cases


def rework_by_step(cases):
    """activity -> (cases, cases doing it more than once, cases coming back to it after another step)."""
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for events in cases.values():
        acts = [e[2] for e in events]
        seen, repeated, returned = set(), set(), set()
        for k, a in enumerate(acts):
            if a in seen:
                repeated.add(a)
                if acts[k - 1] != a:
                    returned.add(a)
            seen.add(a)
        for a in seen:
            counts[a][0] += 1
            counts[a][1] += a in repeated
            counts[a][2] += a in returned
    return counts


def ping_pong_cases(cases):
    """(cases with A, B, A on three consecutive events, cases with A, B, A once runs of one value are taken as one)."""
    old = new = 0
    for events in cases.values():
        values = [e[3] for e in events]
        found_old = any(values[k - 2] is not None and values[k - 1] is not None and values[k] is not None
                        and values[k - 2] == values[k] != values[k - 1] for k in range(2, len(values)))
        found_new = False
        runs = []  # values of the runs since the last missing value
        for v in values:
            if v is None:
                runs = []
            elif not runs or runs[-1] != v:
                runs.append(v)
                if len(runs) >= 3 and runs[-3] == v:
                    found_new = True
        old += found_old
        new += found_new
    return old, new


def quantile(sorted_values, p):
    pos = p * (len(sorted_values) - 1)
    lo = int(pos)
    if lo >= len(sorted_values) - 1:
        return sorted_values[-1]
    return sorted_values[lo] + (pos - lo) * (sorted_values[lo + 1] - sorted_values[lo])


def before_last_step(cases):
    """(median, p90) in days of the time from the first event to the last event but one, and the same of throughput."""
    before, through = [], []
    for events in cases.values():
        start = events[0][0]
        before.append((events[-2][0] - start).total_seconds() if len(events) > 1 else 0.0)
        through.append((events[-1][0] - start).total_seconds())
    before.sort()
    through.sort()
    return [quantile(x, p) / 86400 for x in (before, through) for p in (0.5, 0.9)]


def report_rework(name, cases, top=8):
    counts = rework_by_step(cases)
    print(f"{name}: per-step rework, old (cases doing it more than once) and new (cases coming back after another step)")
    for a, (n, rep, ret) in sorted(counts.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"  {a:28} cases {n:6}  old {rep:6} ({rep / n:6.1%})  new {ret:6} ({ret / n:6.1%})")


def main(data):
    logs = f"{data}/eventlogs"
    incidents = read_incidents(f"{logs}/incident_event_log.csv.zip")
    print(f"incident export: {len(incidents)} cases")
    report_rework("incident export", incidents)
    old, new = ping_pong_cases(incidents)
    print(f"  ping-pong by assignment_group: old {old} cases, new {new} cases")
    b50, b90, t50, t90 = before_last_step(incidents)
    print(f"  time before the last step: median {b50:.3f} d, p90 {b90:.3f} d; throughput median {t50:.3f} d, p90 {t90:.3f} d")

    helpdesk = read_xes(f"{logs}/helpdesk.xes.gz", "org:resource")
    print(f"help desk: {len(helpdesk)} cases")
    report_rework("help desk", helpdesk)
    old, new = ping_pong_cases(helpdesk)
    print(f"  ping-pong by org:resource: old {old} cases, new {new} cases")
    b50, b90, t50, t90 = before_last_step(helpdesk)
    print(f"  time before the last step: median {b50:.3f} d, p90 {b90:.3f} d; throughput median {t50:.3f} d, p90 {t90:.3f} d")

    bpic = read_xes(f"{logs}/bpic2013_incidents.xes.gz", "org:group")
    print(f"BPIC 2013 incidents: {len(bpic)} cases")
    old, new = ping_pong_cases(bpic)
    print(f"  ping-pong by org:group: old {old} cases, new {new} cases")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data"))
