#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install what is missing, build with warnings as
# errors, and run every test (Catch2 unit and verification tests, CLI tests, Python format tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh --test
scripts/build.sh -DKINDEST_WERROR=ON
cd build
ctest --output-on-failure --parallel "$(nproc)" --timeout 600
