#!/usr/bin/env bash
# Fetch the real public pages tests/kinds.rs reads but the repository may not carry (their
# repositories' licences do not allow redistributing them here) into a git-ignored directory:
#   scripts/fetch-kinds-pages.sh [DIR]      (default: tests/fixtures/kinds/fetched)
# Each file comes from a pinned commit of a public GitHub repository and is checked against a
# pinned SHA-256; sources and licences are in tests/fixtures/kinds/README.md. .ci/run calls this
# before cargo test; without the files the tests that need them skip with a note (fail under CI).
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-tests/fixtures/kinds/fetched}"

# local name  sha256  URL
pages=(
  "gne_shanxi_1.html c41850359f8a382697fe00f4432fd9dc576ed96d6a5415e01ea1a7326129a4bc https://raw.githubusercontent.com/GeneralNewsExtractor/GeneralNewsExtractor/3cf165e0e4c61d318a9f58c4bdd8aed7efc0c14f/tests/shanxi/1.html"
  "cwce_bynr_500b350d.html 6df122f28a9dcc7dad8663b0c062343bc0080979afc13cee6761671466737ed5 https://raw.githubusercontent.com/immortal-autumn/Chinese-Web-Content-Extraction-Dataset/99d0ef08419109b5489b12e38f771f25b952d774/original/500b350d-d38d-4fb0-9e81-75e0c95e95a8.html"
)

verified() {
  local file="$1" sum="$2"
  [ -f "$file" ] && [ "$(sha256sum "$file" | cut -d' ' -f1)" = "$sum" ]
}

download() {
  local url="$1" out="$2"
  if command -v curl >/dev/null; then
    curl -fsSL --retry 3 -o "$out" "$url"
  else
    python3 - "$url" "$out" <<'PY'
import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=60) as src, open(sys.argv[2], "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
  fi
}

mkdir -p "$dest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for entry in "${pages[@]}"; do
  set -- $entry
  if verified "$dest/$1" "$2"; then
    continue
  fi
  download "$3" "$tmp/$1"
  if ! verified "$tmp/$1" "$2"; then
    echo "checksum mismatch for $1 from $3 (expected $2); not installed" >&2
    exit 1
  fi
  mv "$tmp/$1" "$dest/$1"
done
echo "kinds pages in $dest (checksums match)"
