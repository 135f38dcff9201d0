#!/usr/bin/env bash
# batch_check.sh: a batch of good and bad files through `delibex extract DIR`.
#
#   scripts/batch_check.sh [--files N] [--bad N] [--jobs J] [--max-rss-mb M]
#                          [--delibex PATH] [--keep DIR]
#
# Writes N files (default 1000) in a fresh directory: N - BAD copies of the
# text documents of corpus/ (each made unique by a comment line) and BAD bad
# files (default 5 % of N) of ten kinds taken in turn: empty, binary, a .docx
# renamed .txt, a truncated PDF, a PDF with no page, a zero-byte PNG, a PNG
# declaring 20000 x 20000 pixels, a PNG signature over garbage, a dangling
# symbolic link, a blank page image (OCR finds no text). Then runs
#   delibex extract DIR -o out.jsonl -j J        (J default 2)
# under /usr/bin/time -v and checks: exactly N records, N - BAD good ones and
# BAD error records, exit status 1 (0 when BAD is 0), peak resident memory
# under M MiB (default 1536). Prints the figures; exit status 0 when every
# check holds. Not in CI at full size (it takes a minute or two); ctest runs
# a small one (tests/CMakeLists.txt: batch_check_small).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

files=1000
bad=
jobs=2
max_rss_mb=1536
delibex=$root/build/delibex
keep=
while (($# > 0)); do
  case $1 in
    --files) files=$2; shift 2 ;;
    --bad) bad=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --max-rss-mb) max_rss_mb=$2; shift 2 ;;
    --delibex) delibex=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    *) echo "batch_check: unknown argument $1" >&2; exit 2 ;;
  esac
done
bad=${bad:-$((files / 20))}
good=$((files - bad))
if [[ ! -x $delibex ]]; then
  echo "batch_check: no delibex at $delibex (build it first: scripts/build.sh)" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "batch_check: /usr/bin/time is missing (apt-get install time)" >&2
  exit 2
fi

work=$(mktemp -d)
if [[ -n $keep ]]; then
  work=$keep
  rm -rf "$work"
  mkdir -p "$work"
else
  trap 'rm -rf "$work"' EXIT
fi
in=$work/in
mkdir -p "$in"

python3 - "$root" "$in" "$good" "$bad" <<'EOF'
import glob, os, struct, subprocess, sys, zlib

root, out, good, bad = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
docs = sorted(glob.glob(os.path.join(root, "corpus", "*.txt")))
texts = [open(d, "rb").read() for d in docs]
for i in range(good):
    # A comment line first: every file differs (no two with the same hash).
    with open(os.path.join(out, "good-%04d.txt" % i), "wb") as f:
        f.write(b"# batch file %d\n" % i + texts[i % len(texts)])

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

def pdf(objects):
    body = b"%PDF-1.4\n"
    offsets = []
    for k, o in enumerate(objects):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (k + 1, o)
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body

text_pdf = pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                b"<< /Length 44 >>\nstream\nBT /F1 11 Tf 72 770 Td (Seance du conseil) Tj ET\nendstream"])
ihdr = struct.pack(">IIBBBBB", 20000, 20000, 1, 0, 0, 0, 0)
kinds = [
    ("empty.txt", b""),
    ("binary.txt", bytes((i * 131 + 7) & 0xFF for i in range(4096))),
    ("renamed-docx.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml"),
    ("truncated.pdf", text_pdf[:120]),
    ("nopage.pdf", pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])),
    ("zero.png", b""),
    ("huge.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 2501 * 64))),
    ("garbage.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256))),
    ("dangling.txt", None),
    ("white.png", "convert"),
]
for i in range(bad):
    name, data = kinds[i % len(kinds)]
    path = os.path.join(out, "bad-%04d-%s" % (i, name))
    if data is None:
        os.symlink("nowhere-%d.txt" % i, path)
    elif data == "convert":
        subprocess.run(["convert", "-size", "400x300", "xc:white", path], check=True)
    else:
        open(path, "wb").write(data)
EOF

echo "batch_check: $files files ($good good, $bad bad) in $in; delibex extract -j $jobs"
status=0
start=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" "$delibex" extract "$in" -o "$work/out.jsonl" -j "$jobs" -q \
  2> "$work/stderr.txt" || status=$?
end=$(date +%s.%N)

records=$(wc -l < "$work/out.jsonl")
errors=$(grep -c '"error":{"code"' "$work/out.jsonl" || true)
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
echo "batch_check: records $records, good $((records - errors)), errors $errors," \
  "exit status $status, peak RSS $((rss_kb / 1024)) MiB, wall ${wall}s"
echo "batch_check: error codes: $(grep -o '"error":{"code":"[a-z-]*"' "$work/out.jsonl" |
  sed 's/.*"code":"//; s/"$//' | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}')"

fail=0
check() {
  if ! eval "$1"; then
    echo "batch_check: FAIL: $2" >&2
    fail=1
  fi
}
check '((records == files))' "$records records, expected $files"
check '((errors == bad))' "$errors error records, expected $bad"
expected_status=$((bad > 0 ? 1 : 0))
check '((status == expected_status))' "exit status $status, expected $expected_status"
check '((rss_kb < max_rss_mb * 1024))' "peak RSS $((rss_kb / 1024)) MiB, limit $max_rss_mb MiB"
if ((fail)); then
  echo "batch_check: stderr (first lines):" >&2
  head -n 20 "$work/stderr.txt" >&2
  exit 1
fi
echo "batch_check: ok"
