#!/usr/bin/env bash
# Benchmark gongwen against pdftotext, pandoc and trafilatura on the same files; refreshes the
# peer table in docs/performance.md. Installs the peers when missing (Debian + PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v pandoc >/dev/null || need+=(pandoc)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
python3 -c 'import trafilatura' 2>/dev/null || pip install --quiet trafilatura lxml_html_clean
cargo build --release --quiet
python3 scripts/bench_peers.py
