#!/bin/sh
# kindest sweep benchmarks.
#
#   bench/bench_sweep.sh [POINTS=100000] [THREADS=1] [KINDEST=build/engine/cli/kindest]
# Per-point overhead: N trivial points (a one-turn tournament of two players, whose job takes
# microseconds), so the time is the sweep machinery's -- config per point, job dispatch, summary
# rows and the one result file. Prints wall and CPU seconds per point.
#
#   bench/bench_sweep.sh speedup [ROUNDS=3] [POINTS=64] [KINDEST=...] [MPIRUN=mpirun]
# Speed-up on CPU-bound points (a 6-player tournament, 10^4 turns x 100 repetitions with noise:
# 0.16-0.4 CPU-s each by machine): --threads 1 against --threads 2, and mpirun -n 1 against -n 2 (one
# thread per rank), run alternately ROUNDS times so that a shared machine's load falls on all
# alike. Prints wall and CPU seconds of each run and the load average before it.
#
#   bench/bench_sweep.sh multilevel [THREADS=2] [KINDEST=...]
# The multilevel-selection sweep (issue 10): experiments/traulsen_nowak_2006_multilevel.ini at
# the grid of its [.][slow] check, b/c = 1 + n/m + (-0.3, -0.2, ..., 0.3) for (n, m) = (3, 30)
# and (6, 30), 2e5 runs per point, as one kindest sweep (--points). Prints wall and CPU seconds.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

if [ "${1:-}" = multilevel ]; then
  threads=${2:-2}
  kindest=${3:-build/engine/cli/kindest}
  here=$(dirname "$0")
  awk 'BEGIN { print "groups.max_size,game.benefit"
               for (n = 3; n <= 6; n += 3) for (k = -3; k <= 3; ++k) printf "%d,%.6f\n", n, 1 + n / 30 + k / 10 }' \
    >"$dir/points.csv"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o "$dir/time" "$kindest" sweep \
    "$here/../experiments/traulsen_nowak_2006_multilevel.ini" --points "$dir/points.csv" \
    --dynamics.replicates=200000 --threads "$threads" -q -o "$dir/multilevel.h5" >/dev/null
  awk -v t="$threads" -v l="$load" \
    '{ printf "multilevel sweep  14 points x 2e5 runs  threads %d  wall %.1f s  cpu %.1f s  load %s\n", t, $1, $2 + $3, l }' \
    "$dir/time"
  exit 0
fi

if [ "${1:-}" = speedup ]; then
  rounds=${2:-3}
  # 64, not 16: 16 points are 2.5 s on a fast machine, and mpirun's 0.35 s start would be the
  # ranks' figure.
  points=${3:-64}
  kindest=${4:-build/engine/cli/kindest}
  mpirun=${5:-mpirun}
  cat >"$dir/cpu.ini" <<INI
[run]
job = tournament
[tournament]
players = TitForTat, Grudger, Defector, Cooperator, WinStayLoseShift, Random(0.5)
repetitions = 100
[match]
turns = 10000
execution_error_rate = 0.01
INI
  mpi="$mpirun --allow-run-as-root --oversubscribe --bind-to none --mca btl self,vader"
  grid="--vary game.reward=3:3.5:$points -q --force"
  r=1
  while [ "$r" -le "$rounds" ]; do
    for variant in "threads1" "threads2" "ranks1" "ranks2"; do
      case $variant in
        threads1) cmd="$kindest sweep $dir/cpu.ini $grid --threads 1" ;;
        threads2) cmd="$kindest sweep $dir/cpu.ini $grid --threads 2" ;;
        ranks1) cmd="$mpi -n 1 $kindest sweep $dir/cpu.ini $grid --threads 1" ;;
        ranks2) cmd="$mpi -n 2 $kindest sweep $dir/cpu.ini $grid --threads 1" ;;
      esac
      load=$(cut -d' ' -f1 /proc/loadavg)
      # shellcheck disable=SC2086  # cmd is a word list
      /usr/bin/time -f "%e %U %S" -o "$dir/time" $cmd -o "$dir/$variant.h5" >/dev/null
      awk -v v="$variant" -v r="$r" -v l="$load" -v n="$points" \
        '{ printf "round %d  %-8s  points %d  wall %6.2f s  cpu %6.2f s  load %s\n", r, v, n, $1, $2 + $3, l }' \
        "$dir/time"
    done
    r=$((r + 1))
  done
  exit 0
fi

points=${1:-100000}
threads=${2:-1}
kindest=${3:-build/engine/cli/kindest}
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
