#!/usr/bin/env python3
"""Batches that survive interruption and split into shards, through the delibex binary.

    batch_runs_check.py --delibex BIN --corpus DIR [--files 2000] [--jobs 2] [--keep]

Makes FILES inputs in a temporary folder (the texts of DIR, the project's corpus/, each
copy made distinct by a line of its own, in sub-folders), then checks:

1. kill and resume: `extract FOLDER -o OUT` is killed with SIGKILL once about half the
   records are written; `--resume` ends with every input exactly once in OUT (same path,
   the sha256 of its bytes), and OUT's records equal, as a set, those of one clean run;
2. a torn last line (half a record appended by hand) is dropped by --resume, a file changed
   since its record is redone (its old record dropped), a deleted record is redone, and
   nothing else is;
3. shards: `--shard k/4` for k = 0..3 give disjoint sets of inputs whose records, together,
   equal one run's as a set; each input is in the shard the documented formula names
   (first 8 bytes of sha256(path below the folder), big-endian, mod N); and
   `delibex merge` of the 4 outputs equals the clean run line for line.

Exit status 0 when every check passes, 1 otherwise. Prints the figures it measured.
"""
import argparse
import collections
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def records(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
    return out


def key(r):
    return json.dumps(r, sort_keys=True, ensure_ascii=False)


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--delibex", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    delibex = os.path.abspath(a.delibex)
    texts = sorted(Path(a.corpus).glob("*.txt"))
    if not texts:
        print(f"batch_runs_check: no .txt in {a.corpus}")
        return 1
    work = Path(tempfile.mkdtemp(prefix="delibex-batch-runs-"))
    failures = []

    def check(ok, what):
        print(f"batch_runs_check: {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            failures.append(what)

    try:
        inputs = work / "in"
        for i in range(a.files):
            src = texts[i % len(texts)]
            d = inputs / f"lot-{i // 250:02d}"
            d.mkdir(parents=True, exist_ok=True)
            data = src.read_bytes() + f"\nPièce annexée n° {i}\n".encode("utf-8")
            (d / f"{i:05d}-{src.name}").write_bytes(data)
        files = sorted(str(p.relative_to(inputs)) for p in inputs.rglob("*.txt"))
        sha = {f: hashlib.sha256((inputs / f).read_bytes()).hexdigest() for f in files}

        # The clean run: the reference set.
        clean = work / "clean.jsonl"
        t0 = time.monotonic()
        r = run([delibex, "extract", "-q", "-j", str(a.jobs), str(inputs), "-o", str(clean)])
        clean_s = time.monotonic() - t0
        check(r.returncode == 0, f"a clean run over {a.files} inputs: exit {r.returncode} "
              f"in {clean_s:.1f} s")
        ref = records(clean)
        ref_set = collections.Counter(map(key, ref))
        check(len(ref) == a.files, f"the clean run wrote {len(ref)} records")

        # 1. SIGKILL half-way, then --resume.
        out = work / "killed.jsonl"
        proc = subprocess.Popen([delibex, "extract", "-q", "-j", str(a.jobs), str(inputs), "-o",
                                 str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        written = 0
        while proc.poll() is None:
            try:
                written = out.read_bytes().count(b"\n")
            except FileNotFoundError:
                written = 0
            if written >= a.files // 2:
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        proc.wait()
        killed = proc.returncode == -signal.SIGKILL
        at_kill = out.read_bytes()
        lines_at_kill = at_kill.count(b"\n")
        torn = not at_kill.endswith(b"\n")
        check(killed and 0 < lines_at_kill < a.files,
              f"killed with SIGKILL after {lines_at_kill} of {a.files} records"
              f"{' (a torn last line)' if torn else ''}")
        t0 = time.monotonic()
        r = run([delibex, "extract", "-q", "-j", str(a.jobs), "--resume", str(inputs), "-o",
                 str(out)])
        resume_s = time.monotonic() - t0
        print(f"batch_runs_check: resume: {r.stderr.strip().splitlines()[0] if r.stderr else ''}")
        got = records(out)
        per_file = collections.Counter(x["source"]["file"] for x in got)
        once = set(per_file) == set(files) and all(n == 1 for n in per_file.values())
        check(r.returncode == 0 and once,
              f"after --resume ({resume_s:.1f} s): {len(got)} records, every input exactly once")
        check(all(x["source"]["sha256"] == sha[x["source"]["file"]] for x in got),
              "each record's sha256 is its input's")
        check(collections.Counter(map(key, got)) == ref_set,
              "the resumed output equals the clean run's records as a set")
        r = run([delibex, "extract", "-q", "--resume", str(inputs), "-o", str(out)])
        check(r.returncode == 0 and f"{a.files} of {a.files} input(s) already done" in r.stderr
              and len(records(out)) == a.files, "a second --resume does nothing")

        # 2. A torn line, a changed file, a lost record.
        lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
        changed, lost = files[3], files[7]
        lines = [l for l in lines if json.loads(l)["source"]["file"] != lost]
        out.write_text("".join(lines) + lines[0][: len(lines[0]) // 2], encoding="utf-8")
        with open(inputs / changed, "ab") as f:
            f.write("Délibération rectifiée.\n".encode("utf-8"))
        r = run([delibex, "extract", "-q", "--resume", str(inputs), "-o", str(out)])
        got = records(out)
        per_file = collections.Counter(x["source"]["file"] for x in got)
        new_sha = hashlib.sha256((inputs / changed).read_bytes()).hexdigest()
        check(r.returncode == 0 and len(got) == a.files and set(per_file.values()) == {1}
              and f"{a.files - 2} of {a.files} input(s) already done" in r.stderr
              and "1 torn last line" in r.stderr,
              "a torn last line dropped; a changed file and a lost record redone, only they")
        check([x["source"]["sha256"] for x in got if x["source"]["file"] == changed] == [new_sha],
              "the changed file's record is of its new bytes")
        (inputs / changed).write_bytes(sha_bytes := (inputs / changed).read_bytes()[
            : -len("Délibération rectifiée.\n".encode("utf-8"))])
        assert hashlib.sha256(sha_bytes).hexdigest() == sha[changed]

        # 3. Shards.
        shard_sets = []
        total = collections.Counter()
        for k in range(4):
            o = work / f"shard-{k}.jsonl"
            r = run([delibex, "extract", "-q", "-j", str(a.jobs), "--shard", f"{k}/4",
                     str(inputs), "-o", str(o)])
            recs = records(o)
            shard_sets.append({x["source"]["file"] for x in recs})
            total.update(map(key, recs))
            formula = all(int.from_bytes(hashlib.sha256(x["source"]["file"].encode()).digest()[:8],
                                         "big") % 4 == k for x in recs)
            check(r.returncode == 0 and formula,
                  f"shard {k}/4: {len(recs)} records, each input in the shard the formula names")
        disjoint = sum(len(s) for s in shard_sets) == len(set().union(*shard_sets))
        check(disjoint and total == ref_set,
              "the 4 shards are disjoint and together equal one run's records as a set")
        merged = work / "merged.jsonl"
        r = run([delibex, "merge"] + [str(work / f"shard-{k}.jsonl") for k in range(4)]
                + ["-o", str(merged)])
        check(r.returncode == 0 and merged.read_bytes() == clean.read_bytes(),
              "delibex merge of the 4 shards is the clean run, line for line")
        r = run([delibex, "extract", "--shard", "4/4", str(inputs)])
        check(r.returncode == 2 and "K must be" in r.stderr, "--shard 4/4 is bad usage")
    finally:
        if a.keep:
            print(f"batch_runs_check: kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"batch_runs_check: {len(failures)} check(s) failed")
        return 1
    print("batch_runs_check: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
