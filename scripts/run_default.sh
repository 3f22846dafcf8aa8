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
job=$(build/engine/cli/kindest run "$experiment" "$@" --print-config | sed -n 's/^job = //p')
case "$job" in
  tournament) /usr/bin/python3 scripts/plot_tournament.py "results/$name.h5" --output "results/$name.png" ;;
  evolution) /usr/bin/python3 scripts/plot_trajectory.py "results/$name.h5" --output "results/$name.png" ;;
  invasion) /usr/bin/python3 scripts/plot_invasion.py "results/$name.h5" --log --output "results/$name.png" ;;
  *) echo "run_default: no plot for job = $job; kindest info results/$name.h5 shows the file" ;;
esac
