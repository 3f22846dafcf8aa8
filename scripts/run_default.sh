#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what is missing, build, run an experiment
# (default: the evolution of direct reciprocity, Imhof, Fudenberg & Nowak 2005) and plot it.
#   scripts/run_default.sh [EXPERIMENT.ini] [extra kindest options, e.g. --threads 2]
# Results go to results/<experiment>.h5 and results/<experiment>.png.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
  experiment=$1
  shift
else
  # The experiment's own check uses both its analysis and an evolution run; show the latter.
  experiment=experiments/imhof_fudenberg_nowak_2005.ini
  set -- --run.job=evolution
fi
scripts/install_deps.sh
scripts/build.sh
mkdir -p results
name=$(basename "$experiment" .ini)
build/engine/cli/kindest run "$experiment" --output "results/$name.h5" --force "$@"
# The plot follows what the file holds (kindest.cli.PLOTS), not a list of jobs.
plot=$(PYTHONPATH=python /usr/bin/python3 -m kindest.cli "results/$name.h5")
if [ -n "$plot" ]; then
  # shellcheck disable=SC2086  # "script [options]", split on purpose
  set -- $plot
  script=$1
  shift
  /usr/bin/python3 "scripts/$script" "results/$name.h5" "$@" --output "results/$name.png"
else
  echo "run_default: no plot for this file; build/engine/cli/kindest info results/$name.h5 shows it"
fi
