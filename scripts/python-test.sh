#!/usr/bin/env bash
# The Python package's checks: build and install it into a fresh virtual environment, run the
# pytest suite (bindings/python/tests) and `mypy --strict` on a typed example.
# Needs a Rust toolchain and python3 (3.9 or newer); installs python3-venv with apt-get when
# `python3 -m venv` is not available (Debian splits it out).
#   scripts/python-test.sh            # venv in target/python-venv (reused between runs)
#   VENV=/tmp/venv scripts/python-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${VENV:-$root/target/python-venv}
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    echo "== python3 -m venv failed: installing python3-venv with apt-get"
    rm -rf "$venv"
    sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
    $sudo_ apt-get update -qq
    ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    $sudo_ apt-get install -y -qq python3-venv "python$ver-venv" || $sudo_ apt-get install -y -qq python3-venv
    "$python" -m venv "$venv"
  fi
fi
pip="$venv/bin/pip"
echo "== pip install maturin pytest pandas mypy"
"$pip" install --quiet --upgrade pip
"$pip" install --quiet "maturin>=1.5,<2" pytest pandas mypy pandas-stubs
echo "== cargo build --release (the CLI the tests compare against)"
cargo build --release --quiet
echo "== pip install ./bindings/python"
"$pip" install --quiet --force-reinstall --no-deps ./bindings/python
echo "== pytest"
# Run from the tests directory so that `import gongwen` is the installed package.
(cd bindings/python/tests && "$venv/bin/python" -m pytest -q -p no:cacheprovider .)
echo "== mypy --strict"
(cd bindings/python/tests && "$venv/bin/mypy" --strict --no-incremental typed_example.py)
