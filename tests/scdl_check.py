#!/usr/bin/env python3
"""The SCDL « Délibérations » export of a corpus, checked against the SPEC and the schema's rules.

    scdl_check.py --delibex BIN [--text-only] CORPUS_DIR

(--text-only: only the first 12 of the folder's own *.txt files, copied to a temporary
folder: the sanitizer tree uses it, where OCR of the scans would take minutes.)

Runs `BIN extract CORPUS_DIR -o records.jsonl` and `BIN extract CORPUS_DIR --format scdl
--coll-siret S --url-prefix U -o out.csv`, then checks, with rules written here
independently of delibex's own:

- the bytes: UTF-8 without a byte-order mark, every line ending with CRLF;
- the header: the 17 columns of ../shared/SPEC.md's "SCDL export", in order;
- one row per act of the records, 17 fields each, in the records' order, each column
  holding what the SPEC maps to it (COLL_NOM the authority's name, DELIB_DATE the session
  date, PREF_DATE the prefecture's receipt, ...);
- the schema's rules on every value written (COLL_SIRET 14 digits, dates that exist,
  PREF_DATE >= DELIB_DATE, the matière code pattern and ACTES list, PREF_ID, whole counts,
  VOTE_REEL <= VOTE_EFFECTIF, for + against + abstention <= VOTE_REEL, DELIB_URL): no
  value breaks one, except what the text itself states (a SIRET of another authority:
  the same S is given to every file);
- delibex's warnings on stderr: exactly the rows this script finds breaking a rule or
  lacking a required value, each naming its row as validators count (header = row 1).

Exit status 0 when every check passes, 1 otherwise.
"""
import argparse
import csv
import datetime
import io
import json
import re
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

COLUMNS = ["COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE",
           "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
           "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE",
           "VOTE_ABSTENTION", "DELIB_URL"]
REQUIRED = COLUMNS[:7]
SIRET = "21860194600013"
PREFIX = "https://data.example.fr/deliberations/"
ACTES_LAST = {1: 7, 2: 3, 3: 6, 4: 5, 5: 8, 6: 5, 7: 10, 8: 9, 9: 4}


def is_date(s):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def broken_rules(row, siren):
    """The columns whose rule `row` breaks (a required value missing counts as its column)."""
    bad = set()
    for c in REQUIRED:
        if not row[c]:
            bad.add(c)
    if row["COLL_SIRET"]:
        if not re.fullmatch(r"\d{14}", row["COLL_SIRET"]):
            bad.add("COLL_SIRET")
        elif siren and re.fullmatch(r"\d{9}", siren) and row["COLL_SIRET"][:9] != siren:
            bad.add("COLL_SIRET")
    for c in ("DELIB_DATE", "PREF_DATE"):
        if row[c] and not is_date(row[c]):
            bad.add(c)
    if is_date(row["DELIB_DATE"]) and is_date(row["PREF_DATE"]) and \
            row["PREF_DATE"] < row["DELIB_DATE"]:
        bad.add("PREF_DATE")
    code = row["DELIB_MATIERE_CODE"]
    if code:
        m = re.fullmatch(r"(\d)\.(\d{1,2})", code)
        if not m or not (1 <= int(m[1]) <= 9 and 1 <= int(m[2]) <= ACTES_LAST[int(m[1])]):
            bad.add("DELIB_MATIERE_CODE")
    if row["BUDGET_ANNEE"] and not re.fullmatch(r"\d{4}(/\d{4})?", row["BUDGET_ANNEE"]):
        bad.add("BUDGET_ANNEE")
    if row["PREF_ID"] and not re.fullmatch(r"(PREF|SGAR)\d{2}[\dAB]|SPREF\d{2}[\dAB]\d",
                                           row["PREF_ID"]):
        bad.add("PREF_ID")
    counts = {}
    for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"):
        if row[c]:
            if re.fullmatch(r"\d+", row[c]):
                counts[c] = int(row[c])
            else:
                bad.add(c)
    if "VOTE_REEL" in counts and "VOTE_EFFECTIF" in counts and \
            counts["VOTE_REEL"] > counts["VOTE_EFFECTIF"]:
        bad.add("VOTE_REEL")
    cast = sum(counts.get(c, 0) for c in ("VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION"))
    if "VOTE_REEL" in counts and cast > counts["VOTE_REEL"]:
        bad.add("VOTE_POUR")
    if row["DELIB_URL"] and not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:\S+", row["DELIB_URL"]):
        bad.add("DELIB_URL")
    return bad


def warned_columns(stderr):
    """{row: columns} of delibex's `scdl row N (...): COLUMN ...` warnings."""
    out = {}
    for line in stderr.splitlines():
        m = re.match(r"delibex: scdl row (\d+) \([^)]*\): (.*)$", line)
        if not m:
            continue
        cols = set(re.findall(r"\b(?:%s)\b" % "|".join(COLUMNS), m[2]))
        if m[2].startswith("VOTE_POUR + "):
            cols = {"VOTE_POUR"}
        elif not m[2].endswith("required and empty"):
            cols = {re.match(r"[A-Z_]+", m[2])[0]}
        out.setdefault(int(m[1]), set()).update(cols)
    return out


