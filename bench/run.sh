#!/usr/bin/env bash
# bench/run.sh: whole-run figures of delibex on this machine, side by side
# with `tesseract` in the same run (issue 11).
#
#   bench/run.sh [--rounds N] [--docs N] [--delibex PATH] [--cache DIR]
#                [--tiny] [--no-ocr]
#
# Prints, as a Markdown table (the README's "Benchmarks" table):
#   1. one page: `delibex extract page.png` CPU (user + sys) over
#      `tesseract page.png - -l fra` CPU, OMP_THREAD_LIMIT=1 for tesseract,
#      and delibex started without it (as a user starts it: it re-executes
#      itself with it). The page is the shared seed text rendered by
#      ../shared/tools/make-scan at 300 dpi (first page).
#   2. a 7-page scan (make-scan of the seed text twice, --lines 40): wall
#      time of `delibex extract -j 1` over `-j 2`, and the CPU -j 2 spends
#      more than -j 1.
#   3. text rate: N documents (default 10,000) of mixed sizes made from the
#      texts of corpus/ and of ../shared/corpus (dev/text, seed) when present:
#      each a copy of one text, or of its first half, or two or three texts
#      end to end; documents per second of wall time and peak RSS
#      (/usr/bin/time %M) of `delibex extract DIR -j 1` and `-j 2`.
# Each measure is taken N rounds (default 3), the programs compared
# alternating within a round; the table gives medians. The machine is shared:
# CPU times are steadier than wall times; the load average is printed.
#
# --tiny: a check that the script runs (ctest bench_run_tiny): 40 documents,
# one round, the one-page comparison on a scan of corpus/scans (no
# make-scan), no 7-page scan. --no-ocr: the text rate only.
# Generated inputs go to a temporary directory, removed at exit; the pages
# made with make-scan (2 to 4 minutes each) are kept in --cache (default
# $XDG_CACHE_HOME/delibex-bench, else ~/.cache/delibex-bench). Nothing is
# written in the repository.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=$root/../shared

rounds=3
docs=10000
delibex=$root/build/delibex
cache=${XDG_CACHE_HOME:-$HOME/.cache}/delibex-bench
tiny=0
ocr=1
while (($# > 0)); do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --docs) docs=$2; shift 2 ;;
    --delibex) delibex=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --tiny) tiny=1; shift ;;
    --no-ocr) ocr=0; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if ((tiny)); then
  rounds=1
  docs=40
