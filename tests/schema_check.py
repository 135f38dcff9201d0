#!/usr/bin/python3
"""Run delibex over a corpus and validate every record against the JSON Schema.

    schema_check.py --delibex PATH_TO_BINARY --schema schema/record.schema.json CORPUS_DIR

Runs `PATH_TO_BINARY extract CORPUS_DIR -o TMP/out.jsonl` in a temporary directory,
then validates each line with jsonschema's Draft202012Validator (formats checked too).
Prints each failure with the record's source.file and the JSON path of the offending
value. Exit status 1 when a record fails, when a line is not JSON, when no record was
produced, or when delibex did not exit with 0 or 1 (1 means: some input gave an error
record, which is valid output); 0 otherwise. The last line is `N passed, M failed`.

Uses Debian's python3-jsonschema, hence /usr/bin/python3 (a python3 earlier on PATH
may lack the module).
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - depends on the machine
    sys.exit("schema_check.py: the jsonschema module is missing "
             "(apt-get install python3-jsonschema; run with /usr/bin/python3)")


def branch_validator(schema, record):
    """A validator for the one alternative of the top-level oneOf that this record means
    to be, so that failures name the exact field rather than `not valid under oneOf`."""
    alternatives = schema.get("oneOf") or []
    want = "errorRecord" if isinstance(record, dict) and "error" in record else "documentRecord"
    for alt in alternatives:
        if alt.get("$ref", "").endswith("/" + want):
            sub = dict(schema)
            sub.pop("oneOf")
            sub["$ref"] = alt["$ref"]
            return Draft202012Validator(sub, format_checker=jsonschema.FormatChecker())
    return None


def explain(error):
    """The error's message; for a failed `anyOf` (a value or null), why the value failed."""
    msg = error.message
    why = [c.message for c in (error.context or [])
           if not (c.validator == "type" and c.validator_value == "null")]
    if why:
        msg = why[0] if len(why) == 1 else msg + ": " + "; ".join(why)
    return msg[:300]


def describe(record):
    if isinstance(record, dict):
        src = record.get("source")
        if isinstance(src, dict) and src.get("file"):
            return str(src["file"])
    return "(no source.file)"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delibex", required=True, help="path to the delibex binary")
    ap.add_argument("--schema", required=True, help="path to record.schema.json")
    ap.add_argument("--timeout", type=float, default=900.0,
                    help="seconds delibex may take over the whole corpus (900)")
    ap.add_argument("corpus", help="the corpus directory given to `delibex extract`")
    a = ap.parse_args()

    schema = json.loads(Path(a.schema).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="delibex-schema-") as tmp:
        out = Path(tmp) / "out.jsonl"
        cmd = [a.delibex, "extract", a.corpus, "-o", str(out)]
        print("running:", " ".join(cmd), flush=True)
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=a.timeout)
        except subprocess.TimeoutExpired:
            print(f"FAIL: delibex did not finish within {a.timeout:.0f} s")
            print("0 passed, 1 failed")
            return 1
        except OSError as e:
            print(f"FAIL: cannot run {a.delibex}: {e}")
            print("0 passed, 1 failed")
            return 1
        stderr = proc.stderr.decode("utf-8", "replace").strip()
        if stderr:
            print("delibex stderr:")
            for line in stderr.splitlines()[:40]:
                print("  " + line)
        bad_exit = proc.returncode not in (0, 1)
        if bad_exit:
            failed += 1
            print(f"FAIL: delibex exited with status {proc.returncode}")
        elif proc.returncode == 1:
            print("note: delibex exited with status 1 (some input gave an error record)")

        lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                failed += 1
                print(f"FAIL line {n}: not JSON: {e}")
                continue
            if validator.is_valid(record):
                passed += 1
                continue
            failed += 1
            print(f"FAIL line {n}: {describe(record)}")
            sub = branch_validator(schema, record)
            errors = list(sub.iter_errors(record)) if sub else []
            if not errors:
                errors = list(validator.iter_errors(record))
            for e in sorted(errors, key=lambda e: list(map(str, e.absolute_path))):
                print(f"  {e.json_path}: {explain(e)}")

    if passed == 0 and failed == 0 or not lines:
        print("FAIL: delibex produced no record")
        print(f"{passed} passed, {failed + 1} failed")
        return 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
