#!/usr/bin/env bash
# check.sh: the whole test suite, as CI runs it (`.ci/run` execs this script).
#
#   scripts/check.sh
#
# Steps, each under a banner:
#   1. scripts/install-deps.sh
#   2. build/      : Release, -DDELIBEX_WERROR=ON, then ctest
#   3. build-asan/ : clang-14, Debug at -O1, -DDELIBEX_SANITIZE=ON -DDELIBEX_FUZZ=ON
#                    -DDELIBEX_WERROR=ON (the fuzz targets' tree too), then ctest with
#                    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 and
#                    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
#                    (skipped when the build/ build failed: same code, same errors)
#   4. clang-format --dry-run --Werror over the C++ files in src/ tests/ bench/ include/ fuzz/
#   5. FUZZ_BUILD=build-asan scripts/fuzz.sh: links each libFuzzer target (fuzz/) in
#                    build-asan/ and runs it for FUZZ_SECONDS (default 20); fails when a
#                    fuzzer finds a crash, leak or timeout (kept in fuzz/findings/).
#                    Skipped when build-asan/ was not built.
# Every step runs even when an earlier one failed (except as said above), then a
# summary is printed. Exit status 0 only when every step passed.
# The last line is `check: P passed, F failed, S skipped`: ctest's tests of both trees,
# F also counting one for each failed step that is not a test failure (build, format,
# ctest finding no test), so F is 0 exactly when the exit status is 0.
#
# Environment: DELIBEX_JOBS (parallel build jobs, default 2), FUZZ_SECONDS (per fuzz
# target, default 20; 0 skips the fuzz step), CTEST_PARALLEL_LEVEL
# (parallel tests, ctest's own variable; default here 2, one per core: CI has 20 minutes), ASAN_OPTIONS / UBSAN_OPTIONS
# (override the defaults above).
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 1

export DELIBEX_JOBS=${DELIBEX_JOBS:-2}
export CTEST_PARALLEL_LEVEL=${CTEST_PARALLEL_LEVEL:-2}
asan_options=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
ubsan_options=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

summary=()
tests_passed=0
tests_failed=0
tests_skipped=0
check_start=$SECONDS

banner() {
  printf '\n========================================================================\n'
  printf '==== %s\n' "$*"
  printf '========================================================================\n'
}

# record NAME STATUS START [NOTE]: one summary line; STATUS is ok, FAIL or skip.
record() {
  local name=$1 status=$2 start=$3 note=${4:-}
  summary+=("$(printf '%-6s %-32s %5ss %s' "$status" "$name" "$((SECONDS - start))" "$note")")
}

# fail_step NAME START NOTE: a failed step that ran no counted test.
fail_step() {
  record "$1" FAIL "$2" "$3"
  tests_failed=$((tests_failed + 1))
}

# run_build DIR ARGS...: configure and build; returns the build's status.
run_build() {
  local dir=$1
  shift
  local start=$SECONDS
  banner "build: $dir ($*)"
  if bash scripts/build.sh "$dir" "$@"; then
    record "build $dir" ok "$start"
    return 0
  fi
  fail_step "build $dir" "$start" "(see the compiler output above)"
  return 1
}

