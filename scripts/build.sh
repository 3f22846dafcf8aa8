#!/usr/bin/env bash
# Configures and builds Kindest (Release, Ninja) into build/. Extra arguments go to cmake, e.g.
#   scripts/build.sh -DKINDEST_SANITIZE=address
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build --parallel "$(nproc)"
