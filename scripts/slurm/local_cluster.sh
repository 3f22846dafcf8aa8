#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, all of its state in one folder: to try
# scripts/slurm/sweep.sbatch under the real sbatch, srun and scontrol before a cluster sees it
# (and for the slurm_cluster test). Needs root and Debian's slurm-wlm (slurmctld, slurmd, munge).
#
#   scripts/slurm/local_cluster.sh start DIR   # munged, slurmctld and slurmd; prints the
#                                              # SLURM_CONF line to export
#   export SLURM_CONF=DIR/slurm.conf
#   sbatch --ntasks=2 scripts/slurm/sweep.sbatch ...
#   scripts/slurm/local_cluster.sh stop DIR
#
# Nothing outside DIR is written: its own munge key and socket, spool and state folders, and
# ports SLURMCTLD_PORT and SLURMD_PORT (default 16817 and 16818, beside a system Slurm's
# 6817/6818). The node has this machine's CPUs; jobs run as root, as the daemons do.
set -euo pipefail

usage="usage: $0 start|stop DIR"
[ $# -eq 2 ] || { echo "$usage" >&2; exit 2; }
action=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)

stop() {
  for d in slurmd slurmctld munged; do
    if [ -s "$dir/$d.pid" ]; then
      pid=$(cat "$dir/$d.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/$d.pid"
    fi
  done
}

case "$action" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac

[ "$(id -u)" -eq 0 ] || { echo "local_cluster.sh: needs root (slurmd runs jobs as their user)" >&2; exit 2; }
for p in munged mungekey slurmctld slurmd sbatch; do
  command -v "$p" >/dev/null || [ -x "/usr/sbin/$p" ] ||
    { echo "local_cluster.sh: $p not found: apt-get install slurm-wlm" >&2; exit 2; }
done
export PATH="$PATH:/usr/sbin"

host=$(hostname -s)
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 700 "$dir/munge"
[ -s "$dir/munge/munge.key" ] || mungekey --create --keyfile="$dir/munge/munge.key" --force
munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munged.pid" --log-file="$dir/munged.log" --seed-file="$dir/munge/seed"

cat >"$dir/slurm.conf" <<CONF
ClusterName=kindest-local
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do
  if sinfo -h -o %t 2>/dev/null | grep -q idle; then
    echo "export SLURM_CONF=$SLURM_CONF"
    exit 0
  fi
  sleep 0.2
done
echo "local_cluster.sh: the node did not come up in 20 s; see $dir/slurmctld.log and $dir/slurmd.log" >&2
stop
exit 1
