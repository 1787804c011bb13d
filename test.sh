#!/usr/bin/env bash
# Runs every Stepwise test on this machine, installing what the tests need when it is missing.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

dotnet test Stepwise.slnx -c Release --nologo "$@"
