#!/usr/bin/env bash
# Stepwise and PM4Py side by side on the same synthetic logs, on this machine: in-process steps (CSV read and format,
# XES import, variants, DFG with performance) and whole processes (`stepwise summary` against the same summary with
# PM4Py, and the XES import), with peak resident memory and the ratio of each pair.
#
# Usage: bench/pm4py/compare.sh [EVENTS...]        (default: 1000000 5000000)
#   BENCH_DIR   where the generated logs and the throwaway PM4Py environment live (default /tmp/stepwise-bench);
#               logs already there are reused (the generator is seeded: the same size gives the same file)
#   RUNS        whole-process runs of Stepwise per measure, median reported (default 5; PM4Py runs once)
#   PM4PY       pip requirement for PM4Py (default 'pm4py>=2.7,<2.8')
# PM4Py is installed from the package registry into BENCH_DIR/pm4py-venv (python3 -m venv) on first use; where
# that is impossible the Stepwise figures are still printed, and the PM4Py column says why it is missing.
# The tests never need PM4Py. Record results in docs/benchmarks.md with the load average printed here.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/bench/pm4py"
dir="${BENCH_DIR:-/tmp/stepwise-bench}"
runs="${RUNS:-5}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
mkdir -p "$dir"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), .NET $(dotnet --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Stepwise: the command as users run it (./stepwise builds it when needed), and the benchmark driver.
"$root/stepwise" --version > /dev/null
stepwise="$root/.build/cli/stepwise"
dotnet build "$root/bench/Stepwise.Bench" -c Release -o "$root/.build/bench" --nologo -v quiet > "$dir/bench-build.log" 2>&1 \
  || { cat "$dir/bench-build.log" >&2; exit 1; }
bench="$root/.build/bench/Stepwise.Bench"

# PM4Py in a throwaway virtual environment.
venv="$dir/pm4py-venv"
pm4py_missing=""
if ! "$venv/bin/python" -c "import pm4py" > /dev/null 2>&1; then
  echo "installing PM4Py (${PM4PY:-pm4py>=2.7,<2.8}) into $venv ..."
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q "${PM4PY:-pm4py>=2.7,<2.8}"; } > "$dir/pip.log" 2>&1; then
    pm4py_missing="not installed: $(grep -m1 -E 'ERROR|error' "$dir/pip.log" || tail -n 1 "$dir/pip.log")"
    echo "PM4Py could not be installed (log: $dir/pip.log); Stepwise figures only." >&2
  fi
fi
# Where PM4Py is missing, the pandas floor (bench/pm4py/pandas_floor.py) runs with a Python that has pandas, such as
# Debian's (apt-get install python3-pandas); FLOOR_PYTHON overrides.
floor_python="${FLOOR_PYTHON:-python3}"
if [ -n "$pm4py_missing" ] && ! "$floor_python" -c "import pandas" > /dev/null 2>&1 && [ -x /usr/bin/python3 ]; then
  floor_python=/usr/bin/python3
fi
if [ -z "$pm4py_missing" ]; then
  echo "PM4Py $("$venv/bin/python" -c 'import pm4py; print(pm4py.__version__)'), pandas $("$venv/bin/python" -c 'import pandas; print(pandas.__version__)')"
fi

# Prints one table row: what, Stepwise seconds, PM4Py seconds (or empty), and the ratio PM4Py / Stepwise.
row() {
  local ratio="-"
  if [ -n "$3" ] && [ "$3" != "-" ]; then ratio=$(awk -v s="$2" -v p="$3" 'BEGIN { printf "%.1fx", p / s }'); fi
  printf '%-44s %12s %12s %9s\n' "$1" "$2" "${3:--}" "$ratio"
}
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

for n in "${sizes[@]}"; do
  csv="$dir/log$n.csv"
  xes="$dir/log$n.xes"
  [ -f "$csv" ] || "$bench" generate "$n" "$csv" > /dev/null
  [ -f "$xes" ] || "$stepwise" convert "$csv" "$xes" > /dev/null
  events=$(( $(wc -l < "$csv") - 1 ))
  echo
  echo "== $n events requested: $events events, CSV $(du -mL "$csv" | cut -f1) MB, XES $(du -mL "$xes" | cut -f1) MB; load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-44s %12s %12s %9s\n' "what" "Stepwise" "PM4Py" "ratio"

  # In process: median of 3 warm runs (Stepwise) against one run (PM4Py, after its imports).
  "$bench" compare "$csv" "$xes" --runs 3 | grep -E '^(csv-read|xes-read|variants|dfg-performance) ' > "$dir/stepwise-steps.txt"
  if [ -z "$pm4py_missing" ]; then
    "$venv/bin/python" "$here/pm4py_steps.py" steps "$csv" "$xes" > "$dir/pm4py-steps.txt"
  else
    : > "$dir/pm4py-steps.txt"
  fi
  for step in csv-read xes-read variants dfg-performance; do
    row "in process: $step (s)" "$(value "$step" "$dir/stepwise-steps.txt")" "$(value "$step" "$dir/pm4py-steps.txt")"
  done
  if [ -n "$pm4py_missing" ] && "$floor_python" -c "import pandas" > /dev/null 2>&1; then
    # Without PM4Py: the pandas calls its CSV read and format and its variants are made of (less than PM4Py takes,
    # so the ratio is a lower bound), best of 2 runs.
    "$floor_python" "$here/pandas_floor.py" "$csv" 2 > "$dir/pandas-floor.txt"
    for step in csv-read variants; do
      best=$(awk -v k="$step" '$1 == k { if (b == "" || $2 < b) b = $2 } END { print b }' "$dir/pandas-floor.txt")
      row "  pandas floor of PM4Py: $step (s)" "$(value "$step" "$dir/stepwise-steps.txt")" "$best"
    done
  fi

  # Whole processes, with peak resident memory.
  read -r sw_sum sw_sum_peak < <(python3 "$here/measure.py" "$runs" "$stepwise" summary "$csv")
  read -r sw_xes sw_xes_peak < <(python3 "$here/measure.py" "$runs" "$stepwise" summary "$xes")
  pm_sum="" pm_sum_peak="" pm_xes="" pm_xes_peak=""
  if [ -z "$pm4py_missing" ]; then
    read -r pm_sum pm_sum_peak < <(python3 "$here/measure.py" 1 "$venv/bin/python" "$here/pm4py_steps.py" summary "$csv")
    read -r pm_xes pm_xes_peak < <(python3 "$here/measure.py" 1 "$venv/bin/python" -c "import pm4py, sys; pm4py.read_xes(sys.argv[1])" "$xes")
  fi
  row "whole process: summary of the CSV (s)" "$sw_sum" "$pm_sum"
  row "whole process: XES import (+ summary) (s)" "$sw_xes" "$pm_xes"
  row "  peak resident, CSV summary (MiB)" "$((sw_sum_peak / 1024))" "${pm_sum_peak:+$((pm_sum_peak / 1024))}"
  row "  peak resident, XES (MiB)" "$((sw_xes_peak / 1024))" "${pm_xes_peak:+$((pm_xes_peak / 1024))}"
  echo "Stepwise: XES whole process $(awk -v e="$events" -v s="$sw_xes" 'BEGIN { printf "%.2f", e / s / 1e6 }') M events/s; peak $(awk -v e="$events" -v k="$sw_sum_peak" 'BEGIN { printf "%.0f", k * 1024 / e }') bytes/event (CSV summary)"
  [ -z "$pm4py_missing" ] || echo "PM4Py: $pm4py_missing"
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
