#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what is missing, build, and run the default
# experiment (Axelrod's first tournament), then draw its score matrix.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
scripts/build.sh
mkdir -p results
build/engine/cli/kindest run experiments/axelrod_1980.ini --output results/axelrod_1980.h5 --force
/usr/bin/python3 scripts/plot_tournament.py results/axelrod_1980.h5 --output results/axelrod_1980.png
echo "Plot: results/axelrod_1980.png"
