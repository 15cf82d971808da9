#!/usr/bin/env bash
# Convert every sample, seed and corpus file to JSON (and the blocks dump) with a release build,
# one file per input under OUTDIR, so a refactor can be checked byte for byte:
#   scripts/snapshot.sh /tmp/before   # on the old tree
#   scripts/snapshot.sh /tmp/after    # on the new tree
#   diff -r /tmp/before /tmp/after    # every difference must be intended
set -euo pipefail
out=${1:?usage: scripts/snapshot.sh OUTDIR}
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/gongwen
mkdir -p "$out"
inputs=(samples/*.html samples/*.pdf samples/*.docx samples/*.ofd)
if [ -d ../shared ]; then
  while IFS= read -r f; do inputs+=("$f"); done < <(find ../shared/seeds ../shared/corpus -type f ! -name '*.md' | sort)
fi
for f in "${inputs[@]}"; do
  name=$(echo "$f" | sed 's#^\.\./shared/##; s#/#__#g')
  "$bin" convert "$f" --to json >"$out/$name.json" 2>"$out/$name.err" || echo "exit $?" >>"$out/$name.err"
  "$bin" convert "$f" --emit blocks >"$out/$name.blocks.json" 2>/dev/null || true
done
echo "$(ls "$out" | wc -l) files in $out"
