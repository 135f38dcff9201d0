#!/usr/bin/env bash
# fuzz.sh: build the libFuzzer targets and run each one for a while.
#
#   scripts/fuzz.sh [SECONDS]
#
# Builds build-fuzz/ (clang++-14, -DDELIBEX_FUZZ=ON: the library with
# ASan/UBSan and libFuzzer's coverage; targets fuzz_text, fuzz_pdf,
# fuzz_image, sources in fuzz/), makes seed corpora from corpus/
# (fuzz/make_seeds.py, into build-fuzz/seeds/), then runs the targets one
# after the other, each for SECONDS (default 60) with -max_total_time and the
# dictionary fuzz/delibex.dict. The corpus each run grows is kept in
# build-fuzz/corpus/TARGET and used again by the next run. What a fuzzer
# finds (crash-*, leak-*, timeout-*, oom-*) is kept in fuzz/findings/,
# prefixed by the target's name; reproduce one with
#   build-fuzz/fuzz/TARGET fuzz/findings/TARGET-crash-...
# Prints, per target, executions, executions per second and libFuzzer's
# final cov: and ft: figures; the last line is
#   fuzz: T targets, C with findings
# Exit status 0 when no target found anything (1 otherwise, 2 when the build
# failed).
# Environment: FUZZ_TARGETS (space-separated subset, default all three),
# DELIBEX_JOBS (build jobs, default 2), FUZZ_RSS_LIMIT_MB (default 2048),
# FUZZ_TIMEOUT (seconds one input may take before it is a finding, default 30),
# FUZZ_BUILD (a tree already configured with -DDELIBEX_FUZZ=ON to build the
# targets in, instead of build-fuzz/: check.sh passes its build-asan/).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 2

seconds=${1:-60}
targets=${FUZZ_TARGETS:-fuzz_text fuzz_pdf fuzz_image}
export DELIBEX_JOBS=${DELIBEX_JOBS:-2}
build=${FUZZ_BUILD:-build-fuzz}

if [[ -n ${FUZZ_BUILD:-} ]]; then
  # A tree configured elsewhere with -DDELIBEX_FUZZ=ON (check.sh's build-asan/):
  # only the targets are built, with the flags it was configured with.
  if ! grep -q '^DELIBEX_FUZZ:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
    echo "fuzz.sh: $build is not configured with -DDELIBEX_FUZZ=ON" >&2
    exit 2
  fi
  echo "fuzz.sh: building the targets in $build"
  if ! cmake --build "$build" -j"$DELIBEX_JOBS" --target $targets; then
    echo "fuzz.sh: the build failed" >&2
    exit 2
  fi
else
  echo "fuzz.sh: building $build (clang++-14, -DDELIBEX_FUZZ=ON)"
  if ! CC=clang-14 CXX=clang++-14 bash scripts/build.sh "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DDELIBEX_FUZZ=ON -DDELIBEX_TESTS=OFF -DDELIBEX_BENCH=OFF -DDELIBEX_WERROR=ON; then
    echo "fuzz.sh: the build failed" >&2
    exit 2
  fi
fi
if [[ ! -d $build/seeds/text ]] || [[ fuzz/make_seeds.py -nt $build/seeds ]]; then
  rm -rf "$build/seeds"
  python3 fuzz/make_seeds.py "$build/seeds" || exit 2
fi

mkdir -p fuzz/findings
# Tesseract is not run by the targets, but libgomp reads this when it loads.
export OMP_THREAD_LIMIT=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
found=0
count=0
summary=()
for target in $targets; do
  kind=${target#fuzz_}
  corpus=$build/corpus/$target
  mkdir -p "$corpus"
  log=$build/$target.log
  before=$(find fuzz/findings -maxdepth 1 -name "$target-*" | wc -l)
  echo
  echo "fuzz.sh: $target for ${seconds}s (corpus $corpus, seeds $build/seeds/$kind)"
  # Large PDF seeds (the scans) are read whole; mutations stay small.
  max_len=65536
  [[ $kind == text ]] && max_len=131072
  "$build/fuzz/$target" -max_total_time="$seconds" -dict=fuzz/delibex.dict \
    -max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2048}" \
    -artifact_prefix="fuzz/findings/$target-" -print_final_stats=1 \
    "$corpus" "$build/seeds/$kind" > "$log" 2>&1
  rc=$?
  after=$(find fuzz/findings -maxdepth 1 -name "$target-*" | wc -l)
  # The last status line: "#N  DONE  cov: C ft: F corp: ... exec/s: E ..."
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$last")
  line=$(printf '%-11s %5ss  execs %-9s exec/s %-6s cov %-6s ft %-6s' "$target" "$seconds" \
    "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}")
  count=$((count + 1))
  if ((rc != 0 || after > before)); then
    found=$((found + 1))
    line+="  FINDING (exit $rc): $(find fuzz/findings -maxdepth 1 -name "$target-*" -newer "$corpus" | head -n 3 | tr '\n' ' ')"
    echo "fuzz.sh: $target found something; its log's end:" >&2
    grep -E 'ERROR|SUMMARY|==[0-9]+==|runtime error|#[0-9]+ 0x' "$log" | head -n 30 >&2
  fi
  touch "$corpus"
  echo "$line"
  summary+=("$line")
done
echo
printf '%s\n' "${summary[@]}"
echo "fuzz: $count targets, $found with findings"
((found == 0))
