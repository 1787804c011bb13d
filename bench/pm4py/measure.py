"""Times a command as whole processes: prints "median-wall-seconds peak-resident-KiB" for RUNS runs.

    python3 measure.py RUNS COMMAND [ARGS...]

The peak is the largest resident set of any run (getrusage of the waited children), so this needs neither
/usr/bin/time nor hyperfine.
"""
import resource
import statistics
import subprocess
import sys
import time

runs = int(sys.argv[1])
walls = []
for _ in range(runs):
    start = time.perf_counter()
    done = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    walls.append(time.perf_counter() - start)
    if done.returncode != 0:
        sys.stderr.write(done.stderr.decode(errors="replace")[-2000:])
        sys.exit(f"measure.py: {' '.join(sys.argv[2:])} failed with exit code {done.returncode}")
print(f"{statistics.median(walls):.4f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
