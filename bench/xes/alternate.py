"""Runs two builds of a command alternately as whole processes and prints, per run, the wall time, the processor
time (user + system) and the peak resident memory of each, with the load average when the run started; then the
medians and the ratios after / before. On a shared, loaded machine the processor time is the steadier figure.

    python3 bench/xes/alternate.py ROUNDS BEFORE AFTER ARGS...

e.g. python3 bench/xes/alternate.py 3 /tmp/before/stepwise .build/cli/stepwise summary /tmp/log5m.xes
"""
import os
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
builds = {"before": sys.argv[2], "after": sys.argv[3]}
args = sys.argv[4:]
results = {name: [] for name in builds}
for r in range(rounds):
    for name, command in builds.items():
        load = os.getloadavg()[0]
        start = time.perf_counter()
        process = subprocess.Popen([command, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if status != 0:
            sys.exit(f"{command} failed: {process.stderr.read().decode(errors='replace')[-2000:]}")
        cpu = usage.ru_utime + usage.ru_stime
        results[name].append((wall, cpu, usage.ru_maxrss / 1024, load))
        print(f"round {r + 1} {name:6} wall {wall:7.2f} s  cpu {cpu:7.2f} s  peak {usage.ru_maxrss / 1024:6.0f} MiB  load {load:5.1f}", flush=True)

medians = {name: (statistics.median(v[0] for v in runs), statistics.median(v[1] for v in runs), max(v[2] for v in runs)) for name, runs in results.items()}
for name, (wall, cpu, peak) in medians.items():
    print(f"median {name:6} wall {wall:7.2f} s  cpu {cpu:7.2f} s  peak {peak:6.0f} MiB")
print(f"after / before: wall {medians['after'][0] / medians['before'][0]:.2f}, cpu {medians['after'][1] / medians['before'][1]:.2f}")
