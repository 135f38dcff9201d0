#!/usr/bin/env bash
# scan_gap.sh: how much is lost when the shared dev text documents are printed
# and scanned. Renders each one with ../shared/tools/make-scan (300 dpi, skew
# 1.5 degrees, noise 0.6: issue 4's setting), reads the renderings and the
# texts with build/delibex, and scores both with ../shared/tools/score.py
# against the same gold records. Prints both tables and the gap.
#
#   bash scripts/scan_gap.sh [BUILD_DIR]     (default: build)
#   SCAN_GAP_SET=corpus bash scripts/scan_gap.sh   the project's own corpus/
#                                                 instead (expected records as gold)
#
#   SCAN_GAP_HARSH=1 bash scripts/scan_gap.sh     a worse scanner: 2.5 degrees of
#                                                 skew, noise 1.2, blur 1.0, JPEG
#                                                 at quality 35
# Texts are wrapped at 72 columns before they are printed (make-scan cuts
# longer lines at the page's edge); the gap so includes what wrapping costs.
# make-scan's noise is random: two runs differ by a point or so.
# Needs ImageMagick with Pango and img2pdf (make-scan's own needs). Work files
# go to a temporary directory (to SCAN_GAP_DIR, kept, when it is set); nothing
# is written under ../shared.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build}/delibex
shared=$root/../shared
if [ -n "${SCAN_GAP_DIR:-}" ]; then
  tmp=$SCAN_GAP_DIR
  rm -rf "$tmp"
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi
mkdir -p "$tmp"/gold "$tmp"/text "$tmp"/scan "$tmp"/pdf
if [ "${SCAN_GAP_SET:-shared}" = corpus ]; then
  inputs=("$root"/corpus/*.txt)
else
  inputs=("$shared"/corpus/dev/text/*.txt "$shared"/corpus/seed/input/*.txt)
fi
for f in "${inputs[@]}"; do
  s=$(basename "${f%.*}")
  if [ "${SCAN_GAP_SET:-shared}" = corpus ]; then
    gold=$root/corpus/$s.json
    [ -f "$gold" ] || continue
  else
    gold=$(ls "$shared"/corpus/*/gold/"$s".json 2>/dev/null | head -1)
    [ -n "$gold" ] || continue
  fi
  # make-scan reads UTF-8: a Windows-1252 file is converted, UTF-16 skipped.
  src=$f
  if ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
    if grep -qaP '\x00' "$f"; then
      echo "not UTF-8 nor single-byte: $s (skipped)"
      continue
    fi
    src=$tmp/pdf/$s.utf8.txt
    iconv -f WINDOWS-1252 -t UTF-8 "$f" >"$src"
  fi
  # Wrapped at 72 columns first, as a printed page is: make-scan cuts a
  # line longer than its text block at the right edge, and the words cut
  # off would count as losses of the OCR.
  fold -s -w 72 "$src" >"$tmp/pdf/$s.72.txt"
  if ! "$shared"/tools/make-scan "$tmp/pdf/$s.72.txt" "$tmp/pdf/$s.pdf" --dpi 300 --skew 1.5 \
       --noise 0.6 ${SCAN_GAP_HARSH:+--skew 2.5 --noise 1.2 --blur 1.0 --jpeg 35} \
       >/dev/null 2>"$tmp/pdf/$s.err"; then
    echo "make-scan could not render $s (skipped)"
    continue
  fi
  cp "$gold" "$tmp/gold/"
  "$bin" extract "$f" >"$tmp/text/$s.json" 2>/dev/null || true
  "$bin" extract "$tmp/pdf/$s.pdf" >"$tmp/scan/$s.json" 2>/dev/null || true
done
echo "== as text"
python3 "$shared"/tools/score.py --gold "$tmp/gold" --pred "$tmp/text" | tee "$tmp/text.score"
echo "== as scans"
python3 "$shared"/tools/score.py --gold "$tmp/gold" --pred "$tmp/scan" | tee "$tmp/scan.score"
t=$(awk '/^micro-F1/ {print $2}' "$tmp/text.score")
s=$(awk '/^micro-F1/ {print $2}' "$tmp/scan.score")
echo "micro-F1 text $t, scans $s, gap $(awk -v a="$t" -v b="$s" 'BEGIN {printf "%.4f", a - b}')"
