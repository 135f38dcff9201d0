#!/usr/bin/env bash
# install-deps.sh: install the Debian 12 packages delibex needs to build, test and demo.
#
#   scripts/install-deps.sh
#
# Installs only what is missing (checked with dpkg-query), and runs `apt-get update`
# only when something must be installed. As root it calls apt-get directly; as another
# user it uses sudo when something is missing, and fails with a clear message without
# sudo. Non-interactive (DEBIAN_FRONTEND=noninteractive). Exit status 0 when every
# package is installed at the end.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

packages=(
  # toolchain
  build-essential cmake pkg-config g++
  # libraries the code links against
  libtesseract-dev libleptonica-dev libpcre2-dev nlohmann-json3-dev
  libpoppler-cpp-dev libutf8proc-dev libssl-dev libcli11-dev
  # OCR runtime data
  tesseract-ocr tesseract-ocr-fra
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3 python3-jsonschema clang-format
  # tools to make test documents (../shared/tools/make-scan, PDFs)
  poppler-utils imagemagick img2pdf fonts-dejavu-core
  # tests/review_browser_check.py: the review page in headless Chromium
  chromium
  # scripts/batch_check.sh (peak memory), and the libFuzzer targets of fuzz/
  time clang-14 libfuzzer-14-dev libclang-rt-14-dev
  # tests/slurm_check.sh: a one-node Slurm cluster on localhost (scripts/slurm/)
  slurm-wlm munge
)

say() { printf 'install-deps: %s\n' "$*"; }

if ! command -v dpkg-query >/dev/null 2>&1; then
  say "dpkg-query not found: this script is for Debian 12 (bookworm)" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  if [[ $status != installed ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  say "all ${#packages[@]} packages are already installed"
  exit 0
fi

say "missing ${#missing[@]} package(s): ${missing[*]}"

if [[ $(id -u) -eq 0 ]]; then
  as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1; then
  say "not root: using sudo"
  as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
  say "ERROR: not root and sudo is not available; install as root:" >&2
  say "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q -o Dpkg::Options::=--force-confdef \
  -o Dpkg::Options::=--force-confold "${missing[@]}"

# Check the result: apt-get can succeed while leaving a package unconfigured.
still=()
for p in "${missing[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ $status == installed ]] || still+=("$p")
done
if ((${#still[@]} > 0)); then
  say "ERROR: still not installed: ${still[*]}" >&2
  exit 1
fi
say "installed: ${missing[*]}"
