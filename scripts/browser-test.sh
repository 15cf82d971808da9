#!/usr/bin/env bash
# Drive the page of `gongwen serve` in headless Chromium (Debian's chromium + chromium-driver,
# selenium from PyPI): upload samples, check what a reader sees, save screenshots under
# target/screenshots/. Installs what it needs, builds the binary, starts the server on an
# ephemeral loopback port, runs pytest, stops the server.
#   scripts/browser-test.sh            # from the repository root or anywhere
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
# Without a CJK font the screenshots show boxes instead of Chinese.
fc-list 2>/dev/null | grep -qi 'Noto.*CJK' || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

venv=target/browser-venv
if ! "$venv/bin/python" -c 'import selenium, pytest' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q 'selenium>=4.20,<5' 'pytest>=8,<9'
fi

cargo build --quiet --bin gongwen
log=$(mktemp)
target/debug/gongwen serve --listen 127.0.0.1:0 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  grep -q 'listening on' "$log" && break
  sleep 0.1
done
url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$log" | head -1)
[ -n "$url" ] || { echo "browser-test: the server did not start:"; cat "$log"; exit 1; }

mkdir -p target/screenshots
# Selenium must not try to download a driver: the system one is given explicitly.
GONGWEN_URL="$url" SE_OFFLINE=true "$venv/bin/python" -m pytest -q tests/browser "$@"
