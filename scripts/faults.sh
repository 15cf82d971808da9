#!/usr/bin/env bash
# Faults of `gongwen batch` that need root or a real kill (the rest are tests/batch_faults.rs):
#   1. kill -9 at a random point, RUNS times (default 5), each followed by `--resume`: the final
#      output has every input exactly once and no torn line;
#   2. an output directory on a read-only mount: a clear error, exit 2;
#   3. a full disk (a 64 KiB tmpfs): a clear error, exit 2, never a silent partial success.
#   scripts/faults.sh [RUNS]        (release build; cases 2 and 3 need root)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet
bin=$PWD/target/release/gongwen
work=$(mktemp -d /tmp/gongwen-faults-XXXXXX)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "faults: FAIL: $*" >&2; exit 1; }

# Inputs: the samples, copied 8 times under distinct names (about 250 inputs, a few seconds).
mkdir -p "$work/in"
for k in 1 2 3 4 5 6 7 8; do
  for f in samples/*.*; do cp "$f" "$work/in/$k-$(basename "$f")"; done
done
n=$(find "$work/in" -type f | wc -l)

# Every line whole, every input exactly once.
check_once() {
  python3 - "$1" "$work/in" <<'PY'
import json, os, sys
out, root = sys.argv[1], sys.argv[2]
want = {os.path.join(root, f) for f in os.listdir(root)}
seen = []
data = open(out, "rb").read()
if data and not data.endswith(b"\n"):
    sys.exit("a torn last line")
for line in data.splitlines():
    r = json.loads(line)
    seen.append(r.get("source", {}).get("path") or r.get("path"))
dup = len(seen) - len(set(seen))
missing = want - set(seen)
if dup or missing or set(seen) - want:
    sys.exit(f"{dup} inputs twice, {len(missing)} missing")
PY
}

echo "== kill -9 at a random point, then --resume ($runs runs, $n inputs)"
for run in $(seq 1 "$runs"); do
  out="$work/kill-$run.jsonl"
  "$bin" batch -q -j 2 -o "$out" "$work/in" 2>/dev/null &
  pid=$!
  # A random point in the first ~80 % of the run (a full run takes a few seconds here).
  sleep "0.$(( RANDOM % 9 + 1 ))$(( RANDOM % 10 ))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  before=$(wc -l <"$out")
  code=0
  "$bin" batch -q -j 2 --resume -o "$out" "$work/in" 2>/dev/null || code=$?
  [ "$code" -le 2 ] || fail "resume exited $code"
  check_once "$out" || fail "run $run: output after resume"
  echo "run $run: killed after $before of $n records, resumed: $(wc -l <"$out") records, each input once"
done

if [ "$(id -u)" != 0 ]; then
  [ "${CI:-}" = true ] && fail "cases 2 and 3 need root (CI=true)"
  echo "faults: not root: skipping the read-only mount and the full disk"
  exit 0
fi

echo "== output directory on a read-only mount"
ro="$work/ro"; mkdir -p "$ro"
mount -t tmpfs -o ro,size=64k tmpfs "$ro"; mounts+=("$ro")
for mode in "-o $ro/out.jsonl" "--to-dir $ro/out" "--to-dir $ro"; do
  code=0
  # shellcheck disable=SC2086
  "$bin" batch -q $mode "$work/in" 2>"$work/err" || code=$?
  [ "$code" = 2 ] || fail "read-only ($mode): exit $code"
  grep -q "Read-only file system" "$work/err" || fail "read-only ($mode): $(cat "$work/err")"
  echo "read-only ($mode): exit 2: $(head -c 200 "$work/err")"
done

echo "== a full disk (64 KiB tmpfs)"
full="$work/full"; mkdir -p "$full"
mount -t tmpfs -o size=64k tmpfs "$full"; mounts+=("$full")
for mode in "-o $full/out.jsonl" "--to-dir $full/out"; do
  code=0
  # shellcheck disable=SC2086
  "$bin" batch -q $mode "$work/in" 2>"$work/err" || code=$?
  [ "$code" = 2 ] || fail "disk full ($mode): exit $code"
  grep -q "No space left on device" "$work/err" || fail "disk full ($mode): $(cat "$work/err")"
  echo "disk full ($mode): exit 2: $(head -c 200 "$work/err")"
  rm -rf "${full:?}"/*
done
echo "faults: all passed"
