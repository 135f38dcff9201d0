#!/usr/bin/env bash
# build.sh: configure and build delibex with CMake.
#
#   scripts/build.sh [BUILD_DIR] [extra cmake args...]
#
# BUILD_DIR defaults to `build` (relative to the repository root when relative).
# The build type is Release unless the extra arguments set CMAKE_BUILD_TYPE.
# Examples:
#   scripts/build.sh                                   # build/ , Release
#   scripts/build.sh build -DDELIBEX_WERROR=ON
#   scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DDELIBEX_SANITIZE=ON
# Environment: DELIBEX_JOBS sets the number of parallel jobs (default: nproc).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

build_dir=${1:-build}
if (($# > 0)); then shift; fi

args=()
has_type=0
for a in "$@"; do
  case $a in
    -DCMAKE_BUILD_TYPE=* | -DCMAKE_BUILD_TYPE:*=*) has_type=1 ;;
  esac
done
if ((has_type == 0)); then
  args+=(-DCMAKE_BUILD_TYPE=Release)
fi

jobs=${DELIBEX_JOBS:-$(nproc 2>/dev/null || echo 2)}

echo "build.sh: configuring $build_dir (${args[*]} $*)"
cmake -S "$root" -B "$build_dir" "${args[@]}" "$@"
echo "build.sh: building $build_dir with -j$jobs"
cmake --build "$build_dir" -j"$jobs"
