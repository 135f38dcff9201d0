#!/usr/bin/env bash
# demo.sh: install the dependencies, build delibex into build/, and run it over the
# project's own corpus/.
#
#   scripts/demo.sh
#
# Writes out/corpus.jsonl (one record per input), then prints how many records were
# written, how many of them are error records, and the first record pretty-printed.
# Exit status: delibex's own (0 when every input gave a record, 1 when some gave an
# error record), or the failing step's when installing or building fails.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

banner() { printf '\n==== %s ====\n' "$*"; }

banner "dependencies"
bash scripts/install-deps.sh

banner "build (build/, Release)"
bash scripts/build.sh build

banner "delibex extract corpus/*.txt -o out/corpus.jsonl"
mkdir -p out
out=out/corpus.jsonl
rm -f "$out"
set +e
# The deliberations of the bundled corpus (corpus/README.md is documentation).
build/delibex extract corpus/*.txt -o "$out"
rc=$?
set -e

banner "summary"
echo "delibex exit status: $rc"
if [[ ! -s $out ]]; then
  echo "no records written ($out is missing or empty)"
  exit $((rc == 0 ? 1 : rc))
fi
python3 - "$out" <<'PY'
import json, sys
path = sys.argv[1]
records = errors = bad = 0
with open(path, encoding="utf-8") as f:
    for line in f:
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            bad += 1
            continue
        records += 1
        if isinstance(rec, dict) and "error" in rec:
            errors += 1
            src = (rec.get("source") or {}).get("file", "?")
            err = rec.get("error") or {}
            print(f"  error: {src}: {err.get('code')}: {err.get('message')}")
print(f"records written: {records} ({path})")
print(f"error records:   {errors}")
if bad:
    print(f"lines that are not JSON: {bad}")
PY

banner "first record"
first=$(head -n 1 "$out")
if command -v jq >/dev/null 2>&1; then
  printf '%s\n' "$first" | jq . || printf '(not valid JSON) %s\n' "$first"
else
  printf '%s\n' "$first" | python3 -m json.tool --no-ensure-ascii ||
    printf '(not valid JSON) %s\n' "$first"
fi

exit "$rc"
