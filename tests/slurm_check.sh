#!/usr/bin/env bash
# slurm_check.sh: scripts/slurm/ on a real, one-node Slurm cluster started on this machine.
#
#   tests/slurm_check.sh --delibex BIN --corpus DIR [--tasks N] [--keep]
#
# Writes a minimal slurm.conf into a temporary directory, starts munged (its own key and
# socket there), slurmctld and slurmd on localhost (free ports), submits
# scripts/slurm/submit.sh over DIR as an array of N tasks (default 4) plus its merge job,
# waits for them, and checks that the merged output holds the same records as one local
# `delibex extract DIR` run, as a set (each record's JSON compared whole), and that every
# task wrote its shard. Everything started is stopped by its PID at the end.
#
# Exit status: 0 passed; 1 failed; 77 (ctest's SKIP_RETURN_CODE) when Slurm cannot start
# here (not root, slurmctld/slurmd/munged missing, or a daemon does not come up): the
# reason is printed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
delibex=
corpus=
tasks=4
keep=0
while (($#)); do
  case $1 in
    --delibex) delibex=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "slurm_check: unknown argument $1" >&2; exit 1 ;;
  esac
done
[[ -x $delibex && -d $corpus ]] || { echo "slurm_check: --delibex BIN --corpus DIR" >&2; exit 1; }
delibex=$(cd "$(dirname "$delibex")" && pwd)/$(basename "$delibex")
corpus=$(cd "$corpus" && pwd)

skip() { echo "slurm_check: SKIP: $*"; exit 77; }
((EUID == 0)) || skip "not root: slurmd must run as root to start jobs"
for tool in slurmctld slurmd munged sbatch squeue sacct scontrol python3; do
  command -v "$tool" >/dev/null 2>&1 || [[ -x /usr/sbin/$tool ]] ||
    skip "$tool not found (scripts/install-deps.sh installs slurm-wlm and munge)"
done
export PATH=$PATH:/usr/sbin

work=$(mktemp -d /tmp/delibex-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
  if ((keep)); then echo "slurm_check: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
host=$(hostname -s)
cpus=$(nproc)
ctld_port=$(free_port)
slurmd_port=$(free_port)
while [[ $slurmd_port == "$ctld_port" ]]; do slurmd_port=$(free_port); done
mkdir -p "$work"/{munge,state,spool,log,out}

# munge: a key of our own, and its socket in the work folder.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 600 "$work/munge/munge.key"
chmod 700 "$work/munge"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" \
  --seed-file="$work/munge/seed" --foreground 2>>"$work/log/munged.log" &
pids+=($!)
for _ in $(seq 50); do [[ -S $work/munge/socket ]] && break; sleep 0.1; done
[[ -S $work/munge/socket ]] || { cat "$work/log/munged.log"; skip "munged did not start"; }

cat > "$work/slurm.conf" <<CONF
ClusterName=delibextest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF=$work/slurm.conf

slurmctld -D -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$host" >"$work/log/slurmd.out" 2>&1 &
pids+=($!)
up=0
for _ in $(seq 100); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then up=1; break; fi
  sleep 0.2
done
if ((!up)); then
  tail -n 5 "$work/log/slurmctld.log" "$work/log/slurmd.log" "$work/log/"*.out 2>/dev/null
  skip "slurmctld/slurmd did not bring the node up in 20 s"
fi
echo "slurm_check: one-node Slurm up on $host ($cpus CPUs, ports $ctld_port/$slurmd_port)"

start=$SECONDS
# The job scripts run as root here: the test's own cluster.
submitted=$(DELIBEX=$delibex bash "$root/scripts/slurm/submit.sh" --tasks "$tasks" \
  --cpus 1 --out "$work/out" "$corpus" 2>&1)
rc=$?
echo "$submitted"
((rc == 0)) || { echo "slurm_check: FAIL: submit.sh failed ($rc)"; exit 1; }
merge_job=$(sed -n 's/^merge job: //p' <<<"$submitted")
[[ -n $merge_job ]] || { echo "slurm_check: FAIL: submit.sh printed no merge job"; exit 1; }

# Wait for the array and the merge (they leave the queue when done).
for _ in $(seq 600); do
  [[ -z $(squeue -h -o '%i' 2>/dev/null) ]] && break
  sleep 0.5
done
if [[ -n $(squeue -h 2>/dev/null) ]]; then
  squeue
  echo "slurm_check: FAIL: jobs still queued after 300 s"
  exit 1
fi
state=$(scontrol show job "$merge_job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
echo "slurm_check: array and merge done in $((SECONDS - start)) s (merge job $merge_job: ${state:-?})"

fail=0
for ((k = 0; k < tasks; k++)); do
  [[ -f $work/out/shard-$k-of-$tasks.jsonl ]] || { echo "slurm_check: FAIL: no output of task $k"; fail=1; }
done
[[ -f $work/out/merged.jsonl ]] || { echo "slurm_check: FAIL: no merged output"; ls -l "$work/out"; cat "$work/out/"*.err 2>/dev/null | tail -20; exit 1; }

"$delibex" extract -q -j "$cpus" "$corpus" -o "$work/local.jsonl" 2>/dev/null
python3 - "$work/local.jsonl" "$work/out/merged.jsonl" "$work/out" "$tasks" <<'PY' || fail=1
import collections, glob, json, sys
local, merged, out, tasks = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def records(path):
    return [json.loads(l) for l in open(path, encoding="utf-8")]
a, b = records(local), records(merged)
key = lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False)
ok = True
if collections.Counter(map(key, a)) != collections.Counter(map(key, b)):
    fa = {r["source"]["file"] for r in a}; fb = {r["source"]["file"] for r in b}
    print(f"slurm_check: FAIL: merged ({len(b)}) != local run ({len(a)}); only local: {sorted(fa - fb)[:5]}, only merged: {sorted(fb - fa)[:5]}")
    ok = False
per_task = [len(records(f"{out}/shard-{k}-of-{tasks}.jsonl")) for k in range(tasks)]
if sum(per_task) != len(a):
    print(f"slurm_check: FAIL: the shards hold {sum(per_task)} records, the local run {len(a)}")
    ok = False
print(f"slurm_check: local run {len(a)} records; {tasks} tasks {per_task}; merged {len(b)}: "
      + ("the same set" if ok else "DIFFERENT"))
sys.exit(0 if ok else 1)
PY
((fail)) && { echo "slurm_check: FAIL"; exit 1; }
echo "slurm_check: ok"
