#!/usr/bin/env bash
# submit.sh: queue a delibex run over a folder as a Slurm job array and its merge step.
#
#   scripts/slurm/submit.sh --tasks N [--cpus C] --out OUTDIR [--partition P]
#                           [--time T] [--sbatch-args "..."] INPUT_DIR
#
# Queues delibex-array.sbatch as `--array=0-(N-1)` (each task -j C over its shard, into
# OUTDIR/shard-K-of-N.jsonl, logs in OUTDIR/task-K.log), then merge.sbatch with
# --dependency=afterany on the array (OUTDIR/merged.jsonl). Prints `array job: ID` and
# `merge job: ID`. The binary is $DELIBEX (default: delibex on PATH); it must be reachable
# from the compute nodes, as must INPUT_DIR and OUTDIR (a shared file system).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
tasks=
cpus=1
out=
extra=()
while (($#)); do
  case $1 in
    --tasks) tasks=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --partition) extra+=(--partition "$2"); shift 2 ;;
    --time) extra+=(--time "$2"); shift 2 ;;
    --sbatch-args) read -r -a more <<<"$2"; extra+=("${more[@]}"); shift 2 ;;
    -*) echo "submit.sh: unknown option $1" >&2; exit 2 ;;
    *) input=$1; shift ;;
  esac
done
[[ -n $tasks && -n $out && -n ${input:-} ]] || {
  echo "usage: submit.sh --tasks N [--cpus C] --out OUTDIR INPUT_DIR" >&2
  exit 2
}
input=$(cd "$input" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
delibex=${DELIBEX:-$(command -v delibex || true)}
[[ -n $delibex ]] || { echo "submit.sh: set DELIBEX to the delibex binary" >&2; exit 2; }
env_list=ALL,DELIBEX=$delibex,DELIBEX_INPUT=$input,DELIBEX_OUT=$out,DELIBEX_SHARDS=$tasks
array=$(sbatch --parsable "${extra[@]}" --array="0-$((tasks - 1))" --cpus-per-task="$cpus" \
  --output="$out/task-%a.log" --export="$env_list" "$here/delibex-array.sbatch")
array=${array%%;*}
merge=$(sbatch --parsable "${extra[@]}" --dependency="afterany:$array" \
  --output="$out/merge.log" --export="$env_list" "$here/merge.sbatch")
merge=${merge%%;*}
echo "array job: $array"
echo "merge job: $merge"