def collapse(s):
    return " ".join((s or "").split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delibex", required=True)
    ap.add_argument("--text-only", action="store_true")
    ap.add_argument("corpus")
    a = ap.parse_args()
    failures = []

    def check(ok, what):
        print(f"scdl_check: {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="delibex-scdl-") as tmp:
        if a.text_only:
            texts = Path(tmp) / "corpus"
            texts.mkdir()
            for t in sorted(Path(a.corpus).glob("*.txt"))[:12]:
                (texts / t.name).write_bytes(t.read_bytes())
            a.corpus = str(texts)
        jsonl, csv_path = Path(tmp) / "records.jsonl", Path(tmp) / "out.csv"
        r = subprocess.run([a.delibex, "extract", "-q", a.corpus, "-o", str(jsonl)],
                           capture_output=True, text=True)
        records = [json.loads(l) for l in jsonl.read_text(encoding="utf-8").splitlines()]
        r = subprocess.run([a.delibex, "extract", "-q", a.corpus, "--format", "scdl",
                            "--coll-siret", SIRET, "--url-prefix", PREFIX, "-o", str(csv_path)],
                           capture_output=True, text=True)
        check(r.returncode in (0, 1), f"--format scdl: exit {r.returncode}")
        data = csv_path.read_bytes()
    check(not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark")
    try:
        text = data.decode("utf-8")
        check(True, "UTF-8")
    except UnicodeDecodeError as e:
        check(False, f"UTF-8: {e}")
        return 1
    lines = data.count(b"\n")
    check(lines == data.count(b"\r\n") and data.endswith(b"\r\n"),
          f"every one of the {lines} lines ends with CRLF")
    spec = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"
    if spec.exists():
        section = spec.read_text(encoding="utf-8").split("## SCDL export", 1)[1]
        listed = re.search(r"`(COLL_NOM,[^`]*)`", section, re.S)[1]
        check([c.strip() for c in listed.split(",")] == COLUMNS,
              "this script's columns are those SPEC.md lists")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(rows[0] == COLUMNS, "the header is the SPEC's 17 columns, in order")
    body = [dict(zip(COLUMNS, row)) for row in rows[1:]]
    check(all(len(row) == 17 for row in rows), "17 fields on every row")

    acts = [(rec, i, act) for rec in records if "error" not in rec
            for i, act in enumerate(rec["deliberations"])]
    check(len(body) == len(acts), f"{len(body)} rows for the {len(acts)} acts of "
          f"{len(records)} records")
    mapped = True
    for row, (rec, i, act) in zip(body, acts):
        stamp = act.get("prefecture") or rec.get("prefecture") or {}
        act_id = (act.get("prefecture") or {}).get("act_id") or (
            (rec.get("prefecture") or {}).get("act_id") if len(rec["deliberations"]) == 1 else None)
        want = {
            "COLL_NOM": collapse(rec["authority"]["name"]),
            "COLL_SIRET": SIRET,
            "DELIB_ID": collapse(act["number"]) if act["number"] else (act_id or {}).get("number", ""),
            "DELIB_DATE": rec["session"]["date"] or (act_id or {}).get("date", ""),
            "DELIB_OBJET": collapse(act["title"]),
            "PREF_DATE": stamp.get("received") or "",
            "PREF_ID": "PREF" + act_id["department"] if act_id else "",
            "VOTE_EFFECTIF": str(rec["attendance"]["in_office"] or ""),
            "VOTE_POUR": "" if act["vote"]["for"] is None else str(act["vote"]["for"]),
            "VOTE_CONTRE": "" if act["vote"]["against"] is None else str(act["vote"]["against"]),
            "DELIB_URL": PREFIX + urllib.parse.quote(rec["source"]["file"], safe="/-_.~"),
        }
        if act["matter"]:
            want["DELIB_MATIERE_CODE"] = ".".join(act["matter"]["code"].split(".")[:2])
        for c, v in want.items():
            if row[c] != v:
                print(f"scdl_check: row of {rec['source']['file']} act {i + 1}: {c} "
                      f"{row[c]!r}, expected {v!r}")
                mapped = False
    check(mapped, "each column holds the record's value the SPEC maps to it")

    found = {}
    by_text = 0
    for n, (row, (rec, i, act)) in enumerate(zip(body, acts), start=2):
        bad = broken_rules(row, rec["authority"]["siren"])
        if bad:
            found[n] = bad
        format_bad = bad - set(c for c in REQUIRED if not row[c])
        if format_bad - {"COLL_SIRET"}:
            print(f"scdl_check: row {n} ({rec['source']['file']}): breaks {sorted(format_bad)}")
            by_text += 1
    check(by_text == 0, "no value written breaks a rule of the schema")
    warned = warned_columns(r.stderr)
    check(warned == found,
          f"delibex warned on exactly the {len(found)} rows (of {len(body)}) that break a rule "
          f"or lack a required value, naming their columns")
    if warned != found:
        for n in sorted(set(warned) | set(found)):
            if warned.get(n) != found.get(n):
                print(f"  row {n}: delibex {sorted(warned.get(n, []))}, "
                      f"expected {sorted(found.get(n, []))}")
    if failures:
        print(f"scdl_check: {len(failures)} check(s) failed")
        return 1
    print("scdl_check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
