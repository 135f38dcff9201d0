#!/usr/bin/env python3
"""Score delibex on the shared evaluation corpus against floors.

    shared_corpus_check.py --delibex BIN --shared ../shared --floors tests/shared_corpus_floors.json

Runs `BIN extract FILE` (30 s each) on every file of SHARED/corpus/dev/text and
SHARED/corpus/seed/input, writes the output to TMP/pred/<stem>.json and the matching gold
record to TMP/gold/<stem>.json (TMP is a temporary directory: nothing is written under
SHARED), prints score.py's per-field table, then runs
`SHARED/tools/score.py --gold TMP/gold --pred TMP/pred --json [--fields F]` for each check
of the floors file and compares its micro-F1 and micro-precision with the check's floors.

Floors file: {"checks": [{"name": N, "fields": "p1,p2" or null (all fields),
                          "min_f1": x, "min_precision": y}, ...]}

Exit status: 0 when every check is at or above its floors; 1 when one is below, when
delibex crashed (killed by a signal) on a file, or on a usage error; 77 (CTest's skip
code, to be set as the test's SKIP_RETURN_CODE) when SHARED/corpus/dev/text does not
exist. A timeout or a non-zero exit on a file is reported, and that file counts as having
no prediction. Only the standard library is needed.
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
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per file (30)")
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

    sources = [(dev_text, shared / "corpus" / "dev" / "gold"),
               (shared / "corpus" / "seed" / "input", shared / "corpus" / "seed" / "gold")]

    tmp = Path(tempfile.mkdtemp(prefix="delibex-shared-"))
    try:
        pred, gold = tmp / "pred", tmp / "gold"
        pred.mkdir()
        gold.mkdir()
        crashed = []
        print(f"running {a.delibex} extract on the shared corpus ({a.timeout:.0f} s per file)")
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
                out, status, crash = run_delibex(a.delibex, f, a.timeout)
                if out is not None:
                    (pred / f"{stem}.json").write_bytes(out)
                if crash:
                    crashed.append(f.name)
                print(f"  {f.parent.name}/{f.name}: {status}")
        if not any(gold.iterdir()):
            print("shared_corpus_check: no input with a gold record")
            return 1

        # The per-field table, all fields.
        print()
        print(score(score_py, gold, pred, None, False), end="")
        print()

        failed = 0
        for c in checks:
            name = c.get("name", "?")
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
        print(f"{len(checks) - failed} passed, {failed + len(crashed)} failed")
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
