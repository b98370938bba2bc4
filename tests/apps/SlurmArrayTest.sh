#!/usr/bin/env bash
# CI test of tools/slurm: brings up a one-node Slurm cluster (Debian slurm-wlm + munge) of its
# own — munged, slurmctld and slurmd on localhost, with key, socket, config, ports, state and
# spool in a temporary folder — submits 4-shard arrays of `score --batch` and `lesson --batch`
# on the shipped recordings with dependent merge jobs, and compares the merged results with
# the unsharded runs byte for byte. Every daemon it started is stopped on the way out, pass or
# fail. Exit 77 (ctest SKIP_RETURN_CODE) with the reason when the daemons cannot run here.
# Usage: SlurmArrayTest.sh MIMESIS_BINARY SOURCE_DIR
set -uo pipefail

mimesis="$(realpath "$1")"
source_dir="$(realpath "$2")"
skip() { echo "SKIPPED: $*"; exit 77; }
fail() { echo "FAILED: $*"; dump_logs; exit 1; }

need=(munged munge slurmctld slurmd sbatch squeue scontrol sinfo)
for b in "${need[@]}"; do
  if ! command -v "$b" >/dev/null; then
    # tools/setup installs them; in CI their absence is a broken setup, not a reason to skip.
    [ "${CI:-}" = "true" ] && { echo "FAILED: $b not installed (tools/setup installs slurm-wlm munge)"; exit 1; }
    skip "$b not on PATH: apt-get install slurm-wlm munge (tools/setup does)"
  fi
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/mimesis-slurm.XXXXXX")"
chmod 711 "$tmp"  # munged wants a socket folder others may traverse
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/work"
chmod 711 "$tmp/munge"  # the key inside is 0400
export SLURM_CONF="$tmp/slurm.conf"

