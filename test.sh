#!/usr/bin/env bash
# Runs every Stepwise test on this machine, installing what the tests need when it is missing.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

# BPMN export check: bpmn-moddle from npm, installed once into tests/bpmn-check/node_modules (ignored by git).
if [ ! -d tests/bpmn-check/node_modules/bpmn-moddle ]; then
  npm ci --prefix tests/bpmn-check --no-audit --no-fund --silent
fi

dotnet test Stepwise.slnx -c Release --nologo "$@"
