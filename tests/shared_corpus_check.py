#!/usr/bin/env python3
"""Score delibex on the shared evaluation corpus against floors.

    shared_corpus_check.py --delibex BIN --shared ../shared --floors tests/shared_corpus_floors.json

Input sets: "text" (SHARED/corpus/dev/text and SHARED/corpus/seed/input), "pdf"
(SHARED/corpus/dev/pdf: born-digital PDFs) and "scan" (SHARED/corpus/dev/scan: real scans,
read by OCR). For each set a check names, runs `BIN extract FILE` (30 s a text file, 300 s
a PDF or scan) on every file, writes the output to TMP/SET/pred/<stem>.json and the
matching gold record to TMP/SET/gold/<stem>.json (TMP is a temporary directory: nothing is
written under SHARED), prints score.py's per-field table, then runs
`SHARED/tools/score.py --gold TMP/SET/gold --pred TMP/SET/pred --json [--fields F]` for each
check and compares its micro-F1 and micro-precision with the check's floors. A set whose
folder is absent is skipped.

Floors file: {"checks": [{"name": N, "inputs": "text" | "pdf" | "scan" (default text),
                          "fields": "p1,p2" or null (all fields),
                          "min_f1": x, "min_precision": y}, ...]}

Exit status: 0 when every check is at or above its floors; 1 when one is below, when
delibex crashed (killed by a signal) on a file, or on a usage error; 77 (CTest's skip
code, to be set as the test's SKIP_RETURN_CODE) when SHARED/corpus/dev/text does not
exist. A timeout or a non-zero exit on a file is reported, and that file counts as having
no prediction. `--sets text,pdf` runs those sets only (the sanitizer tree leaves the
scans, whose OCR the unit tests cover there, to the Release tree). Only the standard
library is needed.
"""
import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 77
EPS = 1e-9


def run_delibex(binary, path, timeout):
    """Returns (stdout bytes or None, status text, crashed?)."""
    try:
        proc = subprocess.run([binary, "extract", str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timeout after {timeout:.0f} s", False
    except OSError as e:
        return None, f"cannot run: {e}", False
    err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    first_err = f": {err[0][:160]}" if err else ""
    if proc.returncode < 0:
        return proc.stdout, f"CRASHED (signal {-proc.returncode}){first_err}", True
    if proc.returncode != 0:
        return proc.stdout, f"exit {proc.returncode}{first_err}", False
    return proc.stdout, "ok", False


def score(score_py, gold, pred, fields, as_json):
    cmd = [sys.executable, str(score_py), "--gold", str(gold), "--pred", str(pred)]
    if as_json:
        cmd.append("--json")
    if fields:
        cmd += ["--fields", fields]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delibex", required=True, help="the delibex binary")
    ap.add_argument("--shared", required=True, help="the shared folder (../shared)")
    ap.add_argument("--floors", required=True, help="tests/shared_corpus_floors.json")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per text file (30)")
    ap.add_argument("--ocr-timeout", type=float, default=300.0,
                    help="seconds per PDF or scan (300)")
    ap.add_argument("--sets", default="text,pdf,scan",
                    help="comma-separated input sets to run (default text,pdf,scan); "
                         "the floors of the others are not checked")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary directory (its path is printed)")
    a = ap.parse_args()

    shared = Path(a.shared)
    dev_text = shared / "corpus" / "dev" / "text"
    if not dev_text.is_dir():
        print(f"shared_corpus_check: {dev_text} does not exist: skipped")
        return SKIP
    score_py = shared / "tools" / "score.py"
    if not score_py.is_file():
        print(f"shared_corpus_check: {score_py} not found")
        return 1
    try:
        checks = json.loads(Path(a.floors).read_text(encoding="utf-8"))["checks"]
    except (OSError, ValueError, KeyError) as e:
        print(f"shared_corpus_check: cannot read the floors file {a.floors}: {e}")
        return 1
    if not checks:
        print(f"shared_corpus_check: no check in {a.floors}")
        return 1

    dev_gold = shared / "corpus" / "dev" / "gold"
    sets = {
        "text": ([(dev_text, dev_gold),
                  (shared / "corpus" / "seed" / "input", shared / "corpus" / "seed" / "gold")],
                 a.timeout),
        "pdf": ([(shared / "corpus" / "dev" / "pdf", dev_gold)], a.ocr_timeout),
        "scan": ([(shared / "corpus" / "dev" / "scan", dev_gold)], a.ocr_timeout),
    }
    wanted = []
    for c in checks:
        name = c.get("inputs", "text")
        if name not in sets:
            print(f"shared_corpus_check: unknown inputs '{name}' in {a.floors}")
            return 1
        if name not in wanted and name in a.sets.split(","):
            wanted.append(name)

    tmp = Path(tempfile.mkdtemp(prefix="delibex-shared-"))
    try:
        crashed = []
        ran = {}  # set name -> (gold dir, pred dir)
        for name in wanted:
            sources, timeout = sets[name]
            if not any(inputs.is_dir() for inputs, _ in sources):
                print(f"inputs '{name}': no folder, skipped")
                continue
            pred, gold = tmp / name / "pred", tmp / name / "gold"
            pred.mkdir(parents=True)
            gold.mkdir(parents=True)
            print(f"running {a.delibex} extract on the shared '{name}' inputs "
                  f"({timeout:.0f} s per file)")
            for inputs, golds in sources:
                if not inputs.is_dir():
                    continue
                for f in sorted(p for p in inputs.iterdir() if p.is_file()):
                    stem = f.stem
                    g = golds / f"{stem}.json"
                    if not g.is_file():
                        print(f"  {f.name}: no gold record ({g}), not scored")
                        continue
                    shutil.copyfile(g, gold / f"{stem}.json")
                    out, status, crash = run_delibex(a.delibex, f, timeout)
                    if out is not None:
                        (pred / f"{stem}.json").write_bytes(out)
                    if crash:
                        crashed.append(f.name)
                    print(f"  {f.parent.name}/{f.name}: {status}")
            if not any(gold.iterdir()):
                print(f"shared_corpus_check: no '{name}' input with a gold record")
                return 1
            # The per-field table, all fields.
            print()
            print(score(score_py, gold, pred, None, False), end="")
            print()
            ran[name] = (gold, pred)

        failed = 0
        checked = 0
        for c in checks:
            name = c.get("name", "?")
            if c.get("inputs", "text") not in ran:
                continue
            checked += 1
            gold, pred = ran[c.get("inputs", "text")]
            fields = c.get("fields")
            min_f1 = float(c.get("min_f1", 0.0))
            min_p = float(c.get("min_precision", 0.0))
            res = json.loads(score(score_py, gold, pred, fields, True))
            f1, p = res["micro"]["f1"], res["micro"]["p"]
            ok = f1 + EPS >= min_f1 and p + EPS >= min_p
            failed += not ok
            print(f"check {name:16} F1 {f1:.4f} (floor {min_f1:.4f})  "
                  f"P {p:.4f} (floor {min_p:.4f})  macro-F1 {res['macro_f1']:.4f}  "
                  f"{'ok' if ok else 'BELOW FLOOR'}")
        if crashed:
            print(f"delibex crashed on {len(crashed)} file(s): {', '.join(crashed)}")
        print(f"{checked - failed} passed, {failed + len(crashed)} failed")
        return 1 if failed or crashed else 0
    except RuntimeError as e:
        print(f"shared_corpus_check: {e}")
        return 1
    finally:
        if a.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