dump_logs() {
  for f in "$tmp"/munge/munged.log "$tmp"/log/*; do
    [ -f "$f" ] && { echo "--- $f (last lines)"; tail -n 15 "$f"; }
  done
}

daemon_pids=""  # munged, slurmctld, slurmd: read from their pid files as each comes up

# What of ours still runs: the daemons, and any job step or job — each works in a folder in $tmp
# (slurmd and its slurmstepd processes in $tmp/log, jobs in $tmp/work).
our_pids() {
  local p cwd
  for p in $daemon_pids; do
    # A zombie is gone already (this machine's init may be slow to reap it).
    [ -r "/proc/$p/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$p/stat" && echo "$p"
  done
  for p in /proc/[0-9]*; do
    cwd="$(readlink "$p/cwd" 2>/dev/null)" || continue
    case "$cwd" in "$tmp"/*)
      case "$(cat "$p/comm" 2>/dev/null)" in slurmstepd | slurmd | slurmctld | munged | mimesis) echo "${p#/proc/}" ;; esac ;;
    esac
  done
}

# Stops exactly what this script started, pass or fail: jobs first (their steps report to
# slurmd and slurmctld, so those must still be up), then the daemons, then by pid what is left.
cleanup() {
  cd / || true
  if [ -n "$daemon_pids" ] && scontrol ping >/dev/null 2>&1; then
    local jobs
    jobs="$(squeue -h -o %A 2>/dev/null)"
    [ -n "$jobs" ] && scancel $jobs 2>/dev/null
    for _ in $(seq 100); do [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.1; done
    timeout 5 scontrol shutdown >/dev/null 2>&1
  fi
  [ -f "$tmp/munge/munged.pid" ] && kill "$(cat "$tmp/munge/munged.pid")" 2>/dev/null
  for _ in $(seq 50); do [ -z "$(our_pids)" ] && break; sleep 0.1; done
  local left
  left="$(our_pids)"
  if [ -n "$left" ]; then
    kill $left 2>/dev/null
    sleep 1
    left="$(our_pids)"
    [ -n "$left" ] && kill -9 $left 2>/dev/null
  fi
  [ -n "${MIMESIS_SLURM_KEEP:-}" ] && { echo "kept $tmp"; return; }
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Two ports nobody listens on: two runs (release and asan, two checkouts) never share a cluster.
free_port() {
  local p
  for _ in $(seq 200); do
    p=$((20000 + RANDOM % 40000))
    [ "$p" != "${taken:-}" ] || continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  return 1
}
ctld_port="$(free_port)" || skip "no free TCP port on 127.0.0.1"
taken="$ctld_port"
slurmd_port="$(free_port)" || skip "no free TCP port on 127.0.0.1"

# munge: our own key and socket.
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
sock="$tmp/munge/munge.sock"
munged --force --socket="$sock" --key-file="$tmp/munge/munge.key" --pid-file="$tmp/munge/munged.pid" \
  --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/munged.seed" >"$tmp/log/munged.out" 2>&1 ||
  { dump_logs; skip "munged could not start (see its log above)"; }
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
daemon_pids="$(cat "$tmp/munge/munged.pid" 2>/dev/null)"
munge -n -S "$sock" | unmunge -S "$sock" >/dev/null 2>&1 || { dump_logs; skip "munge credentials do not round-trip"; }

user="$(id -un)"
node=mimesis-node
cat >"$SLURM_CONF" <<EOF
ClusterName=mimesis-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
PlugStackConfig=$tmp/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
SchedulerParameters=sched_min_interval=0,batch_sched_delay=0
MpiDefault=none
ReturnToService=2
MinJobAge=600
# Eight slots, whatever the machine has (config_overrides): both 4-task arrays start at once.
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=$(hostname -s) CPUs=8 RealMemory=1000 State=UNKNOWN
PartitionName=mimesis Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
: >"$tmp/plugstack.conf"

slurmctld -c -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 || { dump_logs; skip "slurmctld could not start"; }
for _ in $(seq 50); do [ -s "$tmp/slurmctld.pid" ] && break; sleep 0.1; done
daemon_pids="$daemon_pids $(cat "$tmp/slurmctld.pid" 2>/dev/null)"
slurmd -N "$node" -f "$SLURM_CONF" >"$tmp/log/slurmd.out" 2>&1 || { dump_logs; skip "slurmd could not start"; }
for _ in $(seq 50); do [ -s "$tmp/slurmd.pid" ] && break; sleep 0.1; done
daemon_pids="$daemon_pids $(cat "$tmp/slurmd.pid" 2>/dev/null)"
state=""
for _ in $(seq 150); do
  state="$(sinfo -h -n "$node" -o %T 2>/dev/null)"
  [ "$state" = "idle" ] && break
  sleep 0.1
done
[ "$state" = "idle" ] || { dump_logs; skip "the node did not come up idle within 15 s (state '$state')"; }
echo "one-node cluster up: slurmctld :$ctld_port, slurmd :$slurmd_port, munge $sock"

# The batches: every shipped recording against the expert clip, plus a row that fails.
cd "$tmp/work" || fail "no work folder"
expert="$source_dir/assets/pinch-and-release.mkeys"
{
  echo "expert,learner,id"
  for f in "$source_dir"/assets/recordings/*.mrec; do echo "$expert,$f,$(basename "$f" .mrec)"; done
  echo "$expert,$tmp/work/missing.mrec,missing"
} >manifest.csv
export MIMESIS="$mimesis"
scripts="$source_dir/tools/slurm"
submit() { sbatch --parsable --chdir="$tmp/work" -o "$tmp/log/%x-%A_%a.log" "$@"; }
score_job="$(submit --array=0-3 "$scripts/mimesis-shard.sbatch" score manifest.csv score)" || fail "sbatch (score array)"
score_merge="$(submit --dependency="afterany:$score_job" "$scripts/mimesis-merge.sbatch" score)" || fail "sbatch (score merge)"
lesson_job="$(submit --array=0-3 "$scripts/mimesis-shard.sbatch" lesson "$source_dir/scenes/pinch-and-release.json" \
  "$source_dir/assets/recordings" lesson --trials 3)" || fail "sbatch (lesson array)"
lesson_merge="$(submit --dependency="afterany:$lesson_job" "$scripts/mimesis-merge.sbatch" lesson)" || fail "sbatch (lesson merge)"

for _ in $(seq 450); do
  [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break
  sleep 0.1
done
[ -z "$(squeue -h -o %A)" ] && echo "all jobs done" || fail "jobs still queued after 45 s: $(squeue -h)"

job_state() {
  local line
  line="$(scontrol -o show job "$1")"
  echo "$(grep -o 'JobState=[A-Z_]*' <<<"$line") $(grep -o ' ExitCode=[0-9:]*' <<<"$line")"
}
for j in "$score_merge" "$lesson_merge"; do
  s="$(job_state "$j")"
  echo "merge job $j: $s"
  case "$s" in "JobState=COMPLETED  ExitCode=0:0") ;; *) fail "merge job $j did not complete: $s" ;; esac
done
[ -f score/RESULTS-3-of-4.jsonl.shard.json ] || fail "no stamp from score shard 3/4"

# The unsharded runs, here without Slurm, into the same places (the rows name their folders).
"$mimesis" score --batch manifest.csv --out score-whole.jsonl --quiet >/dev/null
cmp score/RESULTS.jsonl score-whole.jsonl || fail "merged score results differ from the unsharded run"
[ "$(wc -l <score-whole.jsonl)" = 11 ] || fail "expected 11 score rows"
grep -q '"id":"missing",.*"error"' score/RESULTS.jsonl || fail "the failing row is not an error row"
cp -r lesson lesson-sharded
"$mimesis" lesson "$source_dir/scenes/pinch-and-release.json" --batch "$source_dir/assets/recordings" --out lesson \
  --trials 3 --quiet >/dev/null || fail "unsharded lesson batch"
diff -r lesson-sharded lesson || fail "merged lesson results or reports differ from the unsharded run"
[ "$(wc -l <lesson/RESULTS.jsonl)" = 10 ] || fail "expected 10 lesson rows"
echo "PASSED: 4-shard score and lesson arrays merged byte-identical to the unsharded runs"
