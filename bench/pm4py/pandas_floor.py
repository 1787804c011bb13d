"""A floor for PM4Py where PM4Py cannot be installed: the pandas calls that PM4Py 2.7's CSV reading and formatting
and its `get_variants` on a data frame are built from, timed on the benchmark's synthetic log.

    python3 pandas_floor.py FILE.csv [RUNS]     one "step seconds rows" line per step and run

PM4Py reads a CSV with `pandas.read_csv`, and `format_dataframe` renames the three columns, makes the case and
activity columns strings, converts the timestamps, adds a row index, sorts by case, time and that index, and numbers
the cases; its variants of a data frame group the activities of each case in order and count the sequences. PM4Py
does each of these with pandas and adds its own checks and copies, so what is timed here is less than PM4Py takes:
a ratio against it says how much faster Stepwise is at least. It needs only pandas (Debian's python3-pandas).
"""
import sys
import time

import numpy as np
import pandas as pd


def read_and_format(path):
    frame = pd.read_csv(path)
    frame = frame.rename(columns={"case_id": "case:concept:name", "activity": "concept:name",
                                  "timestamp": "time:timestamp", "resource": "org:resource"})
    frame["case:concept:name"] = frame["case:concept:name"].astype(str)
    frame["concept:name"] = frame["concept:name"].astype(str)
    frame["time:timestamp"] = pd.to_datetime(frame["time:timestamp"], utc=True, format="%Y-%m-%dT%H:%M:%SZ")
    frame["@@index"] = np.arange(len(frame))
    frame = frame.sort_values(["case:concept:name", "time:timestamp", "@@index"])
    frame["@@index"] = np.arange(len(frame))
    frame["@@case_index"] = frame.groupby("case:concept:name", sort=False).ngroup()
    return frame


def variants(frame):
    return frame.groupby("case:concept:name", sort=False)["concept:name"].agg(tuple).value_counts()


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) == 3 else 1
    print(f"pandas {pd.__version__}, numpy {np.__version__}", flush=True)
    for _ in range(runs):
        start = time.perf_counter()
        frame = read_and_format(path)
        print(f"csv-read {time.perf_counter() - start:.4f} {len(frame)}", flush=True)
        start = time.perf_counter()
        counts = variants(frame)
        print(f"variants {time.perf_counter() - start:.4f} {len(counts)}", flush=True)
        del frame


if __name__ == "__main__":
    main()
