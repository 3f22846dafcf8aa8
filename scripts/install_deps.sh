#!/usr/bin/env bash
# Installs the Debian 12 packages Kindest needs, skipping those already present.
# Non-interactive; uses sudo when not run as root.
#   scripts/install_deps.sh          what building and running need
#   scripts/install_deps.sh --test   and what the tests need beyond that: Slurm (slurm-wlm), for
#                                    the test that runs the Slurm template on a one-node cluster
set -euo pipefail

packages=(
  g++ cmake ninja-build git pkg-config clang-format
  libboost-program-options-dev libtbb-dev libhdf5-dev catch2 librandom123-dev
  libopenmpi-dev openmpi-bin
  python3 python3-h5py python3-numpy python3-matplotlib python3-pandas
)
if [ "${1:-}" = --test ]; then packages+=(slurm-wlm); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install_deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install_deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
