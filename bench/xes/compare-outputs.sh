#!/bin/bash
# Compares what two builds of the stepwise command make of event logs, byte for byte: the summary as JSON, the
# variants as CSV and the log converted to CSV (every event and attribute), or the error (message, line, column)
# and exit code where a file is refused. Prints one line per file and output; exits 1 if any differ.
#
#     bench/xes/compare-outputs.sh BEFORE AFTER FILE...
#
# e.g. bench/xes/compare-outputs.sh /tmp/before/stepwise .build/cli/stepwise ../shared/data/eventlogs/*.xes* /tmp/log1m.xes
set -u
before=$1
after=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for file in "$@"; do
  name=$(basename "$file")
  for output in summary variants convert; do
    for build in before after; do
      command=$before
      [ "$build" = after ] && command=$after
      out="$work/$build"
      case $output in
        summary) "$command" summary --format json "$file" > "$out" 2>&1; echo "exit $?" >> "$out" ;;
        variants) "$command" variants --format csv "$file" > "$out" 2>&1; echo "exit $?" >> "$out" ;;
        convert)
          rm -f "$work/log.csv"
          "$command" convert "$file" "$work/log.csv" > "$out" 2>&1
          echo "exit $?" >> "$out"
          [ -f "$work/log.csv" ] && cat "$work/log.csv" >> "$out" ;;
      esac
    done
    if cmp -s "$work/before" "$work/after"; then
      echo "same $name $output ($(wc -c < "$work/after") bytes)"
    else
      echo "DIFFERENT $name $output"
      diff "$work/before" "$work/after" | head -5
      fail=1
    fi
  done
done
exit $fail
