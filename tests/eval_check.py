#!/usr/bin/env python3
"""`delibex eval` against ../shared/tools/score.py: the same figures on the same files.

    eval_check.py --delibex BIN --shared ../shared --corpus corpus/

Two corpora, each scored by both: the shared dev corpus (SHARED/corpus/dev: its text
inputs through `BIN extract`, gold SHARED/corpus/dev/gold) and the project's corpus/ (its
*.txt through `BIN extract`, gold the expected *.json beside them). For each, predictions
are written both as a folder of X.json (as score.py reads them) and as the JSON Lines of
`extract -o`; the outputs of `score.py` and of `delibex eval` must be identical byte for
byte: the per-field table with --per-doc, the --json summary, a --fields selection and an
--inputs selection; `delibex eval --pred FILE.jsonl` must print the same as with the
folder. A prediction deleted and one replaced by an error record must count as missing
in both.

Exit status 0 when all agree, 1 when one differs, 77 (ctest's skip code) when
SHARED/tools/score.py or SHARED/corpus/dev does not exist.
"""
import argparse
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout


def predictions(delibex, inputs, out_dir, jsonl):
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([delibex, "extract", "-q", "-j", "2", *map(str, inputs), "-o", str(jsonl)],
                   capture_output=True, check=False)
    out_dir.mkdir(parents=True, exist_ok=True)
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        stem = Path(rec["source"]["file"]).stem
        (out_dir / f"{stem}.json").write_text(line, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delibex", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--corpus", required=True)
    a = ap.parse_args()
    score_py = Path(a.shared) / "tools" / "score.py"
    dev = Path(a.shared) / "corpus" / "dev"
    if not score_py.exists() or not (dev / "text").is_dir():
        print(f"eval_check: SKIP: no {score_py} or {dev}/text (the shared folder is absent)")
        return SKIP
    failures = []
    work = Path(tempfile.mkdtemp(prefix="delibex-eval-"))
    try:
        sets = {
            "dev": (sorted((dev / "text").iterdir()), dev / "gold", dev / "pdf"),
            "corpus": (sorted(Path(a.corpus).glob("*.txt")), Path(a.corpus), None),
        }
        for name, (inputs, gold, other_inputs) in sets.items():
            pred, jsonl = work / name / "pred", work / name / "pred.jsonl"
            predictions(a.delibex, inputs, pred, jsonl)
            # One missing prediction, one error record: both "no prediction".
            preds = sorted(pred.glob("*.json"))
            preds[0].unlink()
            preds[1].write_text(json.dumps({"source": {"file": preds[1].stem + ".txt"},
                                            "error": {"code": "empty", "message": "x"}}))
            variants = [["--per-doc"], ["--json"], ["--fields", "session,attendance,quorum"],
                        ["--fields", "deliberation,vote"]]
            if other_inputs and other_inputs.is_dir():
                variants.append(["--inputs", str(other_inputs)])
            for extra in variants:
                base = ["--gold", str(gold), "--pred", str(pred), *extra]
                rc_py, py = run([sys.executable, str(score_py), *base])
                rc_cc, cc = run([a.delibex, "eval", *base])
                same = rc_py == 0 and rc_cc == 0 and py == cc
                last = py.strip().splitlines()[-1] if py.strip() else "?"
                print(f"eval_check: {'ok  ' if same else 'FAIL'} {name} {' '.join(extra)}: "
                      f"{'identical' if same else 'DIFFERENT'} ({last if not extra[0] == '--json' else 'JSON'})")
                if not same:
                    failures.append(f"{name} {extra}")
                    sys.stdout.writelines(difflib.unified_diff(
                        py.splitlines(True), cc.splitlines(True), "score.py", "delibex eval", n=1))
            # The JSON Lines of extract -o, paired by source.file: as the folder.
            rc1, by_dir = run([a.delibex, "eval", "--gold", str(gold), "--pred", str(pred)])
            # Rebuild the JSON Lines from the folder, so that both hold the same predictions.
            lines = [p.read_text(encoding="utf-8") for p in sorted(pred.glob("*.json"))]
            jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
            rc2, by_file = run([a.delibex, "eval", "--gold", str(gold), "--pred", str(jsonl)])
            same = rc1 == 0 and rc2 == 0 and by_dir == by_file
            print(f"eval_check: {'ok  ' if same else 'FAIL'} {name}: --pred FILE.jsonl "
                  f"prints what --pred DIR prints")
            if not same:
                failures.append(f"{name} jsonl")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"eval_check: {len(failures)} comparison(s) differ")
        return 1
    print("eval_check: delibex eval and score.py agree everywhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())
