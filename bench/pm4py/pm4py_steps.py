"""The PM4Py half of bench/pm4py/compare.sh: the steps that `Stepwise.Bench compare` times, with PM4Py 2.7.

    python pm4py_steps.py steps FILE.csv FILE.xes   in process: one "step seconds count" line per step
    python pm4py_steps.py summary FILE.csv          a whole process comparable to `stepwise summary FILE.csv`

The CSV is the benchmark's synthetic log (case_id,activity,timestamp,resource,channel; ISO-8601 timestamps).
"""
import sys
import time

import pandas as pd
import pm4py


def read_csv(path):
    frame = pd.read_csv(path)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True, format="ISO8601")
    return pm4py.format_dataframe(frame, case_id="case_id", activity_key="activity", timestamp_key="timestamp")


def timed(step, work, count):
    start = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - start
    print(f"{step} {seconds:.4f} {count(result)}", flush=True)
    return result


def steps(csv, xes):
    log = timed("csv-read", lambda: read_csv(csv), len)
    timed("xes-read", lambda: pm4py.read_xes(xes), len)
    timed("variants", lambda: pm4py.get_variants(log), len)
    timed("dfg-performance", lambda: pm4py.discover_performance_dfg(log)[0], len)


def summary(csv):
    # What `stepwise summary` reports: counts, time span, variants, throughput times and rework.
    log = read_csv(csv)
    cases = log["case:concept:name"].nunique()
    activities = log["concept:name"].value_counts()
    resources = log["org:resource"].nunique()
    span = (log["time:timestamp"].min(), log["time:timestamp"].max())
    variants = pm4py.get_variants(log)
    durations = pm4py.get_all_case_durations(log)
    rework = pm4py.get_rework_cases_per_activity(log)
    print(f"{len(log)} events, {cases} cases, {len(activities)} activities, {resources} resources, {span[0]} to "
          f"{span[1]}, {len(variants)} variants, {len(durations)} throughput times, rework in {len(rework)} activities")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "steps":
        steps(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "summary":
        summary(sys.argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
