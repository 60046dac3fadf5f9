#!/usr/bin/env bash
# Runs the README's test command (.ci/run, i.e. `dotnet test`) with CPU-bound processes beside it, to show that the
# suite does not depend on the machine being idle. Each burner stops by itself after max-seconds, and all are
# stopped when the suite ends. Prints the suite's result and wall time, and the load average at the end.
#   tests/DigestPipeline.IntegrationTests/run-under-cpu-load.sh [burners, default 8] [max-seconds, default 1800]
set -uo pipefail
cd "$(dirname "$0")/../.."
burners=${1:-8}
limit=${2:-1800}
pids=()
for _ in $(seq "$burners"); do
  timeout "$limit" sh -c 'while :; do :; done' &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null' EXIT
start=$(date +%s)
.ci/run
rc=$?
echo "run-under-cpu-load: $burners CPU-bound processes beside .ci/run: exit code $rc, wall time $(( $(date +%s) - start )) s, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
exit $rc