fi
[[ -x $delibex ]] || { echo "bench/run.sh: no delibex at $delibex (build first)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: needs /usr/bin/time" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs a command under /usr/bin/time; prints "user sys wall maxrss_kb".
measure() {
  /usr/bin/time -o "$tmp/time" -f '%U %S %e %M' "$@" >/dev/null 2>"$tmp/stderr" || {
    echo "bench/run.sh: failed: $*" >&2
    tail -5 "$tmp/stderr" >&2
    exit 1
  }
  tail -1 "$tmp/time"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

rows=()
notes=()
load_before=$(cut -d' ' -f1 /proc/loadavg)
if awk "BEGIN { exit !($load_before > 0.5) }"; then
  notes+=("load average $load_before before the run: other work shares the cores, wall-time figures (the -j 2 speed-up above all) are low")
fi

# --- 1. one page -----------------------------------------------------------
have_tesseract=0
command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx fra && have_tesseract=1
seed=$(ls "$shared"/corpus/seed/input/*.txt 2>/dev/null | head -1 || true)
page=
if ((ocr && have_tesseract)); then
  if ((tiny)); then
    page=$(ls "$root"/corpus/scans/*.jpg | head -1)
  elif [[ -n $seed && -x $shared/tools/make-scan ]]; then
    mkdir -p "$cache"
    page=$cache/page.png
    [[ -s $page ]] || "$shared/tools/make-scan" "$seed" "$page" >/dev/null 2>&1
  else
    notes+=("one page: skipped (no ../shared seed text or make-scan)")
  fi
elif ((ocr)); then
  notes+=("OCR: skipped (no tesseract with the fra model)")
fi
if [[ -n $page ]]; then
  : >"$tmp/d1"
  : >"$tmp/t1"
  for ((r = 0; r < rounds; r++)); do
    measure env -u OMP_THREAD_LIMIT "$delibex" extract "$page" | awk '{ print $1 + $2 }' >>"$tmp/d1"
    measure env OMP_THREAD_LIMIT=1 tesseract "$page" - -l fra | awk '{ print $1 + $2 }' >>"$tmp/t1"
  done
  d=$(median <"$tmp/d1")
  t=$(median <"$tmp/t1")
  what="one 300 dpi page"
  ((tiny)) && what="one page ($(basename "$page"))"
  rows+=("| $what: \`delibex extract page.png\` CPU / \`tesseract page.png - -l fra\` CPU | $(calc '%.2f s / %.2f s: **%.2f×**' "$d, $t, $d / $t") | ≤ 1.10× |")
fi

# --- 2. seven pages over one and two workers --------------------------------
if ((ocr && !tiny)) && [[ -n $seed && -x $shared/tools/make-scan ]]; then
  mkdir -p "$cache"
  scan=$cache/scan7.pdf
  if [[ ! -s $scan ]]; then
    cat "$seed" "$seed" >"$tmp/two.txt"
    "$shared/tools/make-scan" "$tmp/two.txt" "$scan" --lines 40 >/dev/null 2>&1
  fi
  : >"$tmp/w1"; : >"$tmp/w2"; : >"$tmp/c1"; : >"$tmp/c2"
  for ((r = 0; r < rounds; r++)); do
    for j in 1 2; do
      read -r u s e _ < <(measure env -u OMP_THREAD_LIMIT "$delibex" extract -j "$j" "$scan")
      echo "$e" >>"$tmp/w$j"
      calc '%.2f\n' "$u + $s" >>"$tmp/c$j"
    done
  done
  w1=$(median <"$tmp/w1"); w2=$(median <"$tmp/w2")
  c1=$(median <"$tmp/c1"); c2=$(median <"$tmp/c2")
  rows+=("| 7-page scanned PDF, \`-j 2\` vs \`-j 1\`: wall time (speed-up), CPU (extra) | $(calc '%.2f s → %.2f s: **%.2f×** faster; CPU %.2f s → %.2f s: **%+.0f %%**' "$w1, $w2, $w1 / $w2, $c1, $c2, 100 * ($c2 / $c1 - 1)") | ≥ 1.7×, ≤ +10 % |")
fi

# --- 3. text rate ------------------------------------------------------------
sources=()
for f in "$root"/corpus/*.txt "$shared"/corpus/dev/text/*.txt "$shared"/corpus/seed/input/*.txt; do
  [[ -f $f ]] && sources+=("$f")
done
n=${#sources[@]}
mkdir -p "$tmp/docs"
bytes=0
for ((i = 0; i < docs; i++)); do
  a=${sources[i % n]}
  b=${sources[(i * 7 + 3) % n]}
  c=${sources[(i * 13 + 5) % n]}
  out=$tmp/docs/$(printf 'doc-%05d.txt' "$i")
  case $((i % 4)) in
    0 | 1) cat "$a" >"$out" ;;
    2) head -c $(($(stat -c %s "$a") / 2)) "$a" >"$out" ;;  # a short one
    3) if ((i % 8 == 3)); then cat "$a" "$b" >"$out"; else cat "$a" "$b" "$c" >"$out"; fi ;;
  esac
done
bytes=$(du -sb "$tmp/docs" | cut -f1)
for j in 1 2; do
  : >"$tmp/rate$j"; : >"$tmp/rss$j"
  for ((r = 0; r < rounds; r++)); do
    read -r u s e m < <(measure env -u OMP_THREAD_LIMIT "$delibex" extract -q -j "$j" "$tmp/docs" -o "$tmp/out.jsonl")
    calc '%.0f\n' "$docs / ($e > 0 ? $e : 0.01)" >>"$tmp/rate$j"
    echo "$m" >>"$tmp/rss$j"
  done
  lines=$(wc -l <"$tmp/out.jsonl")
  [[ $lines -eq $docs ]] || { echo "bench/run.sh: $lines records for $docs documents" >&2; exit 1; }
done
r1=$(median <"$tmp/rate1"); r2=$(median <"$tmp/rate2")
m1=$(median <"$tmp/rss1"); m2=$(median <"$tmp/rss2")
rows+=("| text rate: $docs documents ($(calc '%.0f' "$bytes / 1048576") MB, $n texts), \`delibex extract DIR -j 1\` / \`-j 2\` | $(calc '**%.0f** / **%.0f** documents/s; peak RSS %.0f / %.0f MB' "$r1, $r2, $m1 / 1024, $m2 / 1024") | thousands/s |")

echo "bench/run.sh: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $rounds round(s), medians"
echo
echo "| what | figure | target |"
echo "|---|---|---|"
for row in "${rows[@]}"; do echo "$row"; done
for note in "${notes[@]+"${notes[@]}"}"; do echo "($note)"; done