# run_ctest DIR [ENV=VALUE...]: ctest in DIR, counting its tests.
run_ctest() {
  local dir=$1
  shift
  local start=$SECONDS log
  log="$logs/ctest-$(basename "$dir").log"
  banner "tests: ctest --test-dir $dir"
  env "$@" ctest --test-dir "$dir" --output-on-failure --no-tests=error 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local total=0 failed=0 skipped=0 line
  line=$(grep -E '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
  if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    failed=${BASH_REMATCH[1]}
    total=${BASH_REMATCH[2]}
  fi
  skipped=$(grep -cE '^[[:space:]]+[0-9]+ - .* \(Skipped\)[[:space:]]*$' "$log")
  local passed=$((total - failed - skipped))
  ((passed < 0)) && passed=0
  tests_passed=$((tests_passed + passed))
  tests_failed=$((tests_failed + failed))
  tests_skipped=$((tests_skipped + skipped))
  local note="$passed passed, $failed failed, $skipped skipped"
  if ((rc == 0)); then
    record "ctest $dir" ok "$start" "$note"
  else
    record "ctest $dir" FAIL "$start" "$note (ctest exit $rc)"
    ((failed == 0)) && tests_failed=$((tests_failed + 1))
  fi
  return "$rc"
}

banner "delibex check: $(date -u '+%Y-%m-%d %H:%M:%S UTC') in $root"
echo "jobs: $DELIBEX_JOBS; CI=${CI:-}"

# 1. Dependencies: nothing else can run without them.
start=$SECONDS
banner "dependencies: scripts/install-deps.sh"
if ! bash scripts/install-deps.sh; then
  echo "check.sh: installing the dependencies failed; stopping" >&2
  fail_step "dependencies" "$start" "(scripts/install-deps.sh failed)"
  printf '%s\n' "${summary[@]}"
  echo "check: $tests_passed passed, $tests_failed failed, $tests_skipped skipped"
  exit 1
fi
record "dependencies" ok "$start"
for tool in cmake g++ clang-format; do
  printf '%-14s %s\n' "$tool" "$("$tool" --version 2>/dev/null | head -n 1)"
done

# 2. Release build with warnings as errors, and its tests.
release_ok=0
if run_build build -DCMAKE_BUILD_TYPE=Release -DDELIBEX_WERROR=ON; then
  release_ok=1
  run_ctest build
else
  record "ctest build" skip "$SECONDS" "(build failed)"
fi

# 3. Debug build with AddressSanitizer and UBSan, and its tests. The tree is
# clang's, at -O1, with libFuzzer's coverage (-DDELIBEX_FUZZ=ON), so that step 5
# links its fuzz targets there instead of building the library a third time.
asan_ok=0
if [[ -f build-asan/CMakeCache.txt ]] && ! grep -q '^CMAKE_CXX_COMPILER:[^=]*=.*clang' build-asan/CMakeCache.txt; then
  echo "check.sh: build-asan/ was configured with another compiler; starting it again"
  rm -rf build-asan
fi
if ((release_ok)); then
  if CC=clang-14 CXX=clang++-14 run_build build-asan -DCMAKE_BUILD_TYPE=Debug \
    "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g" "-DCMAKE_C_FLAGS_DEBUG=-O1 -g" -DDELIBEX_SANITIZE=ON \
    -DDELIBEX_FUZZ=ON -DDELIBEX_BENCH=OFF -DDELIBEX_WERROR=ON; then
    asan_ok=1
    run_ctest build-asan "ASAN_OPTIONS=$asan_options" "UBSAN_OPTIONS=$ubsan_options"
  else
    record "ctest build-asan" skip "$SECONDS" "(build failed)"
  fi
else
  record "build build-asan" skip "$SECONDS" "(build/ failed: same code)"
  record "ctest build-asan" skip "$SECONDS" "(build/ failed)"
fi

# 4. Formatting.
start=$SECONDS
banner "format: clang-format --dry-run --Werror"
dirs=()
for d in src tests bench include fuzz; do
  [[ -d $d ]] && dirs+=("$d")
done
files=()
if ((${#dirs[@]} > 0)); then
  mapfile -d '' files < <(find "${dirs[@]}" -type f \( -name '*.cpp' -o -name '*.h' \
    -o -name '*.cc' -o -name '*.hpp' \) -print0 | sort -z)
fi
bad=()
for f in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$f" >/dev/null 2>"$logs/format.err"; then
    bad+=("$f")
    if ((${#bad[@]} == 1)); then
      echo "first offence, in $f:"
      head -n 20 "$logs/format.err"
    fi
  fi
done
if ((${#bad[@]} == 0)); then
  echo "${#files[@]} files checked, all formatted"
  record "format" ok "$start" "${#files[@]} files"
else
  echo
  echo "${#bad[@]} of ${#files[@]} files are not formatted (.clang-format):"
  printf '  %s\n' "${bad[@]}"
  echo "fix with: clang-format -i ${bad[*]}"
  fail_step "format" "$start" "${#bad[@]} files not formatted"
fi

# 5. Fuzzing: each target a short while, in the fuzz tree (clang, ASan/UBSan).
fuzz_seconds=${FUZZ_SECONDS:-20}
if ((fuzz_seconds == 0)); then
  record "fuzz" skip "$SECONDS" "(FUZZ_SECONDS=0)"
elif ((asan_ok)); then
  start=$SECONDS
  banner "fuzz: FUZZ_BUILD=build-asan scripts/fuzz.sh $fuzz_seconds"
  FUZZ_BUILD=build-asan bash scripts/fuzz.sh "$fuzz_seconds" 2>&1 | tee "$logs/fuzz.log"
  rc=${PIPESTATUS[0]}
  note=$(grep -E '^fuzz: [0-9]+ targets' "$logs/fuzz.log" | tail -n 1)
  if ((rc == 0)); then
    record "fuzz" ok "$start" "${note#fuzz: }"
  elif ((rc == 2)); then
    fail_step "fuzz" "$start" "(the fuzz build failed: see above)"
  else
    fail_step "fuzz" "$start" "${note#fuzz: } (see fuzz/findings/)"
  fi
else
  record "fuzz" skip "$SECONDS" "(build-asan/ not built)"
fi

# Summary.
banner "summary ($((SECONDS - check_start))s)"
printf '%s\n' "${summary[@]}"
echo
if ((tests_failed == 0)); then
  echo "ALL CHECKS PASSED"
else
  echo "SOME CHECKS FAILED"
fi
echo "check: $tests_passed passed, $tests_failed failed, $tests_skipped skipped"
((tests_failed == 0))
