#!/usr/bin/env bash
# Soak `gongwen batch` (release build) with N inputs (default 10 000): see scripts/soak.py.
#   scripts/soak.sh [N] [--keep DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 scripts/soak.py "$@"
