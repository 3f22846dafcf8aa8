#!/bin/sh
# Per-point overhead of kindest sweep: N trivial points (a one-turn tournament of two players,
# whose job takes microseconds), so the time is the sweep machinery's -- config per point, job
# dispatch, summary rows and the one result file. Prints wall and CPU seconds per point.
#   bench/bench_sweep.sh [POINTS=100000] [THREADS=1] [KINDEST=build/engine/cli/kindest]
set -eu
points=${1:-100000}
threads=${2:-1}
kindest=${3:-build/engine/cli/kindest}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/trivial.ini" <<INI
[run]
job = tournament
[tournament]
players = Cooperator, Defector
repetitions = 1
[match]
turns = 1
INI
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$dir/cpu" "$kindest" sweep "$dir/trivial.ini" \
  --vary "game.reward=1:3:$points" --threads "$threads" -q -o "$dir/t.h5" >/dev/null
end=$(date +%s.%N)
size=$(stat -c %s "$dir/t.h5")
awk -v s="$start" -v e="$end" -v n="$points" -v b="$size" -v t="$threads" '
  { cpu = $1 + $2 }
  END { printf "points %d  threads %d  wall %.1f s (%.3f ms/point)  cpu %.1f s (%.3f ms/point)  file %.1f MB\n",
        n, t, e - s, 1000 * (e - s) / n, cpu, 1000 * cpu / n, b / 1e6 }' "$dir/cpu"
